import { describe, expect, it } from 'vitest';
import type { Alert, AlertSeverity } from './alert-of';
import { createAlertsStore, type KeyValueStorage } from './alerts-store';
import { addAlerts, EMPTY_ALERTS, markAllRead, markRead, parseAlerts, serializeAlerts, storageKey, unreadBySeverity, unreadCount } from './read-state';
import { autoCloseOf, toastCandidate } from './toast-plan';

const alert = (id: string, severity: AlertSeverity = 'warning'): Alert => ({
  id, kind: 'taskEscalated', severity, at: '2026-11-29T07:00:00.000Z', simulated: false, link: `/tasks/${id}`, params: { title: id },
});

/** localStorage as a Map: what a reload reads back. */
function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('read state', () => {
  it('adds new alerts unread and newest first, and says which were new', () => {
    const one = addAlerts(EMPTY_ALERTS, [alert('a')]);
    const two = addAlerts(one.state, [alert('b'), alert('c')]);
    expect(two.added.map((a) => a.id)).toEqual(['b', 'c']);
    expect(two.state.alerts.map((a) => [a.id, a.read])).toEqual([['c', false], ['b', false], ['a', false]]);
    expect(unreadCount(two.state)).toBe(3);
  });

  it('adds nothing for an event seen before (a replay), read or not, nor twice from one batch', () => {
    const first = addAlerts(EMPTY_ALERTS, [alert('a'), alert('a')]);
    expect(first.state.alerts).toHaveLength(1);
    const read = markRead(first.state, ['a']);
    const replay = addAlerts(read, [alert('a')]);
    expect(replay.added).toEqual([]);
    expect(replay.state).toBe(read);
    expect(unreadCount(replay.state)).toBe(0);
  });

  it('marks one read, then all read; marking what is read already changes nothing', () => {
    const { state } = addAlerts(EMPTY_ALERTS, [alert('a'), alert('b'), alert('c')]);
    const one = markRead(state, ['b']);
    expect(one.alerts.map((a) => [a.id, a.read])).toEqual([['c', false], ['b', true], ['a', false]]);
    expect(unreadCount(one)).toBe(2);
    expect(markRead(one, ['b'])).toBe(one);
    const all = markAllRead(one);
    expect(unreadCount(all)).toBe(0);
    expect(markAllRead(all)).toBe(all);
  });

  it('keeps a bounded list, dropping the oldest read alerts before any unread one', () => {
    let state = addAlerts(EMPTY_ALERTS, [alert('old-unread'), alert('old-read'), alert('mid')], 3).state;
    state = markRead(state, ['old-read']);
    state = addAlerts(state, [alert('new')], 3).state;
    expect(state.alerts.map((a) => a.id)).toEqual(['new', 'mid', 'old-unread']);
    // All unread: the oldest goes.
    state = addAlerts(state, [alert('newer')], 3).state;
    expect(state.alerts.map((a) => a.id)).toEqual(['newer', 'new', 'mid']);
  });

  it('reads back what it stored, and an empty list from nothing or from damaged storage', () => {
    const state = markRead(addAlerts(EMPTY_ALERTS, [alert('a'), alert('b', 'critical')]).state, ['a']);
    expect(parseAlerts(serializeAlerts(state))).toEqual(state);
    expect(parseAlerts(null)).toEqual(EMPTY_ALERTS);
    expect(parseAlerts('{not json')).toEqual(EMPTY_ALERTS);
    expect(parseAlerts('{"alerts":[{"id":1},{"id":"x","kind":"k","severity":"loud"}]}')).toEqual(EMPTY_ALERTS);
    // A stored link off the app (tampered storage) is not followed.
    expect(parseAlerts(JSON.stringify({ alerts: [{ ...alert('x'), read: false, link: 'https://example.org' }] }))).toEqual(EMPTY_ALERTS);
  });
});

describe('alerts store', () => {
  it('remembers per user what was read: after a reload the alert is listed as read and its replay does not alert again', () => {
    const storage = memoryStorage();
    const before = createAlertsStore(storage);
    before.open('officer');
    expect(before.receive([alert('a', 'critical'), alert('b')]).map((a) => a.id)).toEqual(['a', 'b']);
    before.markRead(['a']);

    const reloaded = createAlertsStore(storage);
    reloaded.open('officer');
    expect(reloaded.getSnapshot().alerts.map((a) => [a.id, a.read])).toEqual([['b', false], ['a', true]]);
    expect(reloaded.receive([alert('a', 'critical')])).toEqual([]);
    reloaded.markAllRead();
    expect(unreadCount(parseAlerts(storage.data.get(storageKey('officer'))!))).toBe(0);
  });

  it('keeps users apart on a shared workstation', () => {
    const storage = memoryStorage();
    const store = createAlertsStore(storage);
    store.open('officer-a');
    store.receive([alert('a')]);
    store.open('officer-b');
    expect(store.getSnapshot().alerts).toEqual([]);
    expect(store.receive([alert('a')]).map((a) => a.id)).toEqual(['a']);
    store.open('officer-a');
    expect(store.getSnapshot().alerts.map((a) => a.id)).toEqual(['a']);
  });

  it('merges with what another tab of the same user stored, and tells its subscribers', () => {
    const storage = memoryStorage();
    const [tab1, tab2] = [createAlertsStore(storage), createAlertsStore(storage)];
    tab1.open('officer');
    tab2.open('officer');
    let told = 0;
    tab2.subscribe(() => told++);
    tab1.receive([alert('a')]);
    expect(tab2.receive([alert('a'), alert('b')]).map((a) => a.id)).toEqual(['b']);
    tab1.markRead(['b']);
    tab2.reload();
    expect(tab2.getSnapshot().alerts.map((a) => [a.id, a.read])).toEqual([['b', true], ['a', false]]);
    expect(told).toBe(2);
  });

  it('tells the read sink what this device read, once; what another device read is only applied', () => {
    const store = createAlertsStore(memoryStorage());
    const told: string[][] = [];
    store.setReadSink((ids) => told.push(ids));
    store.open('officer');
    store.receive([alert('a'), alert('b', 'critical'), alert('c', 'info')]);
    expect(unreadBySeverity(store.getSnapshot())).toEqual({ critical: 1, warning: 1, info: 1 });
    store.syncRead(['c']);
    expect(told).toEqual([]);
    store.markRead(['a']);
    store.markRead(['a']);
    store.markAllRead();
    expect(told).toEqual([['a'], ['b']]);
    expect(unreadBySeverity(store.getSnapshot())).toEqual({ critical: 0, warning: 0, info: 0 });
  });

  it('works in memory when storage refuses', () => {
    const refusing: KeyValueStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    const store = createAlertsStore(refusing);
    store.open('officer');
    expect(store.receive([alert('a')]).map((a) => a.id)).toEqual(['a']);
    expect(store.receive([alert('a')])).toEqual([]);
    store.markRead(['a']);
    expect(unreadCount(store.getSnapshot())).toBe(0);
  });
});

describe('toasts', () => {
  it('toasts at most one alert of a batch: the newest critical one; warnings and information never', () => {
    const at = (a: ReturnType<typeof alert>, iso: string) => ({ ...a, at: iso });
    const batch = [alert('i1', 'info'), alert('w1'), at(alert('c1', 'critical'), '2026-05-04T06:00:00.000Z'), at(alert('c2', 'critical'), '2026-05-04T06:01:00.000Z'), alert('w2')];
    expect(toastCandidate(batch)?.id).toBe('c2');
    expect(toastCandidate([alert('w1'), alert('i1', 'info')])).toBeNull();
    expect(toastCandidate([])).toBeNull();
  });

  it('keeps a critical toast until dismissed; the others close by themselves', () => {
    expect(autoCloseOf(alert('c', 'critical'))).toBe(false);
    expect(autoCloseOf(alert('w', 'warning'))).toBeGreaterThan(0);
    expect(autoCloseOf(alert('i', 'info'))).toBeGreaterThan(0);
  });
});
