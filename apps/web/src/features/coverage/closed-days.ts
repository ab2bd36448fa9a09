import type { ClosedDay } from '@firebreak/contracts';

/** Closed days on the Coverage page, pure: the name a reader reads, the year's count, the next one. */

/** The name a reader of `language` reads: its own language's when given, else the official one. */
export function closedDayName(d: Pick<ClosedDay, 'name' | 'names'>, language: string): { name: string; official: string | null } {
  const own = language.startsWith('zh') ? d.names?.['zh-CN'] : d.names?.en;
  return own && own !== d.name ? { name: own, official: d.name } : { name: d.name, official: null };
}

/** Calendar days of `year` the entries cover (a range counts each of its days once, overlaps once). */
export function closedDayCount(days: readonly { from: string; to: string }[], year: number): number {
  const seen = new Set<string>();
  for (const d of days) {
    for (let at = Date.parse(`${d.from}T00:00:00Z`), end = Date.parse(`${d.to}T00:00:00Z`); at <= end; at += 86_400_000) {
      const date = new Date(at).toISOString().slice(0, 10);
      if (date.startsWith(`${year}-`)) seen.add(date);
    }
  }
  return seen.size;
}

/** The first closed day not over on `today` (a local `YYYY-MM-DD`), by its first day; undefined when none is left. */
export function nextClosedDay<D extends { from: string; to: string }>(days: readonly D[], today: string): D | undefined {
  return days.filter((d) => d.to >= today).sort((a, b) => a.from.localeCompare(b.from))[0];
}
