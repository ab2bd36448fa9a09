import type { Alert } from './alert-of';

export interface StoredAlert extends Alert {
  read: boolean;
}

/** A user's alerts, newest first. */
export interface AlertsState {
  alerts: readonly StoredAlert[];
}

export const EMPTY_ALERTS: AlertsState = { alerts: [] };

/** How many alerts a user's list keeps (the oldest read ones go first). */
export const MAX_KEPT = 200;

/**
 * Adds the alerts not seen before (by event id), unread and newest first, and says which were
 * new: only those may be toasted. An event replayed after a reconnect or a reload adds nothing.
 */
export function addAlerts(state: AlertsState, incoming: readonly Alert[], max = MAX_KEPT): { state: AlertsState; added: Alert[] } {
  const known = new Set(state.alerts.map((a) => a.id));
  const added: Alert[] = [];
  for (const a of incoming) {
    if (known.has(a.id)) continue;
    known.add(a.id);
    added.push(a);
  }
  if (added.length === 0) return { state, added };
  const alerts = [...added.map((a) => ({ ...a, read: false })).reverse(), ...state.alerts];
  return { state: { alerts: trim(alerts, max) }, added };
}

/** Keeps `max` alerts: drops the oldest read ones first, then (a flood of unread ones) the oldest. */
function trim(alerts: StoredAlert[], max: number): StoredAlert[] {
  let excess = alerts.length - max;
  if (excess <= 0) return alerts;
  const kept: StoredAlert[] = [];
  for (let i = alerts.length - 1; i >= 0; i--) {
    const a = alerts[i]!;
    if (excess > 0 && a.read) excess--;
    else kept.push(a);
  }
  kept.reverse();
  return excess > 0 ? kept.slice(0, max) : kept;
}

export function markRead(state: AlertsState, ids: readonly string[]): AlertsState {
  const which = new Set(ids);
  if (!state.alerts.some((a) => !a.read && which.has(a.id))) return state;
  return { alerts: state.alerts.map((a) => (!a.read && which.has(a.id) ? { ...a, read: true } : a)) };
}

export function markAllRead(state: AlertsState): AlertsState {
  if (!state.alerts.some((a) => !a.read)) return state;
  return { alerts: state.alerts.map((a) => (a.read ? a : { ...a, read: true })) };
}

/** Unread alerts by severity: what the bell shows (a summary, never a pile of toasts). */
export function unreadBySeverity(state: AlertsState): Record<'critical' | 'warning' | 'info', number> {
  const c = { critical: 0, warning: 0, info: 0 };
  for (const a of state.alerts) if (!a.read) c[a.severity]++;
  return c;
}

export function unreadCount(state: AlertsState): number {
  return state.alerts.reduce((n, a) => n + (a.read ? 0 : 1), 0);
}

/** Where a user's alerts live in localStorage: per user, so a shared workstation keeps them apart. */
export const storageKey = (userId: string) => `firebreak.alerts.${userId}`;

const SEVERITIES = new Set(['critical', 'warning', 'info']);

function isStoredAlert(v: unknown): v is StoredAlert {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.id === 'string' && typeof a.kind === 'string' && SEVERITIES.has(a.severity as string) && typeof a.at === 'string'
    && typeof a.link === 'string' && a.link.startsWith('/') && typeof a.read === 'boolean' && typeof a.simulated === 'boolean'
    && typeof a.params === 'object' && a.params !== null;
}

/** The stored list, or an empty one when there is none or it is damaged (never throws: alerts must keep working). */
export function parseAlerts(text: string | null): AlertsState {
  if (!text) return EMPTY_ALERTS;
  try {
    const parsed = JSON.parse(text) as { alerts?: unknown };
    return Array.isArray(parsed.alerts) ? { alerts: parsed.alerts.filter(isStoredAlert) } : EMPTY_ALERTS;
  } catch {
    return EMPTY_ALERTS;
  }
}

export const serializeAlerts = (state: AlertsState): string => JSON.stringify({ alerts: state.alerts });
