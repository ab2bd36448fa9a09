import type { Alert } from './alert-of';
import { addAlerts, EMPTY_ALERTS, markAllRead, markRead, parseAlerts, serializeAlerts, storageKey, type AlertsState } from './read-state';

/** The part of `Storage` the store uses (tests give it a Map). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AlertsStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AlertsState;
  /** Switches to a user's list (null: signed out). */
  open(userId: string | null): void;
  /** Takes new alerts and returns those not seen before (the ones to toast). */
  receive(alerts: readonly Alert[]): Alert[];
  /** Marks read here and tells the read sink (the server: read on every device). */
  markRead(ids: readonly string[]): void;
  markAllRead(): void;
  /** Marks read what another device read (from the server): the sink is not told again. */
  syncRead(ids: readonly string[]): void;
  /** Who hears of alerts read on this device (the bell sends them to the server). */
  setReadSink(sink: ((ids: string[]) => void) | null): void;
  /** The storage key of the open user's list, to follow another tab's changes (`storage` events). */
  key(): string | null;
  /** Re-reads the list from storage (another tab changed it). */
  reload(): void;
}

/**
 * A user's alerts, kept in storage so a reload neither forgets them nor alerts again what was read.
 * Every change re-reads storage first, so two tabs of the same user do not overwrite each other.
 * Without storage (private mode, quota) it keeps working in memory.
 */
export function createAlertsStore(storage: KeyValueStorage | null): AlertsStore {
  let userId: string | null = null;
  let state: AlertsState = EMPTY_ALERTS;
  const listeners = new Set<() => void>();
  let readSink: ((ids: string[]) => void) | null = null;
  const unreadAmong = (s: AlertsState, ids: readonly string[] | null) => {
    const which = ids === null ? null : new Set(ids);
    return s.alerts.filter((a) => !a.read && (which === null || which.has(a.id))).map((a) => a.id);
  };
  const readAndTell = (ids: readonly string[] | null) => {
    const current = read();
    const newly = unreadAmong(current, ids);
    commit(ids === null ? markAllRead(current) : markRead(current, ids));
    if (newly.length > 0) readSink?.(newly);
  };

  const read = (): AlertsState => {
    if (!userId || !storage) return state;
    try {
      const text = storage.getItem(storageKey(userId));
      return text === null ? state : parseAlerts(text);
    } catch {
      return state;
    }
  };
  const commit = (next: AlertsState) => {
    if (userId && storage) {
      try {
        storage.setItem(storageKey(userId), serializeAlerts(next));
      } catch {
        // Full or refused: the list still works for this page.
      }
    }
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => state,
    open(id) {
      if (id === userId) return;
      userId = id;
      state = EMPTY_ALERTS;
      state = read();
      for (const l of listeners) l();
    },
    receive(alerts) {
      if (alerts.length === 0) return [];
      const { state: next, added } = addAlerts(read(), alerts);
      if (added.length > 0) commit(next);
      return added;
    },
    markRead: (ids) => readAndTell(ids),
    markAllRead: () => readAndTell(null),
    syncRead: (ids) => commit(markRead(read(), ids)),
    setReadSink(sink) {
      readSink = sink;
    },
    key: () => (userId ? storageKey(userId) : null),
    reload() {
      const next = read();
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
  };
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The page's one store: the stream listener fills it from the first event after sign-in. */
export const alertsStore = createAlertsStore(browserStorage());
