import { describe, expect, it } from 'vitest';
import type { GraphData } from './graph-data.js';
import { PreparedOrigins } from './prepared-origins.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import type { Snapped } from './snap.js';
import { graphData, seededRandom } from './testing/factories.js';
import { referenceTurnCosts } from './testing/turn-reference.js';
import { manyToOne, oneToMany } from './travel-times.js';
import { turnAngle, turnSeconds } from './turn-costs.js';
import { TURN_CAR, TURN_EMERGENCY } from './turns.js';

const at = (graph: RoadGraph, node: number): Snapped => graph.snapper.snap([graph.data.nodeLon[node]!, graph.data.nodeLat[node]!]);
const two = (source: number, target: number, seconds = 10) => ({ source, target, forwardMs: seconds * 1000, backwardMs: seconds * 1000 });

describe('the cost of a turn (OSRM car.lua)', () => {
  it('grades turns by angle: straight next to nothing, with the traffic cheaper than across it, sharp dearer, U-turn most', () => {
    const s = (angle: number, options = {}) => turnSeconds(angle, false, options);
    // OSRM's published sigmoid: 7.5 s at most, bias 1.075, +20 s for a U-turn.
    expect(s(0)).toBeCloseTo(0.0069, 3);
    expect(s(90)).toBeCloseTo(2.106, 2);
    expect(s(-90)).toBeCloseTo(5.391, 2);
    expect(s(150)).toBeGreaterThan(s(90));
    expect(s(-150)).toBeGreaterThan(s(-90));
    expect(turnSeconds(180, true)).toBeCloseTo(s(180) + 20, 6);
    // Left-hand traffic mirrors it: the left turn is the cheap one.
    expect(s(-90, { trafficSide: 'left' })).toBeCloseTo(s(90), 9);
    expect(s(90, { trafficSide: 'left' })).toBeCloseTo(s(-90), 9);
    expect(s(90, { turnPenaltySeconds: 0 })).toBe(0);
  });

  it('measures the angle from heading to heading, positive to the right', () => {
    expect(turnAngle(0, 90)).toBe(90);
    expect(turnAngle(0, -90)).toBe(-90);
    expect(turnAngle(350, 10)).toBe(20);
    expect(turnAngle(10, 350)).toBe(-20);
    expect(turnAngle(90, 270)).toBe(180);
  });

  it('refuses nonsense settings', () => {
    const data = graphData(2, [two(0, 1)]);
    expect(() => new RoadGraph(data, 'car', { turnCosts: { turnPenaltySeconds: -1 } })).toThrow(RangeError);
    expect(() => new RoadGraph(data, 'car', { turnCosts: { turnBias: 0 } })).toThrow(RangeError);
  });
});

describe('a crossroads (hand-made, 10 s a street)', () => {
  // 6 7 8 / 3 4 5 / 0 1 2 on a grid: 4 is the crossroads, 1 south, 5 east, 7 north, 3 west.
  const data = graphData(9, [two(1, 4), two(4, 5), two(4, 7), two(3, 4)]);
  const graph = new RoadGraph(data, 'car', { turnCosts: true });
  graph.buildHierarchy();
  const plain = new RoadGraph(data);

  it('from the south: straight on costs next to nothing, right 2.1 s, left 5.4 s, on every query', () => {
    const expected = (angle: number) => (20_000 + Math.round(1000 * turnSeconds(angle, false))) / 1000;
    const south = at(graph, 1);
    const [north, east, west] = [7, 5, 3].map((v) => at(graph, v));
    expect(manyToOne(plain, [south], north!)[0]).toBe(20);
    for (const engine of ['ch', 'dijkstra'] as const) {
      expect(manyToOne(graph, [south], north!, { engine })[0]).toBe(expected(0));
      expect(manyToOne(graph, [south], east!, { engine })[0]).toBe(expected(90));
      expect(manyToOne(graph, [south], west!, { engine })[0]).toBe(expected(-90));
      expect(Array.from(oneToMany(graph, south, [north!, east!, west!], { engine }))).toEqual([expected(0), expected(90), expected(-90)]);
      expect(route(graph, south, west!, { engine }).time).toBe(expected(-90));
    }
    expect(new PreparedOrigins(graph, [south]).manyToOne(west!)[0]).toBe(expected(-90));
    // Within a cutoff just below the turn, the west is out of reach.
    expect(manyToOne(graph, [south], west!, { cutoff: 24 })[0]).toBe(Infinity);
    expect(manyToOne(graph, [south], west!, { cutoff: 26 })[0]).toBe(expected(-90));
  });

  it('left-hand traffic makes the left turn the cheap one', () => {
    const left = new RoadGraph(data, 'car', { turnCosts: { trafficSide: 'left' } });
    expect(manyToOne(left, [at(left, 1)], at(left, 3))[0]).toBe((20_000 + Math.round(1000 * turnSeconds(90, false))) / 1000);
  });
});

describe('U-turns only where a driver can make one (hand-made)', () => {
  // Crossroads 4 with the left turn from the south (edge 0) to the west (edge 1) banned. North of
  // it, 7 is a bend (the street turns east to 8, a dead end); east, 5 is a dead end 30 s away.
  const edges = [two(1, 4), two(3, 4), two(4, 5, 30), two(4, 7), two(7, 8)];
  const data: GraphData = { ...graphData(9, edges), turnRestrictions: Int32Array.of(4, 0, 1, TURN_CAR | TURN_EMERGENCY) };

  it('never at the bend: it drives on to the dead end and turns there', () => {
    const graph = new RoadGraph(data, 'car', { turnCosts: true });
    const plain = new RoadGraph(data);
    // Without turn costs the banned left is made good by a U-turn at the bend: 40 s.
    expect(manyToOne(plain, [at(plain, 1)], at(plain, 3))[0]).toBe(40);
    const r = route(graph, at(graph, 1), at(graph, 3));
    const expected = referenceTurnCosts(data, 1)[3]! / 1000;
    expect(r.time).toBe(expected);
    // 1 -> 4 (straight on) -> 7 (a bend: no turn) -> 8, U-turn at the dead end, 8 -> 7 -> 4, right onto 3.
    const turns = turnSeconds(0, false) + turnSeconds(180, true) + turnSeconds(90, false);
    expect(expected).toBeCloseTo(60 + turns, 2);
    const lonLat = r.geometry.coordinates;
    const east = data.nodeLon[8]!;
    expect(lonLat.some(([lon]) => lon === east)).toBe(true);
  });
});

describe('a restriction whose via is a way (synthetic: the bundled extracts have none)', () => {
  // 6 7 8 / 3 4 5 / 0 1 2: from the south (1 -> 4) up the middle street (4 -> 7) no left onto 7 -> 6.
  // The middle way is cheap, the west side slow: the banned drive is the fastest one without the rule.
  const edges = [two(1, 4), two(4, 7), two(6, 7), two(7, 8), two(3, 4, 20), two(3, 6, 20), two(0, 1, 20), two(0, 3, 20), two(1, 2), two(2, 5), two(4, 5), two(5, 8)];
  const data = graphData(9, edges);
  const rule = (only: boolean, to: number) => ({ from: 0, via: [1], to, only, profiles: TURN_CAR | TURN_EMERGENCY });

  it('no_left_turn via the middle way: the car goes round; driving the way from elsewhere is not banned', () => {
    const free = new RoadGraph(data, 'car', { turnCosts: true });
    const banned = new RoadGraph(data, 'car', { turnCosts: true, viaWayRestrictions: [rule(false, 2)] });
    const fromSouth = manyToOne(free, [at(free, 1)], at(free, 6))[0]!;
    const round = manyToOne(banned, [at(banned, 1)], at(banned, 6))[0]!;
    expect(fromSouth).toBeLessThan(40);
    expect(round).toBeGreaterThan(fromSouth + 5);
    // From the east (5 -> 4 -> 7 -> 6) the same left is allowed.
    expect(manyToOne(banned, [at(banned, 5)], at(banned, 6))[0]).toBe(manyToOne(free, [at(free, 5)], at(free, 6))[0]);
    const r = route(banned, at(banned, 1), at(banned, 6));
    expect(r.time).toBe(round);
  });

  it('only_straight_on via the middle way: after 1 -> 4 -> 7 only 7 -> 8 is allowed', () => {
    const only = new RoadGraph(data, 'car', { turnCosts: true, viaWayRestrictions: [rule(true, 3)] });
    const free = new RoadGraph(data, 'car', { turnCosts: true });
    expect(manyToOne(only, [at(only, 1)], at(only, 6))[0]).toBeGreaterThan(manyToOne(free, [at(free, 1)], at(free, 6))[0]! + 5);
    expect(manyToOne(only, [at(only, 1)], at(only, 8))[0]).toBe(manyToOne(free, [at(free, 1)], at(free, 8))[0]);
  });

  it('binds only the profiles it names: except=emergency leaves the emergency vehicle free', () => {
    const carOnly = [{ ...rule(false, 2), profiles: TURN_CAR }];
    const car = new RoadGraph(data, 'car', { turnCosts: true, viaWayRestrictions: carOnly });
    const emergency = new RoadGraph(data, 'emergency', { turnCosts: true, viaWayRestrictions: carOnly });
    const free = new RoadGraph(data, 'emergency', { turnCosts: true });
    expect(manyToOne(emergency, [at(emergency, 1)], at(emergency, 6))[0]).toBe(manyToOne(free, [at(free, 1)], at(free, 6))[0]);
    expect(manyToOne(car, [at(car, 1)], at(car, 6))[0]).toBeGreaterThan(manyToOne(free, [at(free, 1)], at(free, 6))[0]!);
  });
});

describe('headings through the cache', () => {
  it('equal the geometry read afresh, also when two edge codes share a cache slot (codes 2^16 apart)', () => {
    // 40,000 edges between random nodes of a 200-node grid: codes up to 80,000, so slots collide.
    const random = seededRandom(7);
    const edges = Array.from({ length: 40_000 }, () => two(Math.floor(random() * 200), Math.floor(random() * 200)));
    const graph = new RoadGraph(graphData(200, edges), 'car', { turnCosts: true });
    const cached = graph.turnModel!;
    const fresh = () => new RoadGraph(graphData(200, edges), 'car', { turnCosts: true }).turnModel!;
    const codes = [5, 5 + 65_536, 70_001, 70_001 - 65_536, 1234, 1234 + 65_536];
    const expected = codes.map((c) => [fresh().headingIn(c), fresh().angleAt(c, codes[0]!)]);
    // Ask each twice in an order that makes every pair evict the other.
    for (let round = 0; round < 2; round++) {
      codes.forEach((c, i) => {
        expect(cached.headingIn(c)).toBe(expected[i]![0]);
        expect(cached.angleAt(c, codes[0]!)).toBe(expected[i]![1]);
      });
    }
  });

  it('turnMs kept by both codes equals the sigmoid of the angle read afresh, over 150,000 pairs that share slots', () => {
    const random = seededRandom(11);
    const edges = Array.from({ length: 40_000 }, () => two(Math.floor(random() * 200), Math.floor(random() * 200)));
    const model = new RoadGraph(graphData(200, edges), 'car', { turnCosts: true }).turnModel!;
    const reference = new RoadGraph(graphData(200, edges), 'car', { turnCosts: true }).turnModel!;
    // Many pairs per slot (65,536 slots), each asked twice with others in between: a tag that
    // ignored one of the codes would answer another pair's turn.
    const pairs = Array.from({ length: 150_000 }, () => {
      const arrive = Math.floor(random() * 80_000);
      let leave = Math.floor(random() * 80_000);
      if (leave === (arrive ^ 1)) leave = arrive;
      return [arrive, leave] as const;
    });
    // And pairs whose arriving codes, or leaving codes, are 2^16 apart, the other code the same.
    for (let code = 0; code < 2000; code += 7) pairs.push([code, 100 + code], [code, 100 + code + 65_536], [100 + code, code], [100 + code + 65_536, code]);
    let turned = 0;
    for (let round = 0; round < 2; round++) {
      for (const [arrive, leave] of pairs) {
        const angle = reference.angleAt(arrive, leave);
        const expected = Math.round(1000 * turnSeconds(Number.isNaN(angle) ? 0 : angle, false));
        const got = model.turnMs(3, () => 1, arrive, model.headingIn(arrive), leave);
        if (got !== expected) expect([arrive, leave, got]).toEqual([arrive, leave, expected]);
        if (expected > 1000) turned++;
      }
    }
    expect(turned).toBeGreaterThan(50_000);
  });
});
