import type { ReinforcementRequest } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { nameIn, prefillFromShortfall, secondsLeft, sortRequests } from './model';

describe('reinforcement request form and list', () => {
  it('prefills from the earliest slot short, counting every missing unit of its kind', () => {
    expect(prefillFromShortfall([])).toBeNull();
    expect(prefillFromShortfall([
      { tier: 3, kind: 'ladder', missing: 1, reason: 'none_in_scope', fastestEtaSeconds: null },
      { tier: 2, kind: 'fire_engine', missing: 1, reason: 'none_in_scope', fastestEtaSeconds: null },
      { tier: 3, kind: 'fire_engine', missing: 1, reason: 'too_far_for_tier_3', fastestEtaSeconds: 400 },
    ])).toEqual({ kind: 'fire_engine', capability: null, count: 2 });
    // A slot asking for a capability prefills the capability.
    expect(prefillFromShortfall([{ tier: 2, kind: null, capability: 'technical_rescue', missing: 1, reason: 'none_available', fastestEtaSeconds: null }]))
      .toEqual({ kind: null, capability: 'technical_rescue', count: 1 });
  });
  it('names places, counts down, and lists the open ones first', () => {
    const r = { names: { 'li.oberland': 'Oberland' }, answerDueAt: '2026-03-10T08:02:00.000Z' };
    expect(nameIn(r, 'li.oberland')).toBe('Oberland');
    expect(nameIn(r, 'li.x')).toBe('li.x');
    expect(secondsLeft(r, Date.parse('2026-03-10T08:01:15.000Z'))).toBe(45);
    expect(secondsLeft(r, Date.parse('2026-03-10T08:03:00.000Z'))).toBe(0);
    expect(secondsLeft({ answerDueAt: null }, 0)).toBeNull();
    const req = (id: string, state: string, createdAt: string) => ({ id, state, createdAt }) as ReinforcementRequest;
    expect(sortRequests([req('a', 'fulfilled', '1'), req('b', 'open', '3'), req('c', 'open', '2'), req('d', 'cancelled', '4')]).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
