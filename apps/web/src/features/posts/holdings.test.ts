import { describe, expect, it } from 'vitest';
import { localToIso } from '../issue/issue-form';
import { heldDays, holdingAt, newestFirst, toLocalInput } from './holdings';

const anna = { userId: 'a', displayName: 'Anna', from: '2026-04-01T08:00:00.000Z', to: '2026-04-01T16:00:00.000Z' };
const ben = { userId: 'b', displayName: 'Ben', from: '2026-04-01T16:00:00.000Z', to: '2026-04-02T00:00:00.000Z' };
// Vacant for two hours, then Carla.
const carla = { userId: 'c', displayName: 'Carla', from: '2026-04-02T02:00:00.000Z', to: null };
const all = [anna, ben, carla];

describe('who held a post when', () => {
  it('answers by [from, to): the new holder holds from the handover instant', () => {
    expect(holdingAt(all, new Date('2026-04-01T07:59:59.999Z'))).toBeNull();
    expect(holdingAt(all, new Date('2026-04-01T08:00:00.000Z'))).toBe(anna);
    expect(holdingAt(all, new Date('2026-04-01T15:59:59.999Z'))).toBe(anna);
    expect(holdingAt(all, new Date('2026-04-01T16:00:00.000Z'))).toBe(ben);
  });

  it('finds nobody while the post was vacant, and the open holding ever after', () => {
    expect(holdingAt(all, new Date('2026-04-02T01:00:00.000Z'))).toBeNull();
    expect(holdingAt(all, new Date('2030-01-01T00:00:00.000Z'))).toBe(carla);
    expect(holdingAt([], new Date())).toBeNull();
  });

  it('lists the newest holding first and counts whole days held', () => {
    expect(newestFirst(all).map((h) => h.userId)).toEqual(['c', 'b', 'a']);
    expect(heldDays(ben, new Date())).toBe(0);
    expect(heldDays(carla, new Date('2026-04-05T03:00:00.000Z'))).toBe(3);
  });

  it('round-trips a chosen instant to the second through the date picker', () => {
    const ms = Date.parse('2026-04-01T16:00:07.000Z');
    expect(toLocalInput(ms)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:07$/);
    expect(localToIso(toLocalInput(ms))).toBe('2026-04-01T16:00:07.000Z');
  });
});
