import { replaceEqualDeep } from '@tanstack/react-query';

/** Unit lists made by `patchUnits` (live/apply-events.ts): every unit that did not change is already the same object. */
const sharedAlready = new WeakSet<object>();

/** Marks a list whose unchanged items are already the previous list's objects (see `unitListSharing`). */
export function markShared<T extends object>(list: T): T {
  sharedAlready.add(list);
  return list;
}

/**
 * The units query's structural sharing. TanStack Query compares new data deeply with the old by default to keep
 * unchanged objects; for the 5,000-unit list the stream patches every second that comparison was 12-68 ms of the main
 * thread a second on this machine (node, load 16), for nothing: `patchUnits` already keeps every unmoved unit's
 * object. A list it made is stored as it is; a fetched list (every object new) is still shared deeply.
 */
export function unitListSharing(previous: unknown, next: unknown): unknown {
  return typeof next === 'object' && next !== null && sharedAlready.has(next) ? next : replaceEqualDeep(previous, next);
}
