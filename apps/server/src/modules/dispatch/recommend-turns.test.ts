import type { UnitKind } from '@firebreak/contracts';
import { PreparedOrigins, RoadGraph, importOsm, manyToOne, type Snapped } from '@firebreak/roadgraph';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import type { IncidentRow } from '../incidents/index.js';
import type { FleetUnit } from './fleet.js';
import { answerFrom, rank, turnAwareCounts, type ProfileGraphs, type Ranking } from './recommend.js';
import { prepareFleet, timesByPrepared } from './prepared-fleet.js';

const byCallSign = new Intl.Collator().compare;

const LIECHTENSTEIN = fileURLToPath(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));
const NOW = new Date('2026-03-02T08:00:00.000Z');
const SCENE: [number, number] = [9.5215, 47.141]; // Vaduz
const BALZERS: [number, number] = [9.5005, 47.0665]; // 8 km south: an ambulance there misses a 5-minute tier

const dispatcher: Actor = {
  id: '01900000-0000-7000-8000-0000000000a1', username: 'd', displayName: 'D', kind: 'staff',
  grants: [{ id: 'g', role: 'dispatcher', jurisdictionId: 'j', path: 'li', jurisdictionName: 'LI' }], via: { kind: 'system' },
};

const unit = (i: number, kind: UnitKind, at: Snapped): FleetUnit => ({
  id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, callSign: `U${String(i).padStart(3, '0')}`, kind,
  jurisdictionPath: 'li.oberland', status: 'available', onDuty: true, capabilities: [], version: 1,
  home: [at.point[0], at.point[1]], homeSnap: at, fixSnap: null, fixSnapAt: Number.NaN,
});

describe('recommendations with turn costs: every unit filling a place of the card is timed with its turns', () => {
  let graphs: ProfileGraphs;
  beforeAll(async () => {
    const data = await importOsm(LIECHTENSTEIN);
    graphs = { car: new RoadGraph(data, 'car', { turnCosts: true }), emergency: new RoadGraph(data, 'emergency', { turnCosts: true }) };
  }, 120_000);

  it('an ambulance behind a fleet of patrol cars on its graph gets its turn-aware ETA, and the shortfall says it', () => {
    const snap = (p: [number, number]) => graphs.car.snapper.snap(p, 2000);
    // Patrol cars and the ambulance drive the same (emergency) graph; the cars are all nearer.
    const near = Array.from({ length: 30 }, (_, i) => snap([SCENE[0] + ((i % 6) - 3.5) * 0.002, SCENE[1] + (Math.floor(i / 6) - 2) * 0.002]));
    const units = [...near.map((s, i) => unit(i, 'patrol_car', s)), unit(99, 'ambulance', snap(BALZERS))];
    const destination = snap(SCENE);
    const deadline = new Date(NOW.getTime() + 5 * 60_000).toISOString();
    const r: Ranking = {
      actor: dispatcher, now: NOW, plan: null, loans: new Map(), opts: { limit: 1 },
      incident: { type: 'medical', tiers: [{ tier: 1, label: 'first', minutes: 5, requirement: 'on_scene', deadlineAt: deadline, metAt: null, missedAt: null }] } as unknown as IncidentRow,
      card: { tiers: [{ tier: 1, slots: [{ kind: 'ambulance', units: 1 }] }] },
      kindsInScope: new Set<UnitKind>(['patrol_car', 'ambulance']), slotInScope: () => true,
    };
    const fleet = {
      dispatchable: () => units,
      positionOf: (u: FleetUnit) => ({ snapped: u.homeSnap ?? null, source: 'home' as const }),
      preparedSecondsTo: () => null,
    };
    const answer = rank(graphs, fleet, r, destination);
    const ambulance = answer.items.find((i) => i.kind === 'ambulance')!;
    const [turnAware] = manyToOne(graphs.emergency, [units[30]!.homeSnap!], destination, { cutoff: 3600 });
    const [nodeBased] = manyToOne(new RoadGraph(graphs.emergency.data, 'emergency'), [units[30]!.homeSnap!], destination, { cutoff: 3600 });
    // The refinement of `nearest` (the answer's 1 + the card's 1 = 2 units of the graph) stops at patrol cars.
    expect(turnAware!).toBeGreaterThan(nodeBased! + 1);
    expect(ambulance.etaSeconds).toBeCloseTo(turnAware!, 6);
    expect(answer.shortfall).toEqual([{ tier: 1, kind: 'ambulance', missing: 1, reason: 'too_far_for_tier_1', fastestEtaSeconds: ambulance.etaSeconds }]);
  });

  it('a time flagged exact by a nearest-k refinement is the turn-aware time, prepared or searched; the others are lower bounds', () => {
    const graph = graphs.emergency;
    const snap = (p: [number, number]) => graph.snapper.snap(p, 2000);
    let exactSeen = 0, boundsSeen = 0;
    for (let seed = 1; seed <= 6; seed++) {
      // A fleet scattered over the valley east of the Rhine around Vaduz, an incident among them.
      const at = (i: number): [number, number] => [SCENE[0] + (((i * 7919 * seed) % 97) / 97) * 0.03, SCENE[1] + (((i * 104729 + seed) % 89) / 89 - 0.5) * 0.1];
      const origins = Array.from({ length: 60 }, (_, i) => snap(at(i)));
      const destination = snap(at(1000 + seed));
      const k = 3 + seed;
      const full = manyToOne(graph, origins, destination, { cutoff: 3600 });
      for (const query of [
        (exact: Uint8Array) => new PreparedOrigins(graph, origins).manyToOne(destination, { cutoff: 3600, nearest: k, exact }),
        (exact: Uint8Array) => manyToOne(graph, origins, destination, { cutoff: 3600, nearest: k, exact }),
      ]) {
        const exact = new Uint8Array(origins.length).fill(7);
        const near = query(exact);
        expect(exact.every((e) => e === 0 || e === 1)).toBe(true);
        // The k nearest by turn-aware time are among the exact ones.
        const kth = [...full].sort((a, b) => a - b)[k - 1]!;
        near.forEach((t, i) => {
          expect(t).toBeLessThanOrEqual(full[i]!);
          if (exact[i] === 1) {
            expect(t).toBe(full[i]);
            exactSeen++;
          } else {
            expect(t).toBeGreaterThanOrEqual(kth);
            if (t < full[i]!) boundsSeen++;
          }
          if (full[i]! < kth) expect(exact[i]).toBe(1);
        });
      }
    }
    expect(exactSeen).toBeGreaterThan(2 * 6 * 3);
    // The refinement did leave lower bounds, so the test tells exact times from them.
    expect(boundsSeen).toBeGreaterThan(0);
  });

  it('on a tie with the k-th unit, a unit whose ETA is a lower bound never outranks the one timed with its turns (whatever the call signs)', () => {
    const graph = graphs.emergency;
    const snap = (p: [number, number]) => graph.snapper.snap(p, 2000);
    const near = Array.from({ length: 30 }, (_, i) => snap([SCENE[0] + ((i % 6) - 3.5) * 0.002, SCENE[1] + (Math.floor(i / 6) - 2) * 0.002]));
    const destination = snap(SCENE);
    const full = manyToOne(graph, near, destination, { cutoff: 3600 });
    const nearest = full.indexOf(Math.min(...full));
    let lostOnCallSign = 0;
    // The twin stands where the fastest unit stands: the same time, but `nearest: 1` times only one of them.
    for (const twinSign of ['A000', 'Z999']) {
      const units = [...near.map((s, i) => unit(i, 'patrol_car', s)), { ...unit(99, 'patrol_car', near[nearest]!), callSign: twinSign }];
      const exact = new Uint8Array(units.length);
      const times = manyToOne(graph, units.map((u) => u.homeSnap!), destination, { cutoff: 900, nearest: 1, exact });
      const pair = [nearest, 30];
      expect(times[30]).toBe(times[nearest]);
      expect(pair.map((i) => exact[i]).sort()).toEqual([0, 1]);
      const timed = units[pair.find((i) => exact[i] === 1)!]!;
      const other = units[pair.find((i) => exact[i] === 0)!]!;
      if (byCallSign(other.callSign, timed.callSign) < 0) lostOnCallSign++;
      const r: Ranking = {
        actor: dispatcher, now: NOW, plan: null, loans: new Map(), opts: { limit: 1 },
        incident: { type: 'medical', tiers: [] } as unknown as IncidentRow,
        card: { tiers: [] }, kindsInScope: new Set<UnitKind>(['patrol_car']), slotInScope: () => true,
      };
      const fleet = { dispatchable: () => units, positionOf: (u: FleetUnit) => ({ snapped: u.homeSnap ?? null, source: 'home' as const }), preparedSecondsTo: () => null };
      const answer = rank(graphs, fleet, r, destination);
      expect(answer.items.map((i) => i.unitId)).toEqual([timed.id]);
      expect(answer.items[0]!.etaSeconds).toBe(full[nearest]);
    }
    // In one of the two the unit left with a bound has the first call sign: the case the rule is for.
    expect(lostOnCallSign).toBe(1);
  });

  it('answerFrom: equal ETAs rank the exact one first, then by call sign', () => {
    const here = graphs.car.snapper.snap(SCENE, 2000);
    const units = [unit(1, 'patrol_car', here), unit(2, 'patrol_car', here), unit(3, 'patrol_car', here)];
    const r: Ranking = {
      actor: dispatcher, now: NOW, plan: null, loans: new Map(), opts: { limit: 3 },
      incident: { type: 'medical', tiers: [] } as unknown as IncidentRow,
      card: { tiers: [] }, kindsInScope: new Set<UnitKind>(['patrol_car']), slotInScope: () => true,
    };
    const sources = units.map(() => 'home' as const);
    const order = (exact: boolean[]) => answerFrom(r, units, sources, [120, 120, 120], (i) => exact[i]!).answer.items.map((i) => i.callSign);
    expect(order([false, true, false])).toEqual(['U002', 'U001', 'U003']);
    expect(order([false, true, true])).toEqual(['U002', 'U003', 'U001']);
    expect(order([true, true, true])).toEqual(['U001', 'U002', 'U003']);
    // Without flags every ETA is its own: call signs alone.
    expect(answerFrom(r, units, sources, [120, 60, 120]).answer.items.map((i) => i.callSign)).toEqual(['U002', 'U001', 'U003']);
  });
});

describe('the prepared refinement counts only the candidates toward `nearest`', () => {
  let graphs: ProfileGraphs;
  beforeAll(async () => {
    const data = await importOsm(LIECHTENSTEIN);
    graphs = { car: new RoadGraph(data, 'car', { turnCosts: true }), emergency: new RoadGraph(data, 'emergency', { turnCosts: true }) };
  }, 120_000);

  it('busy units nearer the scene (prepared with the fleet, not candidates) leave no lower bound in the answer', () => {
    const snap = (p: [number, number]) => graphs.car.snapper.snap(p, 2000);
    // 12 busy patrol cars around the scene, 12 available ones farther out: all prepared, as the fleet view does.
    const ring = (r: number) => Array.from({ length: 12 }, (_, i) => snap([SCENE[0] + r * Math.cos(i / 2), SCENE[1] + r * 0.7 * Math.sin(i / 2)]));
    const busy = ring(0.004).map((s, i) => ({ ...unit(i, 'patrol_car', s), status: 'busy' as const }));
    const free = ring(0.02).map((s, i) => unit(100 + i, 'patrol_car', s));
    const all = [...busy, ...free];
    const prepared = drain(prepareFleet(graphs, all.map((u) => ({ id: u.id, kind: u.kind, snapped: u.homeSnap! }))));
    const destination = snap(SCENE);
    const r: Ranking = {
      actor: dispatcher, now: NOW, plan: null, loans: new Map(), opts: { limit: 6 },
      incident: { type: 'medical', tiers: [] } as unknown as IncidentRow,
      card: { tiers: [] }, kindsInScope: new Set<UnitKind>(['patrol_car']), slotInScope: () => true,
    };
    const fleet = {
      dispatchable: () => free,
      positionOf: (u: FleetUnit) => ({ snapped: u.homeSnap ?? null, source: 'home' as const }),
      preparedSecondsTo: (units: FleetUnit[], snapped: (Snapped | null)[], to: Snapped, cutoff: number, nearest?: number) => timesByPrepared(prepared, graphs, units, snapped, to, cutoff, nearest),
    };
    const answer = rank(graphs, fleet, r, destination);
    const full = manyToOne(graphs.emergency, free.map((u) => u.homeSnap!), destination, { cutoff: 3600 });
    const expected = free.map((u, i) => ({ id: u.id, eta: full[i]! })).sort((a, b) => a.eta - b.eta || byCallSign(free.find((u) => u.id === a.id)!.callSign, free.find((u) => u.id === b.id)!.callSign)).slice(0, 6);
    expect(answer.items.map((i) => i.etaSeconds)).toEqual(expected.map((e) => e.eta));
    expect(answer.items.map((i) => i.unitId)).toEqual(expected.map((e) => e.id));
  });
});

describe('each graph refines as many units as the answer and the places its candidates fit', () => {
  let graphs: ProfileGraphs;
  beforeAll(async () => {
    const data = await importOsm(LIECHTENSTEIN);
    graphs = { car: new RoadGraph(data, 'car', { turnCosts: true }), emergency: new RoadGraph(data, 'emergency', { turnCosts: true }) };
  }, 120_000);

  it('patrol cars under a card with engine places: the engines\' places add none to their graph, and the answer is the fully refined one', () => {
    const snap = (p: [number, number]) => graphs.car.snapper.snap(p, 2000);
    const cars = Array.from({ length: 30 }, (_, i) => unit(i, 'patrol_car', snap([SCENE[0] + ((i % 6) - 2.5) * 0.004, SCENE[1] + (Math.floor(i / 6) - 2) * 0.004])));
    const prepared = drain(prepareFleet(graphs, cars.map((u) => ({ id: u.id, kind: u.kind, snapped: u.homeSnap! }))));
    const destination = snap(SCENE);
    const r: Ranking = {
      actor: dispatcher, now: NOW, plan: null, loans: new Map(), opts: { limit: 3 },
      incident: { type: 'fire', tiers: [] } as unknown as IncidentRow,
      card: { tiers: [{ tier: 1, slots: [{ kind: 'fire_engine', units: 2 }, { kind: 'patrol_car', units: 1 }] }, { tier: 2, slots: [{ kind: 'ladder', units: 1 }] }] },
      kindsInScope: new Set<UnitKind>(['patrol_car']), slotInScope: () => true,
    };
    const asked: number[] = [];
    const fleetWith = (force?: number) => ({
      dispatchable: () => cars,
      positionOf: (u: FleetUnit) => ({ snapped: u.homeSnap ?? null, source: 'home' as const }),
      preparedSecondsTo: (units: FleetUnit[], snapped: (Snapped | null)[], to: Snapped, cutoff: number, nearest?: number | ((graph: RoadGraph) => number)) => {
        const k = typeof nearest === 'function' ? nearest(graphs.emergency) : nearest;
        asked.push(k ?? -1);
        return timesByPrepared(prepared, graphs, units, snapped, to, cutoff, force ?? nearest);
      },
    });
    const answer = rank(graphs, fleetWith(), r, destination);
    // The answer's 3 and the patrol car's place: not the engines' 2 nor the ladder's 1 (6 before).
    expect(asked).toEqual([4]);
    // The same answer as with every candidate timed with its turns.
    const full = rank(graphs, fleetWith(Infinity), r, destination);
    expect(answer).toEqual(full);
    const etas = manyToOne(graphs.emergency, cars.map((u) => u.homeSnap!), destination, { cutoff: 3600 });
    expect(answer.items.map((i) => i.etaSeconds)).toEqual([...etas].sort((a, b) => a - b).slice(0, 3));
  });

  it('a graph whose candidates fit a place counts it; one whose candidates fit none does not', () => {
    const here = graphs.car.snapper.snap(SCENE, 2000);
    const units = [unit(1, 'patrol_car', here), unit(2, 'ambulance', here), { ...unit(3, 'foot_patrol', here), capabilities: ['first_aid'] }];
    const r = {
      opts: { limit: 2 },
      card: { tiers: [{ tier: 1, slots: [{ kind: 'ambulance' as const, units: 2 }, { capability: 'first_aid', units: 3 }, { kind: 'fire_engine' as const, units: 4 }] }] },
    } as unknown as Ranking;
    const on = turnAwareCounts(graphs, r, units);
    // Emergency graph: the ambulance fits the ambulances' 2 places; car graph (foot patrol): the 3 first-aid places.
    expect(on(graphs.emergency)).toBe(2 + 2);
    expect(on(graphs.car)).toBe(2 + 3);
    // A graph with no candidate: the answer's length alone.
    expect(on(new RoadGraph(graphs.car.data, 'car'))).toBe(2);
  });
});

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
