import { describe, expect, it } from 'vitest';
import { isTimeZone, localTime, readLocalTime } from './local-time.js';

const LA = 'America/Los_Angeles';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('localTime', () => {
  it('reads US 12-hour times in San Francisco as PST (UTC-8) in winter and PDT (UTC-7) in summer', () => {
    expect(iso(localTime('12/31/2016 11:57:56 PM', 'MM/DD/YYYY hh:mm:ss A', LA))).toBe('2017-01-01T07:57:56.000Z');
    expect(iso(localTime('01/01/2017 12:01:47 AM', 'MM/DD/YYYY hh:mm:ss A', LA))).toBe('2017-01-01T08:01:47.000Z');
    expect(iso(localTime('01/01/2017 12:00:00 PM', 'MM/DD/YYYY hh:mm:ss A', LA))).toBe('2017-01-01T20:00:00.000Z');
    expect(iso(localTime('07/04/2017 09:00:00 AM', 'MM/DD/YYYY hh:mm:ss A', LA))).toBe('2017-07-04T16:00:00.000Z');
  });
  it('takes the earlier of a repeated hour, and reads a skipped hour with the offset before it', () => {
    // 2017-11-05 01:30 happens twice in Los Angeles: first at PDT (08:30Z), then at PST (09:30Z).
    expect(iso(localTime('2017-11-05 01:30:00', 'YYYY-MM-DD HH:mm:ss', LA))).toBe('2017-11-05T08:30:00.000Z');
    // 2017-03-12 02:30 never happens there; PostgreSQL reads it as 03:30 PDT = 10:30Z.
    expect(iso(localTime('2017-03-12 02:30:00', 'YYYY-MM-DD HH:mm:ss', LA))).toBe('2017-03-12T10:30:00.000Z');
    expect(iso(localTime('2017-03-12 03:30:00', 'YYYY-MM-DD HH:mm:ss', LA))).toBe('2017-03-12T10:30:00.000Z');
  });
  it('takes ISO text with an offset as it is, and other zones by their own rules', () => {
    expect(iso(localTime('2017-01-01T07:57:56Z', 'ISO 8601', LA))).toBe('2017-01-01T07:57:56.000Z');
    expect(iso(localTime('2017-01-01T08:00:00', 'ISO 8601', 'Europe/Vaduz'))).toBe('2017-01-01T07:00:00.000Z');
  });
  it('refuses text that is not in the format or no date', () => {
    for (const bad of ['', '2017-01-01 10:00:00', '13/01/2017 10:00:00 AM', '02/30/2017 10:00:00 AM', '01/01/2017 13:00:00 PM']) {
      expect(localTime(bad, 'MM/DD/YYYY hh:mm:ss A', LA), bad).toBeNull();
    }
    expect(isTimeZone(LA)).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('readLocalTime', () => {
  it('keeps fractional seconds in every format, to the millisecond', () => {
    expect(iso(localTime('2024-10-27 10:15:30.000', 'ISO 8601', 'Europe/Vaduz'))).toBe('2024-10-27T09:15:30.000Z');
    expect(iso(localTime('2024-10-27T10:15:30.250', 'ISO 8601', 'Europe/Vaduz'))).toBe('2024-10-27T09:15:30.250Z');
    expect(iso(localTime('2024-10-27 10:15:30,5', 'YYYY-MM-DD HH:mm:ss', 'Europe/Vaduz'))).toBe('2024-10-27T09:15:30.500Z');
    expect(iso(localTime('12/31/2016 11:57:56.123456 PM', 'MM/DD/YYYY hh:mm:ss A', LA))).toBe('2017-01-01T07:57:56.123Z');
    expect(iso(localTime('2024-10-27T10:15:30.000+01:00', 'ISO 8601', LA))).toBe('2024-10-27T09:15:30.000Z');
  });
  it('says when a DST change makes a wall time ambiguous (repeated hour) or impossible (skipped hour)', () => {
    expect(readLocalTime('2024-10-27 02:30:00.000', 'ISO 8601', 'Europe/Vaduz')).toEqual({ at: new Date('2024-10-27T00:30:00.000Z'), doubt: 'ambiguous' });
    expect(readLocalTime('2024-03-31 02:30:00', 'YYYY-MM-DD HH:mm:ss', 'Europe/Vaduz')?.doubt).toBe('nonexistent');
    expect(readLocalTime('2024-10-27 03:00:00', 'YYYY-MM-DD HH:mm:ss', 'Europe/Vaduz')?.doubt).toBeNull();
    expect(readLocalTime('2024-10-27 01:59:59', 'YYYY-MM-DD HH:mm:ss', 'Europe/Vaduz')?.doubt).toBeNull();
    expect(readLocalTime('2024-10-27T02:30:00Z', 'ISO 8601', 'Europe/Vaduz')?.doubt).toBeNull();
  });
});
