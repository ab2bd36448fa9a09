import { describe, expect, it } from 'vitest';
import { daysBetween, localDate, progressSeries, type ProgressBucket } from './progress.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('campaign progress per day', () => {
  it('lists calendar days across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-03-01', '2026-02-28')).toEqual([]);
  });

  it('counts an event on the local calendar day of the time zone asked for', () => {
    const lateEvening = new Date('2026-04-01T22:30:00Z');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-04-01');
    expect(localDate(lateEvening, 'Europe/Vaduz')).toBe('2026-04-02');
    expect(localDate(lateEvening, 'America/Los_Angeles')).toBe('2026-04-01');
  });

  it('fills quiet days and keeps running totals, from the start to the last day', () => {
    const buckets: ProgressBucket[] = [
      { kind: 'inspected', bucket: at('2026-04-01T08:00:00Z'), n: 2 },
      { kind: 'inspected', bucket: at('2026-04-01T22:45:00Z'), n: 1 }, // the 2nd in Vaduz
      { kind: 'found', bucket: at('2026-04-01T08:00:00Z'), n: 3 },
      { kind: 'rectified', bucket: at('2026-04-03T09:15:00Z'), n: 2 },
      { kind: 'missed', bucket: at('2026-04-04T00:00:00Z'), n: 5 },
    ];
    const days = progressSeries(buckets, { startsAt: new Date('2026-03-31T23:30:00Z'), until: new Date('2026-04-04T12:00:00Z'), timeZone: 'Europe/Vaduz' });
    expect(days).toEqual([
      { date: '2026-04-01', inspected: 2, inspectedToDate: 2, missed: 0, missedToDate: 0, hazardsFound: 3, hazardsRectified: 0, hazardsOpen: 3 },
      { date: '2026-04-02', inspected: 1, inspectedToDate: 3, missed: 0, missedToDate: 0, hazardsFound: 0, hazardsRectified: 0, hazardsOpen: 3 },
      { date: '2026-04-03', inspected: 0, inspectedToDate: 3, missed: 0, missedToDate: 0, hazardsFound: 0, hazardsRectified: 2, hazardsOpen: 1 },
      { date: '2026-04-04', inspected: 0, inspectedToDate: 3, missed: 5, missedToDate: 5, hazardsFound: 0, hazardsRectified: 0, hazardsOpen: 1 },
    ]);
  });

  it('reaches back to an event before the start and on to one after the end', () => {
    const days = progressSeries(
      [{ kind: 'found', bucket: at('2026-03-30T10:00:00Z'), n: 1 }, { kind: 'rectified', bucket: at('2026-04-05T10:00:00Z'), n: 1 }],
      { startsAt: new Date('2026-04-01T00:00:00Z'), until: new Date('2026-04-02T00:00:00Z'), timeZone: 'UTC' },
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    expect(days.at(-1)).toMatchObject({ hazardsRectified: 1, hazardsOpen: 0 });
  });

  it('has no days before the campaign starts', () => {
    expect(progressSeries([], { startsAt: new Date('2026-05-01T00:00:00Z'), until: new Date('2026-04-20T00:00:00Z'), timeZone: 'UTC' })).toEqual([]);
  });
});
