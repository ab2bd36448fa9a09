import { describe, expect, it } from 'vitest';
import { parsePmed } from './orlib.js';
import { weightedTime, type PlacementInstance } from './placement-model.js';
import { solvePMedianExact } from './pmedian-exact.js';
import { ascend, selectSmallest, sortCosts, startLambda } from './pmedian-lagrangean.js';
import { seeded } from '../simulation/index.js';

/** mulberry32 (the simulation's generator): a float LCG here cycled after a few thousand draws. */
const random = seeded;

/** Points in a square, every point a demand and a candidate; integral road-like times (1.3 × straight line). */
function square(seed: number, n: number, p: number): PlacementInstance {
  const r = random(seed);
  const pts = Array.from({ length: n }, () => [r() * 100, r() * 100] as const);
  const time = Float64Array.from(pts.flatMap(([x, y]) => pts.map(([a, b]) => Math.round(1.3 * Math.hypot(x - a, y - b)))));
  return { n, m: n, time, weight: Float64Array.from({ length: n }, () => 1 + Math.floor(r() * 3)), p };
}

/**
 * An OR-Library-like instance: a random tree plus as many random edges, integral lengths, times
 * by shortest path. Unlike points in a plane, these have an LP gap now and then.
 */
function network(seed: number, n: number, p: number): PlacementInstance {
  const r = random(seed);
  const edges: string[] = [];
  for (let v = 2; v <= n; v++) edges.push(`${v} ${1 + Math.floor(r() * (v - 1))} ${1 + Math.floor(r() * 100)}`);
  for (let k = 0; k < n; k++) edges.push(`${1 + Math.floor(r() * n)} ${1 + Math.floor(r() * n)} ${1 + Math.floor(r() * 100)}`);
  return parsePmed(`${n} ${edges.length} ${p}\n${edges.join('\n')}`);
}

/** The optimum over every set of p posts. */
function enumerate(pr: PlacementInstance): number {
  let best = Infinity;
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === pr.p) { best = Math.min(best, weightedTime(pr, chosen)); return; }
    for (let j = from; j <= pr.m - (pr.p - chosen.length); j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  return best;
}

describe('p-median branch and bound: its reduction rules', () => {
  it('selects the q cheapest free posts as a full sort would, ties to the lower index', () => {
    const r = random(5);
    for (let round = 0; round < 200; round++) {
      const size = 1 + Math.floor(r() * 60);
      // Few distinct values: ties everywhere.
      const rho = Float64Array.from({ length: size }, () => Math.floor(r() * 8) - 4);
      const list = Int32Array.from({ length: size }, (_, j) => j);
      const q = 1 + Math.floor(r() * size);
      const sorted = [...list].sort((a, b) => rho[a]! - rho[b]! || a - b).slice(0, q).sort((a, b) => a - b);
      selectSmallest(list, q, rho);
      expect([...list.subarray(0, q)].sort((a, b) => a - b), `round ${round}`).toEqual(sorted);
    }
  });

  it('keeps a true lower bound when each point may only be served by a prefix of its row (its reach)', () => {
    const pr = square(3, 14, 3);
    const sc = sortCosts(pr);
    const opt = enumerate(pr);
    // Reach cut to the 5 nearest posts: a relaxation of the problem where each point is served among them,
    // whose optimum is no better than the unrestricted one's.
    const reach = new Int32Array(pr.n).fill(5);
    const a = ascend(sc, new Uint8Array(pr.m), startLambda(sc), opt, { iterations: 400, theta: 2, patience: 20, minTheta: 1e-4, pruneAt: Infinity, deadline: Infinity, reach });
    const free = ascend(sc, new Uint8Array(pr.m), startLambda(sc), opt, { iterations: 400, theta: 2, patience: 20, minTheta: 1e-4, pruneAt: Infinity, deadline: Infinity });
    expect(free.bound).toBeLessThanOrEqual(opt + 1e-6);
    // The restricted problem's optimum bounds its relaxation; it is at least the unrestricted optimum.
    let restricted = Infinity;
    const pick = (from: number, chosen: number[]): void => {
      if (chosen.length === pr.p) {
        let total = 0;
        for (let i = 0; i < pr.n; i++) {
          let bestHere = Infinity;
          for (let k = 0; k < 5; k++) { const j = sc.post[i * pr.m + k]!; if (chosen.includes(j)) bestHere = Math.min(bestHere, sc.cost[i * pr.m + k]!); }
          total += bestHere;
        }
        restricted = Math.min(restricted, total);
        return;
      }
      for (let j = from; j < pr.m; j++) pick(j + 1, [...chosen, j]);
    };
    pick(0, []);
    expect(restricted).toBeGreaterThanOrEqual(opt);
    if (restricted < Infinity) expect(a.bound).toBeLessThanOrEqual(restricted + 1e-6);
  });

  it('proves the enumerated optimum on instances with an LP gap, branching below the root', () => {
    let branched = 0;
    // Seeds whose root bound falls short of the optimum (the tree is needed), and two that do not.
    for (const seed of [1, 2, 8, 18, 28, 53]) {
      const pr = network(seed, 24, 3 + (seed % 3));
      const opt = enumerate(pr);
      // A poor start (the first p posts), so the tree has to find the optimum as well as prove it.
      const s = solvePMedianExact(pr, { start: Array.from({ length: pr.p }, (_, j) => j), deadline: Infinity });
      expect(s.optimal, `seed ${seed}`).toBe(true);
      expect(s.objective, `seed ${seed}`).toBe(opt);
      expect(weightedTime(pr, s.chosen), `seed ${seed}`).toBe(opt);
      if (s.nodes > 1) branched++;
    }
    // The rules under test only act below the root: some instance must have needed the tree.
    expect(branched).toBeGreaterThan(0);
  });
});
