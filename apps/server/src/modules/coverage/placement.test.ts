import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPmed, readPmedOptima } from './orlib.js';
import { solveExact, solveHighs } from './placement-exact.js';
import { solvePMedianExact } from './pmedian-exact.js';
import { solveHeuristic } from './placement-heuristic.js';
import { checkModel, coveredWeight, weightedTime, type PlacementProblem } from './placement-model.js';
import { seeded } from '../simulation/index.js';

const ORLIB = fileURLToPath(new URL('../../../../../data/coverage/pmedian_orlib/', import.meta.url));
const LIMITS = { maxDemand: 10_000, maxCandidates: 1_000, maxCells: 10_000_000 };

/** Demand on a line at 0..5 (weights 1,1,1,1,1,5), candidates at the same points; time = distance in minutes. */
function line(kind: 'mclp' | 'p-median', p: number): PlacementProblem {
  const xs = [0, 1, 2, 3, 4, 5];
  const time = Float64Array.from(xs.flatMap((a) => xs.map((b) => Math.abs(a - b) * 60)));
  return { kind, n: 6, m: 6, time, weight: Float64Array.from([1, 1, 1, 1, 1, 5]), p, withinSeconds: 60 };
}

/** Every set of p posts: the optimum by enumeration. */
function bruteForce(pr: PlacementProblem): number {
  let best = pr.kind === 'mclp' ? -Infinity : Infinity;
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === pr.p) {
      const v = pr.kind === 'mclp' ? coveredWeight(pr, pr.withinSeconds!, chosen) : weightedTime(pr, chosen);
      best = pr.kind === 'mclp' ? Math.max(best, v) : Math.min(best, v);
      return;
    }
    for (let j = from; j < pr.m; j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  return best;
}

/** mulberry32 (the simulation's generator): a float LCG here cycled after a few thousand draws. */
const random = seeded;

function randomProblem(kind: 'mclp' | 'p-median', seed: number): PlacementProblem {
  const r = random(seed);
  const n = 30, m = 10;
  const pts = (k: number) => Array.from({ length: k }, () => [r() * 10, r() * 10] as const);
  const demand = pts(n), posts = pts(m);
  const time = Float64Array.from(demand.flatMap(([x, y]) => posts.map(([a, b]) => Math.round(Math.hypot(x - a, y - b) * 60))));
  return { kind, n, m, time, weight: Float64Array.from({ length: n }, () => 1 + Math.floor(r() * 5)), p: 3, withinSeconds: 150 };
}

describe('placement models', () => {
  it('solves hand-checkable instances: a heavy point pulls the p-median, coverage counts weights', async () => {
    // One post: at 3 the weighted distance is 3+2+1+0+1+10 = 17 (at 4: 4+3+2+1+0+5 = 15, at 5: 5+4+3+2+1 = 15).
    const pm = line('p-median', 1);
    expect(bruteForce(pm)).toBe(15 * 60);
    for (const s of [solveHeuristic(pm), await solveExact(pm, { timeLimitSeconds: 10 })]) {
      expect(s.objective).toBe(15 * 60);
      expect(s.bound).toBeLessThanOrEqual(15 * 60 + 1e-6);
    }
    // Two posts within a minute: 4 covers 3,4,5 (weight 7), 1 covers 0,1,2 (3): everything.
    const mc = line('mclp', 2);
    const exact = await solveExact(mc, { timeLimitSeconds: 10 });
    expect(exact).toMatchObject({ chosen: [1, 4], objective: 10, gap: 0, timedOut: false });
    expect(solveHeuristic(mc).objective).toBe(10);
  });

  it('matches enumeration on random instances, exact always and the heuristic within its reported gap', async () => {
    for (let seed = 1; seed <= 3; seed++) {
      for (const kind of ['mclp', 'p-median'] as const) {
        const pr = randomProblem(kind, seed);
        const opt = bruteForce(pr);
        expect((await solveExact(pr, { timeLimitSeconds: 10 })).objective, `${kind} seed ${seed}`).toBeCloseTo(opt, 6);
        const h = solveHeuristic(pr);
        // The bound is a true bound, and the heuristic is no better than the optimum.
        if (kind === 'mclp') { expect(h.objective).toBeLessThanOrEqual(opt); expect(h.bound).toBeGreaterThanOrEqual(opt - 1e-6); }
        else { expect(h.objective).toBeGreaterThanOrEqual(opt); expect(h.bound).toBeLessThanOrEqual(opt + 1e-6); }
        const greedy = solveHeuristic(pr, { plainGreedy: true });
        expect(kind === 'mclp' ? h.objective >= greedy.objective : h.objective <= greedy.objective).toBe(true);
      }
    }
  });

  it('refuses impossible and oversized models, naming the field and the limit', () => {
    const ok = line('mclp', 2);
    expect(checkModel(ok, LIMITS)).toBeNull();
    expect(checkModel({ ...ok, p: 7 }, LIMITS)).toMatchObject({ status: 422, path: 'p' });
    expect(checkModel({ ...ok, p: 0 }, LIMITS)).toMatchObject({ status: 422, path: 'p' });
    expect(checkModel({ ...ok, n: 0, time: new Float64Array(0), weight: new Float64Array(0) }, LIMITS)).toMatchObject({ status: 422, path: 'demand' });
    expect(checkModel({ ...ok, weight: Float64Array.from([1, 1, -1, 1, 1, 1]) }, LIMITS)).toMatchObject({ status: 422, path: 'demand.2.weight' });
    expect(checkModel({ ...ok, withinSeconds: 0 }, LIMITS)).toMatchObject({ status: 422, path: 'minutes' });
    expect(checkModel(ok, { ...LIMITS, maxDemand: 5 })).toMatchObject({ status: 413, path: 'demand', message: expect.stringContaining('limit is 5') });
    expect(checkModel(ok, { ...LIMITS, maxCells: 30 })).toMatchObject({ status: 413, message: expect.stringContaining('limit is 30') });
    const cut = line('p-median', 1);
    cut.time.fill(Infinity, 0, 6);
    expect(checkModel(cut, LIMITS)).toMatchObject({ status: 422, path: 'demand.0' });
  });

  it('gets within 1 % of the published optimum on OR-Library pmed1-10, with a bound no better than it', () => {
    const optima = readPmedOptima(`${ORLIB}pmed_optimal.csv`);
    for (let k = 1; k <= 10; k++) {
      const inst = readPmed(`${ORLIB}pmed${k}.txt`);
      const opt = optima.get(`pmed${k}`)!;
      const h = solveHeuristic({ ...inst, kind: 'p-median' });
      expect(h.objective, `pmed${k}`).toBeGreaterThanOrEqual(opt);
      expect(h.objective / opt - 1, `pmed${k}`).toBeLessThan(0.01);
      expect(h.bound, `pmed${k}`).toBeLessThanOrEqual(opt + 1e-6);
      expect(h.gap).toBeCloseTo((h.objective - h.bound) / h.objective, 9);
    }
  });

  it('proves the published optimum of OR-Library pmed1-10 by Lagrangean branch and bound', async () => {
    const optima = readPmedOptima(`${ORLIB}pmed_optimal.csv`);
    // A budget of CPU time, not wall time: the run's load must not decide the answer.
    const cpu = () => process.cpuUsage().user / 1000;
    for (let k = 1; k <= 10; k++) {
      const inst = readPmed(`${ORLIB}pmed${k}.txt`);
      const s = await solveExact({ ...inst, kind: 'p-median' }, { timeLimitSeconds: 60, now: cpu });
      expect(s, `pmed${k}`).toMatchObject({ objective: optima.get(`pmed${k}`), bound: optima.get(`pmed${k}`), timedOut: false, gap: 0, method: 'exact' });
      expect(s.chosen).toHaveLength(inst.p);
    }
  }, 600_000);

  it('matches enumeration with the branch and bound on random p-median instances, and flags a stop with a true bound', () => {
    for (let seed = 11; seed <= 16; seed++) {
      const pr = { ...randomProblem('p-median', seed), p: 2 + (seed % 3) };
      const opt = bruteForce(pr);
      const s = solvePMedianExact(pr, { start: Array.from({ length: pr.p }, (_, j) => j), deadline: Infinity });
      expect(s.optimal, `seed ${seed}`).toBe(true);
      expect(s.objective, `seed ${seed}`).toBeCloseTo(opt, 6);
      expect(weightedTime(pr, s.chosen)).toBeCloseTo(opt, 6);
      // Stopped before the first node: the start comes back, not proven, its bound below the optimum.
      const stopped = solvePMedianExact(pr, { start: Array.from({ length: pr.p }, (_, j) => j), deadline: -Infinity });
      expect(stopped.optimal).toBe(false);
      expect(stopped.chosen).toHaveLength(pr.p);
      expect(stopped.bound).toBeLessThanOrEqual(opt + 1e-6);
    }
  });

  it('HiGHS on the full model still solves pmed5 exactly (the peer in the benchmark)', async () => {
    const inst = readPmed(`${ORLIB}pmed5.txt`);
    const s = await solveHighs({ ...inst, kind: 'p-median' }, { timeLimitSeconds: 60 });
    expect(s).toMatchObject({ objective: readPmedOptima(`${ORLIB}pmed_optimal.csv`).get('pmed5'), timedOut: false, gap: 0 });
    expect(s.chosen).toHaveLength(inst.p);
  }, 120_000);
});
