import type { Alert } from './alert-of';

/**
 * The one alert of a newly arrived batch that may get a toast: the newest critical one; null when
 * the batch has none. Warnings and information only count on the bell, and what is caught up on
 * at sign-in never toasts (the bell sums it up): a toast must not cover work — one at a time, and
 * only for what cannot wait. Whether it is shown at all is the server's claim (`POST
 * /alerts/receipts`): never twice, on any device.
 */
export function toastCandidate(added: readonly Alert[]): Alert | null {
  let pick: Alert | null = null;
  for (const a of added) if (a.severity === 'critical' && (pick === null || a.at >= pick.at)) pick = a;
  return pick;
}

/** A critical toast stays until dismissed or replaced by a newer one. */
export const autoCloseOf = (a: Alert): false | number => (a.severity === 'critical' ? false : a.severity === 'warning' ? 20_000 : 10_000);

export const toastId = (alertId: string) => `alert-${alertId}`;
