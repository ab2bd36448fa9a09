import { escapeHtml, PRINT_STYLE } from '../../platform/http/html.js';
import type { ReportRow } from './hazards-report.js';
import type { HazardReportSpeech } from './hazards-report-words.js';

/** A self-contained printable page of the hazard report, in the reader's language and zone: one row per child jurisdiction (by name), then the total. */
export function hazardReportHtml(
  report: { total: ReportRow; rows: ReportRow[] },
  period: { from: string; to: string },
  generatedAt: Date,
  s: HazardReportSpeech,
): string {
  const { total } = report;
  const { w, number: n } = s;
  const name = (r: ReportRow) => escapeHtml(s.place(r.jurisdictionPath, r.name));
  const cells = (r: ReportRow) => [r.found, r.foundMajor, r.fixed, r.open, r.overdue].map((x) => `<td>${n(x)}</td>`).join('');
  const rows = report.rows.map((r) => `<tr><td>${name(r)}</td>${cells(r)}</tr>`);
  const h = w.heads;
  const intro = w.intro({ from: s.date(period.from), to: s.date(period.to), generated: s.date(generatedAt), overdue: n(total.overdue), open: n(total.open) });
  return `<!doctype html>
<html lang="${s.lang}"><head><meta charset="utf-8"><title>${escapeHtml(w.title)} — ${name(total)}</title>
<style>
${PRINT_STYLE}
</style></head><body>
<h1>${escapeHtml(w.title)} — ${name(total)}</h1>
<p>${escapeHtml(intro)}</p>
<table><thead><tr>${[h.jurisdiction, h.found, h.foundMajor, h.fixed, h.open, h.overdue].map((x) => `<th>${escapeHtml(x)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}
<tr><th>${escapeHtml(w.total(s.place(total.jurisdictionPath, total.name)))}</th>${cells(total)}</tr></tbody></table>
</body></html>
`;
}
