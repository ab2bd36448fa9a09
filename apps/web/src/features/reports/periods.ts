/** The last `days` whole days up to now, oldest first, each [from, to) in ISO form (UTC days). */
export function lastDays(days: number, now: Date): { label: string; from: string; to: string }[] {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Array.from({ length: days }, (_, i) => {
    const from = new Date(end - (days - i) * 86_400_000);
    const to = new Date(from.getTime() + 86_400_000);
    return { label: from.toISOString().slice(5, 10), from: from.toISOString(), to: to.toISOString() };
  });
}

/** Seconds as minutes with two decimals, for chart axes; null stays null (no data, not zero). */
export const toMinutes = (s: number | null): number | null => (s === null ? null : Math.round((s / 60) * 100) / 100);
