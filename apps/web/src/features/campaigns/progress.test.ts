import type { CampaignProgress } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { dayLabel, progressRows, progressSummary } from './progress';

const day = (date: string, inspected: number, inspectedToDate: number, found: number, rectified: number, hazardsOpen: number, missedToDate = 0) =>
  ({ date, inspected, inspectedToDate, missed: 0, missedToDate, hazardsFound: found, hazardsRectified: rectified, hazardsOpen });
const progress: CampaignProgress = {
  campaignId: 'c', path: 'li', timeZone: 'Europe/Vaduz', total: 8,
  days: [day('2026-04-01', 2, 2, 3, 0, 3), day('2026-04-02', 1, 3, 0, 2, 1), day('2026-04-03', 0, 3, 1, 0, 2, 5)],
};

describe('campaign progress chart data', () => {
  it('labels a calendar day the same whatever the reader\'s offset', () => {
    expect(dayLabel('2026-04-01', 'en')).toBe('Apr 1');
    expect(dayLabel('2026-12-31', 'en')).toBe('Dec 31');
  });
  it('keeps the running totals and the per-day hazards of the series', () => {
    expect(progressRows(progress, 'en')).toEqual([
      { label: 'Apr 1', inspectedToDate: 2, missedToDate: 0, hazardsFound: 3, hazardsRectified: 0 },
      { label: 'Apr 2', inspectedToDate: 3, missedToDate: 0, hazardsFound: 0, hazardsRectified: 2 },
      { label: 'Apr 3', inspectedToDate: 3, missedToDate: 5, hazardsFound: 1, hazardsRectified: 0 },
    ]);
  });
  it('sums up where the campaign stands at the last day', () => {
    expect(progressSummary(progress)).toEqual({ date: '2026-04-03', inspected: 3, total: 8, missed: 5, found: 4, rectified: 2, open: 2, percent: 38 });
    expect(progressSummary({ ...progress, days: [] })).toBeNull();
  });
});
