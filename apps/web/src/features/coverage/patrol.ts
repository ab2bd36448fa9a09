import type { WindowVerdict } from '@firebreak/contracts';

/**
 * The instant of a local wall-clock time on a local date (`2026-03-02`, `07:30`); `24:00` is the
 * next midnight. Local to the browser: the duty officer plans in the time they live in.
 */
export function localInstant(date: string, hhmm: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).toISOString();
}

type Span = { start: string; end: string };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local `HH:MM-HH:MM` that may run past midnight (`22:00-06:00`); `24:00` ends a day. Empty and zero-length spans do not read. */
export function clockProblem(text: string): 'format' | 'order' | null {
  const [from, to, ...rest] = text.trim().split('-');
  if (rest.length > 0 || !from || !to || !HHMM.test(from) || !(to === '24:00' || HHMM.test(to))) return 'format';
  return from === to ? 'order' : null;
}

/** The local date after `date` (`2026-03-02` → `2026-03-03`), across month ends and DST. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localToday(new Date(y, m - 1, d + 1, 12));
}

/**
 * A shift starting on a local date: an end at or before its start is on the next day, so a night
 * shift reads as typed (`22:00-06:00`). Null when it does not read.
 */
export function shiftOn(date: string, hours: string): Span | null {
  if (!DATE.test(date) || clockProblem(hours) !== null) return null;
  const [from, to] = hours.trim().split('-') as [string, string];
  const start = localInstant(date, from);
  const sameDay = localInstant(date, to);
  return { start, end: Date.parse(sameDay) > Date.parse(start) ? sameDay : localInstant(nextDate(date), to) };
}

/**
 * Windows typed for a shift (`07:00-08:30, 01:00-02:00`): each falls the first time its clock
 * comes round from the shift's start — in a night shift `01:00-02:00` is the next morning — and
 * may itself pass midnight (`23:30-00:30`). `outside`: a window does not end within the shift.
 */
export function windowsInShift(shift: Span, text: string): { spans: Span[] } | { problem: 'format' | 'outside' } {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return { problem: 'format' };
  const date = localToday(new Date(shift.start));
  const spans: Span[] = [];
  for (const part of parts) {
    let span = shiftOn(date, part);
    if (!span) return { problem: 'format' };
    if (Date.parse(span.start) < Date.parse(shift.start)) span = shiftOn(nextDate(date), part)!;
    if (Date.parse(span.end) > Date.parse(shift.end)) return { problem: 'outside' };
    spans.push(span);
  }
  return { spans };
}

/** The local `HH:MM-HH:MM` of a span, as a planner types it (an edit form starts from it). */
export function typedSpan(w: Span): string {
  const hhmm = (iso: string) => { const d = new Date(iso); return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`; };
  return `${hhmm(w.start)}-${hhmm(w.end)}`;
}

/** The local `HH:MM–HH:MM` of a window, for the table. */
export function clockSpan(w: { start: string; end: string }, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${f.format(new Date(w.start))}–${f.format(new Date(w.end))}`;
}

/** Badge colours: a missed window is loud (filled red), a short one orange, a held one green. */
export const VERDICT_COLOR: Record<WindowVerdict, string> = { held: 'green', short: 'orange', missed: 'red', unassigned: 'red', running: 'blue', pending: 'gray' };
export const isLoud = (v: WindowVerdict): boolean => v === 'missed' || v === 'unassigned' || v === 'short';

/** Today's local date as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
