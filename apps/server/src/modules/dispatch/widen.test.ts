import type { UnitKind } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import type { IncidentRow } from '../incidents/index.js';
import type { FleetUnit } from './fleet.js';
import { answerFrom, chooseUnits, type Ranking } from './recommend.js';
import { answerInSteps, type Steps } from './widen.js';
import { seeded as seededRandom } from '../simulation/index.js';


const STEPS: Steps = { near: 900, full: 3600 };
const NOW = new Date('2026-03-02T08:00:00.000Z');
const KINDS: UnitKind[] = ['patrol_car', 'fire_engine', 'ladder', 'ambulance'];

const dispatcher: Actor = {
  id: '01900000-0000-7000-8000-0000000000a1', username: 'd', displayName: 'D', kind: 'staff',
  grants: [{ id: 'g', role: 'dispatcher', jurisdictionId: 'j', path: 'li', jurisdictionName: 'LI' }], via: { kind: 'system' },
};

function unitsOf(count: number, random: () => number): FleetUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, callSign: `U${String(i).padStart(3, '0')}`,
    kind: KINDS[Math.floor(random() * KINDS.length)]!, jurisdictionPath: 'li.oberland', status: 'available', onDuty: true,
    capabilities: random() < 0.1 ? ['technical_rescue'] : [], version: 1, home: [9.5, 47.1], homeSnap: null, fixSnap: null, fixSnapAt: Number.NaN,
  }));
}

function ranking(units: FleetUnit[], limit: number, slots: Ranking['card']['tiers']): Ranking {
  const deadline = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
  const incident = {
    type: 'fire',
    tiers: [
      { tier: 1, label: 'first', minutes: 5, requirement: 'on_scene', deadlineAt: deadline(5), metAt: null, missedAt: null },
      { tier: 2, label: 'second', minutes: 15, requirement: 'on_scene', deadlineAt: deadline(15), metAt: null, missedAt: null },
    ],
  } as unknown as IncidentRow;
  return {
    actor: dispatcher, incident, now: NOW, plan: null, card: { tiers: slots },
    kindsInScope: new Set(units.map((u) => u.kind)), slotInScope: () => true, opts: { limit }, loans: new Map(),
  };
}

/**
 * Travel times drawn at random: near, between the cutoffs, beyond the full one, or unreachable;
 * some exactly on a cutoff or tied with another unit.
 */
function trueTimes(count: number, random: () => number, spread: number): (number | null)[] {
  return Array.from({ length: count }, () => {
    const x = random();
    if (x < 0.05) return null;
    if (x < 0.08) return STEPS.near;
    if (x < 0.1) return 600;
    return Math.round(random() * spread * 10) / 10;
  });
}

describe('answerInSteps: the units the prepared fleet does not cover, searched with a cutoff widened in steps', () => {
  it('answers exactly what one search of every unit with the full cutoff answers, over random fleets, plans and moves', () => {
    let widenedPart = 0;
    let stoppedEarly = 0;
    let widenedFull = 0;
    for (let trial = 0; trial < 400; trial++) {
      const random = seededRandom(trial + 1);
      const count = 5 + Math.floor(random() * 120);
      const units = unitsOf(count, random);
      // Sparse fleets (most units far) and dense ones (most near).
      const times = trueTimes(count, random, random() < 0.5 ? 1500 : 6000);
      const within = (t: number | null, cutoff: number) => (t !== null && t <= cutoff ? t : null);
      const slots: Ranking['card']['tiers'] = random() < 0.3 ? [] : [
        { tier: 1, slots: [{ kind: 'fire_engine', units: 1 + Math.floor(random() * 3) }, { kind: 'patrol_car', units: 1 }] },
        { tier: 2, slots: [{ kind: 'ladder', units: 1 }, { capability: 'technical_rescue', units: 1 }, ...(random() < 0.3 ? [{ kind: 'hazmat' as const, units: 1 }] : [])] },
      ];
      const r = ranking(units, 1 + Math.floor(random() * 25), slots);
      const sources = units.map(() => 'avl' as const);
      const unbounded = answerFrom(r, units, sources, times.map((t) => within(t, STEPS.full))).answer;
      // Units still where the fleet was prepared are known exactly; the others (some, all or none) are searched.
      const share = [0, 0.05, 0.3, 1][trial % 4]!;
      const open = units.flatMap((_, i) => (random() < share ? [i] : []));
      const etas = times.map((t, i) => (open.includes(i) ? null : within(t, STEPS.full)));
      const cutoffs: number[] = [];
      const searched: number[][] = [];
      const answer = answerInSteps(etas, open, (indexes, cutoff) => {
        cutoffs.push(cutoff);
        searched.push([...indexes]);
        return indexes.map((i) => within(times[i]!, cutoff));
      }, (e) => answerFrom(r, units, sources, e), STEPS);
      expect(answer, `trial ${trial}`).toEqual(unbounded);
      if (open.length === 0) expect(cutoffs).toEqual([]);
      else {
        // Each search widens the last, over exactly the units not reached yet, and never goes past the full cutoff.
        expect(searched[0] ?? open).toEqual(open);
        expect(cutoffs.length).toBeLessThanOrEqual(3);
        expect(Math.max(...cutoffs, 0)).toBeLessThanOrEqual(STEPS.full);
        for (let k = 1; k < cutoffs.length; k++) {
          expect(cutoffs[k]).toBeGreaterThan(cutoffs[k - 1]!);
          expect(searched[k]).toEqual(searched[k - 1]!.filter((i) => within(times[i]!, cutoffs[k - 1]!) === null));
        }
        if (cutoffs.length <= 1 && !cutoffs.includes(STEPS.full)) stoppedEarly++;
        if (cutoffs.some((c) => c !== STEPS.near && c < STEPS.full)) widenedPart++;
        if (cutoffs.includes(STEPS.full)) widenedFull++;
      }
    }
    // Every kind of ending happened: after one search short of the full cutoff, at the answer's own horizon, at the full cutoff.
    expect(stoppedEarly).toBeGreaterThan(10);
    expect(widenedPart).toBeGreaterThan(10);
    expect(widenedFull).toBeGreaterThan(10);
  });

  it('searches the moved units only as far as the slowest unit the prepared ones give the answer, and not at all when that is none', () => {
    const random = seededRandom(7);
    const units = unitsOf(30, random).map((u) => ({ ...u, kind: 'patrol_car' as const }));
    // Units 0-9 are near; 10-19 moved (two of them nearer than any other), 20-29 stand far away.
    const times = units.map((_, i) => (i < 10 ? 300 + i : i === 10 ? 100 : i === 11 ? 2000 : i < 20 ? 3000 : 2500));
    const r = ranking(units, 5, [{ tier: 1, slots: [{ kind: 'patrol_car', units: 2 }] }]);
    const moved = units.flatMap((_, i) => (i >= 10 && i < 20 ? [i] : []));
    const run = (limit: number) => {
      const cutoffs: number[] = [];
      const answer = answerInSteps(times.map((t, i) => (moved.includes(i) ? null : t)), moved, (indexes, cutoff) => {
        cutoffs.push(cutoff);
        return indexes.map((i) => (times[i]! <= cutoff ? times[i]! : null));
      }, (e) => answerFrom({ ...r, opts: { limit } }, units, units.map(() => 'home' as const), e), STEPS);
      return { cutoffs, etas: answer.items.map((i) => i.etaSeconds) };
    };
    // Five asked for: the fifth prepared unit is 304 s away, so the moved ones are searched within 304 s.
    expect(run(5)).toEqual({ cutoffs: [304], etas: [100, 300, 301, 302, 303] });
    // Twelve: the slowest taken is at 2500 s; the moved one at 2000 s then comes before it.
    expect(run(12).cutoffs).toEqual([2500]);
    expect(run(12).etas).toEqual([100, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 2000]);
  });
});

/**
 * answerFrom's choice as it was before it ranked only the first `limit` and the units fitting a place:
 * every candidate sorted, then walked against the card. The reference the faster one must equal.
 */
function answerBySortingAll(r: Ranking, units: FleetUnit[], etas: (number | null)[], exact: (i: number) => boolean): { chosen: number[]; horizon: number } {
  const keys = etas.map((e) => e ?? Infinity);
  const bound = keys.map((k, i) => (k !== Infinity && !exact(i) ? 1 : 0));
  const collator = new Intl.Collator();
  const order = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || (keys[a] === keys[b] ? bound[a]! - bound[b]! || collator.compare(units[a]!.callSign, units[b]!.callSign) : 0));
  const slots = r.card.tiers.flatMap((tier) => tier.slots.map((slot) => ({ slot, left: slot.units })));
  let open = slots.reduce((n, p) => n + p.left, 0);
  const chosen: number[] = [];
  let horizon = 0;
  order.forEach((i, position) => {
    const u = units[i]!;
    const place = keys[i] !== Infinity && open > 0 ? slots.find((p) => p.left > 0 && (p.slot.kind === undefined || p.slot.kind === u.kind) && (p.slot.capability === undefined || u.capabilities.includes(p.slot.capability))) : undefined;
    if (place) {
      place.left--;
      open--;
    }
    if (position < r.opts.limit || place) {
      chosen.push(i);
      horizon = Math.max(horizon, keys[i]!);
    }
  });
  return { chosen, horizon };
}

describe('chooseUnits ranks only what the answer can take', () => {
  it('takes the same units in the same order, with the same horizon, as sorting every candidate, over random fleets, ties, bounds and cards', () => {
    let slotted = 0;
    for (let trial = 0; trial < 400; trial++) {
      const random = seededRandom(5000 + trial);
      const count = Math.floor(random() * 150);
      const units = unitsOf(count, random);
      // Duplicate call signs now and then: the index then decides, as a stable sort did.
      if (count > 3 && random() < 0.2) units[1]!.callSign = units[0]!.callSign;
      const times = trueTimes(count, random, random() < 0.5 ? 300 : 6000).map((t) => (t !== null && random() < 0.3 ? Math.round(t / 60) * 60 : t));
      const exact = Array.from({ length: count }, () => random() < 0.7);
      const kinds = KINDS.filter(() => random() < 0.5);
      const slots: Ranking['card']['tiers'] = random() < 0.2 ? [] : [
        { tier: 1, slots: kinds.map((kind) => ({ kind, units: 1 + Math.floor(random() * 4) })) },
        { tier: 2, slots: random() < 0.5 ? [{ capability: 'technical_rescue', units: 1 }] : [] },
      ];
      const limit = [0, 1, 5, 20, 200][Math.floor(random() * 5)]!;
      const r = ranking(units, limit, slots);
      const got = chooseUnits(r, units, times, (i) => exact[i]!);
      const want = answerBySortingAll(r, units, times, (i) => exact[i]!);
      expect(got.chosen.map((i) => units[i]!.callSign + '#' + i)).toEqual(want.chosen.map((i) => units[i]!.callSign + '#' + i));
      expect(got.horizon).toBe(want.horizon);
      slotted += want.chosen.length - Math.min(limit, count);
    }
    // Units taken for a place beyond the first `limit`: the part the faster ranking must find.
    expect(slotted).toBeGreaterThan(100);
  });
});
