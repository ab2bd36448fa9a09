import { coveredWeight, relativeGap, weightedTime, type PlacementInstance, type Solution } from './placement-model.js';
import { greedyPMedian, interchangePMedian } from './pmedian-local.js';
import { lagrangeanPMedian } from './pmedian-exact.js';

const neighbourCache = new WeakMap<Float64Array, { T: number; ofCandidate: Int32Array[] }>();

/**
 * Demand points within T of each candidate: one scan of the matrix, kept (per matrix and T) for
 * the greedy, the interchange and the bound of one solve, which would each scan it again.
 */
function neighbours(pr: PlacementInstance, T: number): { ofCandidate: Int32Array[] } {
  const held = neighbourCache.get(pr.time);
  if (held && held.T === T) return held;
  const lists: number[][] = Array.from({ length: pr.m }, () => []);
  for (let i = 0; i < pr.n; i++) for (let j = 0; j < pr.m; j++) if (pr.time[i * pr.m + j]! <= T) lists[j]!.push(i);
  const built = { T, ofCandidate: lists.map((l) => Int32Array.from(l)) };
  neighbourCache.set(pr.time, built);
  return built;
}

/** MCLP by greedy addition: each post where it covers the most weight not yet covered. */
export function greedyMclp(pr: PlacementInstance, T: number): number[] {
  const { ofCandidate } = neighbours(pr, T);
  const covered = new Uint8Array(pr.n), taken = new Uint8Array(pr.m);
  const chosen: number[] = [];
  for (let k = 0; k < pr.p; k++) {
    let best = -1, bestGain = -1;
    for (let j = 0; j < pr.m; j++) {
      if (taken[j]) continue;
      let gain = 0;
      for (const i of ofCandidate[j]!) if (!covered[i]) gain += pr.weight[i]!;
      if (gain > bestGain) { bestGain = gain; best = j; }
    }
    taken[best] = 1;
    chosen.push(best);
    for (const i of ofCandidate[best]!) covered[i] = 1;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Improves MCLP posts by the best swap per pass: a swap gains the uncovered weight the new post
 * covers and loses what only the old post covered and the new one does not.
 */
export function interchangeMclp(pr: PlacementInstance, T: number, start: readonly number[], deadline = Infinity): { chosen: number[]; timedOut: boolean } {
  const { ofCandidate } = neighbours(pr, T);
  const chosen = [...start];
  const inSet = new Uint8Array(pr.m);
  for (const j of chosen) inSet[j] = 1;
  const count = new Int32Array(pr.n), sole = new Int32Array(pr.n);
  const lossOf = new Float64Array(pr.m), back = new Float64Array(pr.m);
  for (;;) {
    if (performance.now() > deadline) return { chosen: chosen.sort((a, b) => a - b), timedOut: true };
    count.fill(0);
    for (const j of chosen) for (const i of ofCandidate[j]!) { count[i]!++; sole[i] = j; }
    for (const k of chosen) { lossOf[k] = 0; for (const i of ofCandidate[k]!) if (count[i] === 1) lossOf[k]! += pr.weight[i]!; }
    let bestDelta = 1e-9, bestIn = -1, bestOut = -1;
    for (let j = 0; j < pr.m; j++) {
      if (inSet[j]) continue;
      let gain = 0;
      for (const k of chosen) back[k] = 0;
      for (const i of ofCandidate[j]!) {
        if (count[i] === 0) gain += pr.weight[i]!;
        else if (count[i] === 1) back[sole[i]!]! += pr.weight[i]!;
      }
      for (const k of chosen) {
        const delta = gain - (lossOf[k]! - back[k]!);
        if (delta > bestDelta) { bestDelta = delta; bestIn = j; bestOut = k; }
      }
    }
    if (bestIn < 0) return { chosen: chosen.sort((a, b) => a - b), timedOut: false };
    chosen[chosen.indexOf(bestOut)] = bestIn;
    inSet[bestOut] = 0; inSet[bestIn] = 1;
  }
}

/**
 * An upper bound on the MCLP optimum by Lagrangean relaxation of the covering constraints
 * (y_i <= sum of posts covering i): its limit is the LP relaxation's optimum.
 */
export function mclpUpperBound(pr: PlacementInstance, T: number, lower: number, iterations = 300): number {
  const { ofCandidate } = neighbours(pr, T);
  const lambda = Float64Array.from(pr.weight, (w) => w / 2);
  const score = new Float64Array(pr.m), sub = new Float64Array(pr.n);
  const order = Array.from({ length: pr.m }, (_, j) => j);
  let best = Infinity, theta = 2, stale = 0;
  for (let it = 0; it < iterations; it++) {
    score.fill(0);
    for (let j = 0; j < pr.m; j++) for (const i of ofCandidate[j]!) score[j]! += lambda[i]!;
    order.sort((a, b) => score[b]! - score[a]!);
    let value = 0;
    for (let i = 0; i < pr.n; i++) value += Math.max(0, pr.weight[i]! - lambda[i]!);
    for (let k = 0; k < pr.p; k++) value += score[order[k]!]!;
    if (value < best - 1e-9) { best = value; stale = 0; } else if (++stale >= 20) { theta /= 2; stale = 0; }
    if (best - lower <= 1e-6 * Math.max(1, lower) || theta < 1e-4) break;
    for (let i = 0; i < pr.n; i++) sub[i] = pr.weight[i]! > lambda[i]! ? -1 : 0;
    for (let k = 0; k < pr.p; k++) for (const i of ofCandidate[order[k]!]!) sub[i]! += 1;
    let norm = 0;
    for (let i = 0; i < pr.n; i++) norm += sub[i]! * sub[i]!;
    if (norm === 0) break;
    const step = (theta * (value - lower)) / norm;
    for (let i = 0; i < pr.n; i++) lambda[i] = Math.max(0, lambda[i]! - step * sub[i]!);
  }
  return Math.max(best, lower);
}

/** Subgradient steps of the p-median heuristic's Lagrangean phase (each one pass over the pairs with a negative reduced cost). */
const PMEDIAN_ASCENT_STEPS = 600;

/**
 * The fast answer for models too big to solve exactly. p-median: greedy, interchange, then the
 * Lagrangean heuristic (subgradient ascent whose best relaxed posts are improved by interchange),
 * which also gives the lower bound. MCLP: greedy, interchange, then the Lagrangean upper bound.
 */
export function solveHeuristic(pr: PlacementInstance & { kind: 'mclp' | 'p-median'; withinSeconds?: number }, opts: { timeLimitMs?: number; plainGreedy?: boolean; bound?: boolean } = {}): Solution & { solveMilliseconds: number } {
  const started = performance.now();
  const deadline = started + (opts.timeLimitMs ?? Infinity);
  const T = pr.withinSeconds ?? 0;
  const greedy = pr.kind === 'mclp' ? greedyMclp(pr, T) : greedyPMedian(pr);
  let { chosen, timedOut } = opts.plainGreedy ? { chosen: greedy, timedOut: false }
    : pr.kind === 'mclp' ? interchangeMclp(pr, T, greedy, deadline) : interchangePMedian(pr, greedy, deadline);
  let lagrangean: { chosen: number[]; bound: number } | null = null;
  if (pr.kind === 'p-median' && !opts.plainGreedy && !timedOut) {
    lagrangean = lagrangeanPMedian(pr, chosen, { iterations: PMEDIAN_ASCENT_STEPS, deadline });
    chosen = lagrangean.chosen;
    timedOut = performance.now() > deadline;
  }
  const objective = pr.kind === 'mclp' ? coveredWeight(pr, T, chosen) : weightedTime(pr, chosen);
  const solved = performance.now();
  // bound: false (benchmarks timing the search alone) leaves the bound and gap unknown (NaN).
  const bound = opts.bound === false ? Number.NaN : pr.kind === 'mclp' ? mclpUpperBound(pr, T, objective)
    : lagrangean?.bound ?? lagrangeanPMedian(pr, chosen, { iterations: PMEDIAN_ASCENT_STEPS, deadline: Infinity }).bound;
  return {
    chosen, objective, bound, gap: relativeGap(objective, bound), timedOut, method: opts.plainGreedy ? 'greedy' : 'heuristic',
    milliseconds: performance.now() - started, solveMilliseconds: solved - started,
  };
}
