import type { TIME_FORMATS } from '@firebreak/contracts';

export type TimeFormat = (typeof TIME_FORMATS)[number];

interface Wall { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number }

// Seconds may carry a fraction (`.000`, `,5`, up to nanoseconds): kept to the millisecond.
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))? ?([AP]M)$/i;
const SQLISH = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?$/;

const millis = (fraction: string | undefined): number => (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);

function wallOf(text: string, format: TimeFormat): Wall | null {
  if (format === 'MM/DD/YYYY hh:mm:ss A') {
    const m = US.exec(text);
    if (!m) return null;
    const h12 = Number(m[4]);
    if (h12 < 1 || h12 > 12) return null;
    const pm = m[8]!.toUpperCase() === 'PM';
    return { y: Number(m[3]), mo: Number(m[1]), d: Number(m[2]), h: (h12 % 12) + (pm ? 12 : 0), mi: Number(m[5]), s: Number(m[6]), ms: millis(m[7]) };
  }
  const m = SQLISH.exec(text);
  if (!m) return null;
  return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4]), mi: Number(m[5]), s: Number(m[6]), ms: millis(m[7]) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (from the platform's IANA time-zone data). */
function offsetAt(timeZone: string, utcMs: number): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * How sure a local time is: `ambiguous` in the hour a DST change repeats (two instants have that
 * wall time), `nonexistent` in the hour it skips (no instant has it). Either way the instant below
 * is a guess, and a duration computed from it may be an hour off (or negative).
 */
export type TimeDoubt = 'ambiguous' | 'nonexistent';

export interface ReadTime { at: Date; doubt: TimeDoubt | null }

/**
 * A local wall-clock time in an IANA zone -> the instant. In the hour a DST change repeats, the
 * earlier instant is taken; a time that a DST change skips is read with the offset before it
 * (02:30 on a spring-forward night becomes 03:30), as PostgreSQL does. ISO 8601 text with an
 * offset or Z is taken as it is. Null when the text does not match the format or is no date.
 */
export function localTime(text: string, format: TimeFormat, timeZone: string): Date | null {
  return readLocalTime(text, format, timeZone)?.at ?? null;
}

/** `localTime`, saying whether a DST change makes the wall time ambiguous or impossible. */
export function readLocalTime(text: string, format: TimeFormat, timeZone: string): ReadTime | null {
  const t = text.trim();
  if (format === 'ISO 8601' && /(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : { at: new Date(ms), doubt: null };
  }
  const w = wallOf(t, format);
  if (!w || w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > 31 || w.h > 23 || w.mi > 59 || w.s > 59) return null;
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  if (new Date(wall).getUTCDate() !== w.d) return null; // 31 April and the like
  // Two candidates: the offsets in force a day either side of the wall time (they differ only
  // around a DST change). Keep the earliest candidate whose offset reads back to this wall time.
  const offsets = [...new Set([offsetAt(timeZone, wall - 86_400_000), offsetAt(timeZone, wall + 86_400_000)])].sort((a, b) => b - a);
  const fits = offsets.filter((off) => offsetAt(timeZone, wall - off) === off);
  if (fits.length > 0) return { at: new Date(wall - fits[0]! + w.ms), doubt: fits.length > 1 ? 'ambiguous' : null };
  // skipped by spring forward: read with the offset before the change
  return { at: new Date(wall - offsets[offsets.length - 1]! + w.ms), doubt: 'nonexistent' };
}
