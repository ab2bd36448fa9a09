import { coveredWeight, relativeGap, weightedTime, type PlacementInstance, type Solution } from './placement-model.js';

/** A time standing for "cannot get there" in sums, so that Infinity - Infinity never makes NaN. */
const FAR = 1e9;

const cost = (pr: PlacementInstance, i: number, j: number): number => Math.min(pr.time[i * pr.m + j]!, FAR);

/** Nearest and second-nearest chosen post of each demand point (Whitaker's fast interchange keeps these). */
function nearestTwo(pr: PlacementInstance, chosen: readonly number[]) {
  const c1 = new Int32Array(pr.n), d1 = new Float64Array(pr.n), d2 = new Float64Array(pr.n);
  for (let i = 0; i < pr.n; i++) {
    let a = FAR * 2, b = FAR * 2, who = -1;
    for (const j of chosen) {
      const d = cost(pr, i, j);
      if (d < a) { b = a; a = d; who = j; } else if (d < b) b = d;
    }
    c1[i] = who; d1[i] = a; d2[i] = b;
  }
  return { c1, d1, d2 };
}

/** p-median by greedy addition: each post where it lowers the weighted time most. */
export function greedyPMedian(pr: PlacementInstance): number[] {
  const d1 = new Float64Array(pr.n).fill(FAR * 2);
  const chosen: number[] = [];
  const taken = new Uint8Array(pr.m);
  for (let k = 0; k < pr.p; k++) {
    let best = -1, bestGain = -Infinity;
    for (let j = 0; j < pr.m; j++) {
      if (taken[j]) continue;
      let gain = 0;
      for (let i = 0; i < pr.n; i++) {
        const d = cost(pr, i, j);
        if (d < d1[i]!) gain += pr.weight[i]! * (d1[i]! - d);
      }
      if (gain > bestGain) { bestGain = gain; best = j; }
    }
    taken[best] = 1;
    chosen.push(best);
    for (let i = 0; i < pr.n; i++) d1[i] = Math.min(d1[i]!, cost(pr, i, best));
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Improves p posts by swaps (Teitz-Bart interchange, with Whitaker's evaluation): each pass
 * finds the best (in, out) swap in O(n·m) from every demand point's nearest and second-nearest
 * post, and applies it while it lowers the weighted time.
 */
export function interchangePMedian(pr: PlacementInstance, start: readonly number[], deadline = Infinity): { chosen: number[]; timedOut: boolean } {
  const chosen = [...start];
  const inSet = new Uint8Array(pr.m);
  for (const j of chosen) inSet[j] = 1;
  const extra = new Float64Array(pr.m);
  for (;;) {
    if (performance.now() > deadline) return { chosen: chosen.sort((a, b) => a - b), timedOut: true };
    const { c1, d1, d2 } = nearestTwo(pr, chosen);
    let bestDelta = -1e-9, bestIn = -1, bestOut = -1;
    for (let j = 0; j < pr.m; j++) {
      if (inSet[j]) continue;
      let base = 0;
      for (const k of chosen) extra[k] = 0;
      for (let i = 0; i < pr.n; i++) {
        const d = cost(pr, i, j), w = pr.weight[i]!;
        const withJ = Math.min(d1[i]!, d);
        base += w * (withJ - d1[i]!);
        // Removing i's nearest post sends it to the second-nearest, or to j if that is nearer.
        extra[c1[i]!]! += w * (Math.min(d2[i]!, d) - withJ);
      }
      for (const k of chosen) {
        const delta = base + extra[k]!;
        if (delta < bestDelta) { bestDelta = delta; bestIn = j; bestOut = k; }
      }
    }
    if (bestIn < 0) return { chosen: chosen.sort((a, b) => a - b), timedOut: false };
    chosen[chosen.indexOf(bestOut)] = bestIn;
    inSet[bestOut] = 0; inSet[bestIn] = 1;
  }
}

/**
 * A lower bound on the p-median optimum by Lagrangean relaxation of the assignment constraints
 * (subgradient steps towards the best known value): its limit is the LP relaxation's optimum.
 */
export function pMedianLowerBound(pr: PlacementInstance, upper: number, iterations = 300): number {
  const { n, m, p } = pr;
  const lambda = new Float64Array(n);
  // Start each multiplier at the demand point's nearest candidate: a bound of 0 at worst.
  for (let i = 0; i < n; i++) {
    let a = FAR;
    for (let j = 0; j < m; j++) a = Math.min(a, cost(pr, i, j));
    lambda[i] = pr.weight[i]! * a;
  }
  // Weighted costs once: the subgradient loop reads them n·m times per step.
  const wc = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) wc[i * m + j] = pr.weight[i]! * cost(pr, i, j);
  const rho = new Float64Array(m);
  const order = Array.from({ length: m }, (_, j) => j);
  const sub = new Float64Array(n);
  let best = -Infinity, theta = 2, stale = 0;
  for (let it = 0; it < iterations; it++) {
    rho.fill(0);
    for (let i = 0; i < n; i++) {
      const l = lambda[i]!, row = i * m;
      for (let j = 0; j < m; j++) { const r = wc[row + j]! - l; if (r < 0) rho[j]! += r; }
    }
    order.sort((a, b) => rho[a]! - rho[b]!);
    let value = 0;
    for (let i = 0; i < n; i++) value += lambda[i]!;
    for (let k = 0; k < p; k++) value += rho[order[k]!]!;
    if (value > best + 1e-9) { best = value; stale = 0; } else if (++stale >= 20) { theta /= 2; stale = 0; }
    if (upper - best <= 1e-6 * Math.max(1, upper) || theta < 1e-4) break;
    sub.fill(1);
    for (let k = 0; k < p; k++) {
      const j = order[k]!;
      for (let i = 0; i < n; i++) if (wc[i * m + j]! - lambda[i]! < 0) sub[i]! -= 1;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += sub[i]! * sub[i]!;
    if (norm === 0) break; // every demand point assigned exactly once: the bound is the optimum
    const step = (theta * (upper - value)) / norm;
    for (let i = 0; i < n; i++) lambda[i] = Math.max(0, lambda[i]! + step * sub[i]!);
  }
  return best;
}

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

/** Greedy, then interchange, then the Lagrangean bound: the fast answer for models too big to solve exactly. */
export function solveHeuristic(pr: PlacementInstance & { kind: 'mclp' | 'p-median'; withinSeconds?: number }, opts: { timeLimitMs?: number; plainGreedy?: boolean; bound?: boolean } = {}): Solution & { solveMilliseconds: number } {
  const started = performance.now();
  const deadline = started + (opts.timeLimitMs ?? Infinity);
  const T = pr.withinSeconds ?? 0;
  const greedy = pr.kind === 'mclp' ? greedyMclp(pr, T) : greedyPMedian(pr);
  const { chosen, timedOut } = opts.plainGreedy ? { chosen: greedy, timedOut: false }
    : pr.kind === 'mclp' ? interchangeMclp(pr, T, greedy, deadline) : interchangePMedian(pr, greedy, deadline);
  const objective = pr.kind === 'mclp' ? coveredWeight(pr, T, chosen) : weightedTime(pr, chosen);
  const solved = performance.now();
  // bound: false (benchmarks timing the search alone) leaves the bound and gap unknown (NaN).
  const bound = opts.bound === false ? Number.NaN : pr.kind === 'mclp' ? mclpUpperBound(pr, T, objective) : pMedianLowerBound(pr, objective);
  return {
    chosen, objective, bound, gap: relativeGap(objective, bound), timedOut, method: opts.plainGreedy ? 'greedy' : 'heuristic',
    milliseconds: performance.now() - started, solveMilliseconds: solved - started,
  };
}
