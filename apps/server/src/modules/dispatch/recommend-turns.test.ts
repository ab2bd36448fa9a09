import type { UnitKind } from '@firebreak/contracts';
import { PreparedOrigins, RoadGraph, importOsm, manyToOne, type Snapped } from '@firebreak/roadgraph';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import type { IncidentRow } from '../incidents/index.js';
import { exactBelow, type FleetUnit } from './fleet.js';
import { rank, type ProfileGraphs, type Ranking } from './recommend.js';

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

  it('a prepared time below the k-th of a nearest-k refinement is the turn-aware time (exactBelow: those units are not refined again)', () => {
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
      const near = new PreparedOrigins(graph, origins).manyToOne(destination, { cutoff: 3600, nearest: k });
      const kth = exactBelow(near, k);
      expect(kth).toBeLessThan(Infinity);
      near.forEach((t, i) => {
        if (t < kth) {
          expect(t).toBe(full[i]);
          exactSeen++;
        } else if (t < full[i]!) boundsSeen++;
      });
    }
    expect(exactSeen).toBeGreaterThan(6 * 3);
    // The refinement did leave lower bounds, so the test tells exact times from them.
    expect(boundsSeen).toBeGreaterThan(0);
    expect(exactBelow(Float64Array.of(5, Infinity, 3), 3)).toBe(Infinity);
    expect(exactBelow(Float64Array.of(5, 1, 3), undefined)).toBe(Infinity);
  });
});
