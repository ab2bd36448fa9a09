import { describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph } from './binary-file.js';
import { buildFromOsm } from './build-from-osm.js';
import type { GraphData } from './graph-data.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import { handMadeOsm, restriction } from './testing/osm-fixture.js';
import { manyToOne } from './travel-times.js';
import { TURN_CAR, TURN_EMERGENCY } from './turns.js';
import { ViaWayAutomaton, decodeViaWays, viaWayFault } from './via-ways.js';
import type { OsmWay } from './osm-read.js';
import type { LonLat } from './types.js';

/*
 * A dual carriageway (hand-made OSM): the northbound carriageway on the east (ways 101, 102), the
 * southbound on the west (103, 104), a median crossover between them (105, cut in its middle by
 * a service spur 106, so the via way is two edges), a side street to the west (107) and one to
 * the east (108), and connectors at both ends (109 north, 110 south). Units of 0.001 degree.
 *
 *      4 ---109--- 3
 *      |103        |102
 *  9 - 5 --7-- 2 - 10     (107 west, 105 crossover 5-7-2 with spur 7-8, 108 east)
 *      |104        |101
 *      6 ---110--- 1
 */
const base: LonLat = [8.5, 47.2];
const p = (x: number, y: number): [number, number] => [base[0] + x / 1000, base[1] + y / 1000];
const nodes = { 1: p(1, 0), 2: p(1, 1), 3: p(1, 3), 4: p(0, 3), 5: p(0, 1), 6: p(0, 0), 7: p(0.5, 1), 8: p(0.5, 1.6), 9: p(-1.5, 1), 10: p(2.5, 1) };
const way = (id: number, refs: number[], tags: Record<string, string>): OsmWay => ({ type: 'way', id, refs, tags });
const ways = [
  way(101, [1, 2], { highway: 'primary', oneway: 'yes' }), way(102, [2, 3], { highway: 'primary', oneway: 'yes' }),
  way(103, [4, 5], { highway: 'primary', oneway: 'yes' }), way(104, [5, 6], { highway: 'primary', oneway: 'yes' }),
  way(105, [5, 7, 2], { highway: 'primary' }), way(106, [7, 8], { highway: 'service' }),
  way(107, [9, 5], { highway: 'residential' }), way(108, [2, 10], { highway: 'residential' }),
  way(109, [3, 4], { highway: 'tertiary' }), way(110, [6, 1], { highway: 'tertiary' }),
];
const relations = [
  // Northbound, across the median and back south: a U-turn, for everyone.
  restriction(201, { restriction: 'no_u_turn' }, 101, [105], 104),
  // Northbound, across the median into the west street: banned, but not to emergency vehicles.
  restriction(202, { restriction: 'no_left_turn', except: 'emergency' }, 101, [105], 107),
  // From the east street across the median: straight on into the west street only.
  restriction(203, { restriction: 'only_straight_on' }, 108, [105], 107),
];
const withRules = buildFromOsm(handMadeOsm(nodes, ways, relations));
const free = buildFromOsm(handMadeOsm(nodes, ways, []));

const NORTHBOUND: LonLat = p(1, 0.5), WEST_STREET: LonLat = p(-0.75, 1), SOUTHBOUND: LonLat = p(0, 0.5), EAST_STREET: LonLat = p(1.75, 1);
const graphOf = (data: GraphData, profile: 'car' | 'emergency' = 'car') => new RoadGraph(data, profile, { turnCosts: true });
const seconds = (graph: RoadGraph, from: LonLat, to: LonLat) => manyToOne(graph, [graph.snapper.snap(from)], graph.snapper.snap(to))[0]!;
/** The OSM way each edge of the route belongs to, in order (a way's consecutive pieces once). */
const waysDriven = (graph: RoadGraph, from: LonLat, to: LonLat): number[] => {
  const coordinates = route(graph, graph.snapper.snap(from), graph.snapper.snap(to)).geometry.coordinates;
  const passes = (x: number, y: number) => coordinates.some(([lon, lat]) => Math.abs(lon! - p(x, y)[0]) < 1e-9 && Math.abs(lat! - p(x, y)[1]) < 1e-9);
  return [passes(0.5, 1) ? 105 : 0, passes(1, 3) ? 109 : 0].filter((w) => w > 0);
};

describe('via-way restrictions read from OSM (a hand-made dual carriageway)', () => {
  it('stores each as its edge chain, the via way in the order it is driven, with the profiles it binds', () => {
    const stored = decodeViaWays(withRules.viaWayRestrictions);
    expect(stored).toHaveLength(3);
    const { edgeSource: s, edgeTarget: t } = withRules;
    for (const r of stored) {
      // The crossover is two edges (the spur cuts it at node 7), driven east to west: 2 -> 7 -> 5.
      expect(r.via).toHaveLength(2);
      const chain = [r.from, ...r.via, r.to];
      for (let i = 1; i < chain.length; i++) expect([s[chain[i]!], t[chain[i]!]].some((v) => v === s[chain[i - 1]!] || v === t[chain[i - 1]!])).toBe(true);
    }
    expect(stored.map((r) => [r.only, r.profiles])).toEqual([[false, TURN_CAR | TURN_EMERGENCY], [false, TURN_CAR], [true, TURN_CAR | TURN_EMERGENCY]]);
    expect(viaWayFault(withRules.viaWayRestrictions, s, t)).toBeUndefined();
  });

  it('no_left_turn across the median: the car goes round by the north end; the emergency vehicle (except=emergency) crosses', () => {
    const car = graphOf(withRules), carFree = graphOf(free);
    expect(waysDriven(carFree, NORTHBOUND, WEST_STREET)).toEqual([105]);
    expect(waysDriven(car, NORTHBOUND, WEST_STREET)).toEqual([109]);
    expect(seconds(car, NORTHBOUND, WEST_STREET)).toBeGreaterThan(seconds(carFree, NORTHBOUND, WEST_STREET) + 10);
    expect(route(car, car.snapper.snap(NORTHBOUND), car.snapper.snap(WEST_STREET)).time).toBe(seconds(car, NORTHBOUND, WEST_STREET));
    const emergency = graphOf(withRules, 'emergency');
    expect(seconds(emergency, NORTHBOUND, WEST_STREET)).toBe(seconds(graphOf(free, 'emergency'), NORTHBOUND, WEST_STREET));
  });

  it('no_u_turn across the median binds everyone: both profiles go round', () => {
    for (const profile of ['car', 'emergency'] as const) {
      const bound = graphOf(withRules, profile), unbound = graphOf(free, profile);
      expect(waysDriven(unbound, NORTHBOUND, SOUTHBOUND)).toEqual([105]);
      expect(waysDriven(bound, NORTHBOUND, SOUTHBOUND)).toEqual([109]);
      expect(seconds(bound, NORTHBOUND, SOUTHBOUND)).toBeGreaterThan(seconds(unbound, NORTHBOUND, SOUTHBOUND));
    }
  });

  it('only_straight_on via the crossover: from the east street the west street is still the direct drive, the southbound carriageway is not', () => {
    const car = graphOf(withRules), carFree = graphOf(free);
    expect(seconds(car, EAST_STREET, WEST_STREET)).toBe(seconds(carFree, EAST_STREET, WEST_STREET));
    expect(waysDriven(carFree, EAST_STREET, SOUTHBOUND)).toEqual([105]);
    expect(seconds(car, EAST_STREET, SOUTHBOUND)).toBeGreaterThan(seconds(carFree, EAST_STREET, SOUTHBOUND));
  });

  it('never makes a trip faster, binds nothing without turn costs or with turnRestrictions off, and survives the graph file', () => {
    const places: LonLat[] = [NORTHBOUND, WEST_STREET, SOUTHBOUND, EAST_STREET, p(0.5, 1.5), p(0.5, 3), p(0.5, 0)];
    const reread = decodeGraph(encodeGraph(withRules));
    expect(Array.from(reread.viaWayRestrictions)).toEqual(Array.from(withRules.viaWayRestrictions));
    const car = graphOf(withRules), carFree = graphOf(free), carReread = graphOf(reread);
    const off = new RoadGraph(withRules, 'car', { turnCosts: true, turnRestrictions: false });
    for (const a of places) {
      for (const b of places) {
        expect(seconds(car, a, b)).toBeGreaterThanOrEqual(seconds(carFree, a, b));
        expect(seconds(carReread, a, b)).toBe(seconds(car, a, b));
        expect(seconds(off, a, b)).toBe(seconds(carFree, a, b));
      }
    }
  });

  it('drops relations whose ways make no chain (a via way the from way does not meet) and a via of a node and ways at once', () => {
    const broken = [
      restriction(301, { restriction: 'no_left_turn' }, 110, [105], 107), // 110 runs 6 - 1: it never meets the crossover
      restriction(302, { restriction: 'no_left_turn' }, 109, [103, 105], 108), // a chain of two via ways: kept
    ];
    const mixed = { ...restriction(303, { restriction: 'no_u_turn' }, 101, [105], 104) };
    mixed.members = [...mixed.members, { type: 'node', ref: 7, role: 'via' }];
    const data = buildFromOsm(handMadeOsm(nodes, ways, [...broken, mixed]));
    const stored = decodeViaWays(data.viaWayRestrictions);
    // Only 302 makes a chain: 109 (3 -> 4), 103 (4 -> 5), 105 (5 -> 7 -> 2), then 108.
    expect(stored).toHaveLength(1);
    expect(stored[0]!.via).toHaveLength(3);
  });

  it('reads via ways listed against the driving order', () => {
    const reversed = buildFromOsm(handMadeOsm(nodes, ways, [restriction(302, { restriction: 'no_left_turn' }, 109, [105, 103], 108)]));
    const inOrder = buildFromOsm(handMadeOsm(nodes, ways, [restriction(302, { restriction: 'no_left_turn' }, 109, [103, 105], 108)]));
    expect(Array.from(reversed.viaWayRestrictions)).toEqual(Array.from(inOrder.viaWayRestrictions));
  });
});

describe('the via-way automaton', () => {
  // Edges are just ids here: the automaton follows id sequences.
  const rule = (from: number, via: number[], to: number, only = false) => ({ from, via, to, only, profiles: TURN_CAR });
  const drive = (automaton: ViaWayAutomaton, edges: number[]): boolean => {
    let state = 0;
    for (let i = 1; i < edges.length; i++) {
      const next = automaton.step(automaton.at(state, edges[i - 1]! << 1), edges[i]! << 1);
      if (next < 0) return false;
      state = next;
    }
    return true;
  };

  it('follows restrictions sharing from and via, and one starting inside another\'s via', () => {
    const a = new ViaWayAutomaton([rule(1, [2, 3], 4), rule(1, [2, 3], 5), rule(3, [6], 7), rule(2, [3], 8, true)], 20);
    expect(drive(a, [1, 2, 3, 4])).toBe(false);
    expect(drive(a, [1, 2, 3, 5])).toBe(false);
    // 2, 3 is the via of the only_* rule: after it only 8 (so 9 is banned, 8 is not).
    expect(drive(a, [1, 2, 3, 9])).toBe(false);
    expect(drive(a, [0, 2, 3, 8])).toBe(true);
    // 3, 6, 7 starts on the last via edge of the first rules.
    expect(drive(a, [1, 2, 3, 6, 7])).toBe(false);
    expect(drive(a, [9, 3, 6, 7])).toBe(false);
    expect(drive(a, [9, 3, 6, 1])).toBe(true);
    expect(drive(a, [1, 2, 9, 3, 4])).toBe(true);
  });
});
