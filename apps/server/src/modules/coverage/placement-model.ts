/**
 * Placement models over a travel-time matrix (pure, no I/O): where p patrol posts should stand.
 * `time[i * m + j]` is the time in seconds from candidate post j to demand point i (Infinity
 * when it cannot get there). MCLP maximises the weight covered within T seconds; p-median
 * minimises the weighted time from each demand point to its nearest chosen post.
 */
export interface PlacementInstance {
  /** Demand points. */
  n: number;
  /** Candidate posts. */
  m: number;
  time: Float64Array;
  weight: Float64Array;
  p: number;
}

export type PlacementKind = 'mclp' | 'p-median';

export interface PlacementProblem extends PlacementInstance {
  kind: PlacementKind;
  /** MCLP only: the covering time in seconds. */
  withinSeconds?: number;
}

export interface Solution {
  /** Chosen candidate indices, ascending. */
  chosen: number[];
  /** MCLP: weight covered (maximised); p-median: total weighted time (minimised). */
  objective: number;
  /** A proven bound on the optimum: upper for MCLP, lower for p-median. */
  bound: number;
  /** |objective - bound| / |objective| (0 when proven optimal). */
  gap: number;
  /** True when the solver stopped at its time limit with the best solution found so far. */
  timedOut: boolean;
  method: 'exact' | 'heuristic' | 'greedy';
  milliseconds: number;
}

export interface Limits { maxDemand: number; maxCandidates: number; maxCells: number }

export interface ModelProblem { status: 413 | 422; path: string; message: string }

/** Why the model cannot be solved, naming the field (and the limit), or null. */
export function checkModel(pr: PlacementProblem, limits: Limits): ModelProblem | null {
  return checkShape(pr, limits) ?? checkReach(pr);
}

/** The checks that need no travel times: sizes, p, weights, T. */
export function checkShape(pr: Omit<PlacementProblem, 'time'>, limits: Limits): ModelProblem | null {
  if (pr.n > limits.maxDemand) return { status: 413, path: 'demand', message: `${pr.n} demand points; the limit is ${limits.maxDemand}` };
  if (pr.m > limits.maxCandidates) return { status: 413, path: 'candidates', message: `${pr.m} candidate posts; the limit is ${limits.maxCandidates}` };
  if (pr.n * pr.m > limits.maxCells) return { status: 413, path: 'candidates', message: `${pr.n} × ${pr.m} travel times; the limit is ${limits.maxCells}` };
  if (pr.n === 0) return { status: 422, path: 'demand', message: 'no demand points' };
  if (pr.m === 0) return { status: 422, path: 'candidates', message: 'no candidate posts' };
  if (!Number.isInteger(pr.p) || pr.p < 1) return { status: 422, path: 'p', message: 'must be a whole number of posts, at least 1' };
  if (pr.p > pr.m) return { status: 422, path: 'p', message: `${pr.p} posts but only ${pr.m} candidates` };
  for (let i = 0; i < pr.n; i++) {
    const w = pr.weight[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) return { status: 422, path: `demand.${i}.weight`, message: 'weights must be finite and not negative' };
  }
  if (pr.kind === 'mclp' && !(pr.withinSeconds! > 0)) return { status: 422, path: 'minutes', message: 'the covering time must be more than 0' };
  return null;
}

/** p-median: every demand point must be reachable from some candidate (else no assignment exists). */
export function checkReach(pr: PlacementProblem): ModelProblem | null {
  if (pr.kind === 'p-median') {
    for (let i = 0; i < pr.n; i++) {
      let reached = false;
      for (let j = 0; j < pr.m && !reached; j++) reached = pr.time[i * pr.m + j]! < Infinity;
      if (!reached) return { status: 422, path: `demand.${i}`, message: 'no candidate post reaches this demand point by road' };
    }
  }
  return null;
}

/** MCLP objective of a set of posts: the weight of demand within T of one of them. */
export function coveredWeight(pr: PlacementInstance, T: number, chosen: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < pr.n; i++) {
    const row = i * pr.m;
    if (chosen.some((j) => pr.time[row + j]! <= T)) total += pr.weight[i]!;
  }
  return total;
}

/** p-median objective of a set of posts: the weighted time from each demand point to its nearest post. */
export function weightedTime(pr: PlacementInstance, chosen: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < pr.n; i++) {
    let best = Infinity;
    for (const j of chosen) best = Math.min(best, pr.time[i * pr.m + j]!);
    total += pr.weight[i]! * best;
  }
  return total;
}

export function relativeGap(objective: number, bound: number): number {
  if (objective === bound) return 0;
  return Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-9);
}
