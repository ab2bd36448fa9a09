import type { CampaignProgress } from '@firebreak/contracts';

export interface ProgressRow {
  /** The day as the chart's axis shows it, in the reader's language. */
  label: string;
  inspectedToDate: number;
  missedToDate: number;
  hazardsFound: number;
  hazardsRectified: number;
}

/** A YYYY-MM-DD calendar day, short, in a language: read at noon UTC so no offset moves it. */
export const dayLabel = (date: string, language: string): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Chart rows: cumulative places inspected and missed, hazards found and rectified per day. */
export const progressRows = (p: CampaignProgress, language: string): ProgressRow[] =>
  p.days.map((d) => ({ label: dayLabel(d.date, language), inspectedToDate: d.inspectedToDate, missedToDate: d.missedToDate, hazardsFound: d.hazardsFound, hazardsRectified: d.hazardsRectified }));

/** Where the campaign stands at the end of the last day of the series; null before it started. */
export function progressSummary(p: CampaignProgress) {
  const last = p.days.at(-1);
  if (!last) return null;
  const found = p.days.reduce((s, d) => s + d.hazardsFound, 0);
  const rectified = p.days.reduce((s, d) => s + d.hazardsRectified, 0);
  return {
    date: last.date, inspected: last.inspectedToDate, total: p.total, missed: last.missedToDate, found, rectified, open: last.hazardsOpen,
    percent: p.total === 0 ? 0 : Math.round((last.inspectedToDate / p.total) * 100),
  };
}
