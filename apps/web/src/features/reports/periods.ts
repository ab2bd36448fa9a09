/**
 * The last `days` whole days up to now in the browser's time zone (the user's day, not UTC's),
 * oldest first, each [from, to) in ISO form; labels are the day in the user's locale. Days are
 * made by the calendar, so one with a daylight-saving change is 23 or 25 hours long.
 */
export function lastDays(days: number, now: Date, language = 'en'): { label: string; from: string; to: string }[] {
  const dayLabel = new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit' });
  return Array.from({ length: days }, (_, i) => {
    const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1 - i));
    const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1 - i) + 1);
    return { label: dayLabel.format(from), from: from.toISOString(), to: to.toISOString() };
  });
}
