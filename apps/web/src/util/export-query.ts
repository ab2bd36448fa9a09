/**
 * A download or a new tab carries no UI language: an export (CSV, printable page) is asked for in the
 * reader's language, with dates in their time zone (the server's `PrintQueryFields`).
 */
export function exportQuery(language: string): string {
  return new URLSearchParams({ lang: language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }).toString();
}
