import type { WindowVerdict } from '@firebreak/contracts';
import { windowProblem } from './window';

/**
 * The instant of a local wall-clock time on a local date (`2026-03-02`, `07:30`); `24:00` is the
 * next midnight. Local to the browser: the duty officer plans in the time they live in.
 */
export function localInstant(date: string, hhmm: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).toISOString();
}

/** A local `HH:MM-HH:MM` span of a date as instants, or null when it does not read. */
export function spanOn(date: string, hours: string): { start: string; end: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || windowProblem(hours) !== null) return null;
  const [from, to] = hours.split('-') as [string, string];
  return { start: localInstant(date, from), end: localInstant(date, to) };
}

/** Several windows, comma-separated (`07:00-08:30, 15:30-17:00`), or null when one does not read. */
export function windowsOn(date: string, text: string): { start: string; end: string }[] | null {
  const spans = text.split(',').map((s) => s.trim()).filter(Boolean).map((s) => spanOn(date, s));
  return spans.length > 0 && spans.every((s) => s !== null) ? (spans as { start: string; end: string }[]) : null;
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
