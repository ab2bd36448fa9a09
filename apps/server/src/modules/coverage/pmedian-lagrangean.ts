import type { PlacementInstance } from './placement-model.js';

/**
 * The p-median's Lagrangean relaxation (Beasley 1985, 1993), pure: the assignment constraints
 * (each demand point served once) are relaxed with a multiplier lambda_i each; then a post j
 * is worth rho_j = sum_i min(0, w_i d_ij - lambda_i), the p most negative are opened, and
 * sum lambda + their rho is a lower bound on the optimum (its best over lambda is the LP bound).
 *
 * Each demand point's posts are kept sorted by cost once, so that one evaluation touches only
 * the pairs with a negative reduced cost (a few per point once lambda is near its optimum)
 * instead of the n x m matrix.
 */

/** A time standing for "cannot get there" in sums, so that Infinity - Infinity never makes NaN. */
export const FAR = 1e9;

export interface SortedCosts {
  n: number;
  m: number;
  p: number;
  /** Row i, k-th nearest post: its index and its weighted cost w_i * d_ij (ascending). */
  post: Int32Array;
  cost: Float64Array;
  /** Every weighted cost a whole number: a better solution is then at least 1 better. */
  integral: boolean;
}

export function sortCosts(pr: PlacementInstance): SortedCosts {
  const { n, m, p } = pr;
  const post = new Int32Array(n * m), cost = new Float64Array(n * m);
  const row = new Float64Array(m), idx = new Int32Array(m);
  let integral = true;
  for (let i = 0; i < n; i++) {
    const w = pr.weight[i]!;
    for (let j = 0; j < m; j++) {
      row[j] = w * Math.min(pr.time[i * m + j]!, FAR);
      idx[j] = j;
      if (integral && !Number.isInteger(row[j])) integral = false;
    }
    idx.sort((a, b) => row[a]! - row[b]! || a - b);
    for (let k = 0; k < m; k++) { post[i * m + k] = idx[k]!; cost[i * m + k] = row[idx[k]!]!; }
  }
  return { n, m, p, post, cost, integral };
}

/** The total weighted cost of a set of posts (each point to its nearest open post): the first open one in its sorted row. */
export function costOf(sc: SortedCosts, open: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < sc.n; i++) {
    const base = i * sc.m;
    let k = 0;
    while (!open[sc.post[base + k]!]) k++;
    total += sc.cost[base + k]!;
  }
  return total;
}

/** A post's state in a branch: free, fixed open or fixed closed. */
export const FREE = 0, OPEN = 1, CLOSED = 2;

export interface Relaxed {
  bound: number;
  /** The posts the relaxation opens (fixed open ones and the best free ones), as a 0/1 mask. */
  chosen: Uint8Array;
  /** For free posts: how much the bound rises if the post is forced the other way. */
  penalty: Float64Array;
}

/**
 * The relaxation at `lambda` with some posts fixed (`state`): the bound, the posts it opens and
 * each free post's penalty (Beasley's reduced-cost test: forcing an unopened post open swaps it
 * for the dearest opened free one; forcing an opened one closed swaps in the cheapest unopened).
 * Null when the fixed states leave no way to open exactly p posts.
 */
export function relax(sc: SortedCosts, lambda: Float64Array, state: Uint8Array, rho: Float64Array, free: Int32Array, reach?: Int32Array): Relaxed | null {
  const { n, m, p, post, cost } = sc;
  rho.fill(0);
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const l = lambda[i]!, base = i * m;
    bound += l;
    for (let k = 0, end = reach ? reach[i]! : m; k < end; k++) {
      const c = cost[base + k]!;
      if (c >= l) break;
      rho[post[base + k]!]! += c - l;
    }
  }
  let opened = 0, nFree = 0;
  const chosen = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    if (state[j] === OPEN) { opened++; bound += rho[j]!; chosen[j] = 1; } else if (state[j] === FREE) free[nFree++] = j;
  }
  const q = p - opened;
  if (q < 0 || q > nFree) return null;
  // The q cheapest free posts (ties to the lower index): a selection, not a sort, as only the set
  // and the two values at its edge (the dearest opened, the cheapest not) matter.
  const list = free.subarray(0, nFree);
  if (q > 0 && q < nFree) selectSmallest(list, q, rho);
  let last = q > 0 ? -Infinity : Infinity, next = Infinity;
  for (let k = 0; k < nFree; k++) {
    const j = list[k]!, r = rho[j]!;
    if (k < q) { bound += r; chosen[j] = 1; if (r > last) last = r; } else if (r < next) next = r;
  }
  const penalty = new Float64Array(m);
  for (let k = 0; k < nFree; k++) {
    const j = list[k]!;
    penalty[j] = k < q ? next - rho[j]! : rho[j]! - last;
  }
  return { bound, chosen, penalty };
}

/**
 * Reorders `list` so that its first `q` entries are the q smallest by (rho, index), in no
 * particular order (Hoare's selection with a median of three).
 */
export function selectSmallest(list: Int32Array, q: number, rho: Float64Array): void {
  const less = (a: number, b: number) => rho[a]! < rho[b]! || (rho[a] === rho[b] && a < b);
  let lo = 0, hi = list.length - 1;
  const target = q - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to list[lo].
    const a = list[lo]!, b = list[mid]!, c = list[hi]!;
    const pivot = less(a, b) ? (less(b, c) ? b : less(a, c) ? c : a) : (less(a, c) ? a : less(b, c) ? c : b);
    let i = lo, j = hi;
    while (i <= j) {
      while (less(list[i]!, pivot)) i++;
      while (less(pivot, list[j]!)) j--;
      if (i <= j) { const t = list[i]!; list[i] = list[j]!; list[j] = t; i++; j--; }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/** The subgradient at the relaxation's solution: 1 - the number of opened posts with a negative reduced cost for point i. */
export function subgradient(sc: SortedCosts, lambda: Float64Array, chosen: Uint8Array, g: Float64Array, reach?: Int32Array): number {
  const { n, m, post, cost } = sc;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const l = lambda[i]!, base = i * m;
    let served = 0;
    for (let k = 0, end = reach ? reach[i]! : m; k < end; k++) {
      if (cost[base + k]! >= l) break;
      if (chosen[post[base + k]!]) served++;
    }
    g[i] = 1 - served;
    norm += g[i]! * g[i]!;
  }
  return norm;
}

/** Multipliers to start from: each point's cost to its second-nearest post (the assignment LP's usual start). */
export function startLambda(sc: SortedCosts): Float64Array {
  const lambda = new Float64Array(sc.n);
  for (let i = 0; i < sc.n; i++) lambda[i] = sc.cost[i * sc.m + Math.min(1, sc.m - 1)]!;
  return lambda;
}

export interface AscentOptions {
  iterations: number;
  theta: number;
  /** Halve the step after this many steps without a better bound. */
  patience: number;
  minTheta: number;
  /** Stop once the bound reaches this (the branch is then pruned). */
  pruneAt: number;
  /**
   * Per demand point, how many of its nearest posts may serve it (its row's prefix): a branch's
   * radius, or the posts up to its nearest fixed-open one. All of them when absent.
   */
  reach?: Int32Array;
  /** Fix free posts in `state` (mutated) by the reduced-cost test at every step, not only at the end. */
  fixAsYouGo?: boolean;
  deadline: number;
  /** The clock the deadline is on (milliseconds): wall time by default; the benchmark passes CPU time. */
  now?: () => number;
}

export interface Ascent {
  bound: number;
  lambda: Float64Array;
  /** The relaxation at the best bound (its opened posts and penalties). */
  best: Relaxed | null;
  /** The cheapest set of posts seen among the relaxation's solutions and its cost. */
  found: { open: Uint8Array; cost: number } | null;
  infeasible: boolean;
  /**
   * Each post's share of the recent relaxations that opened it (an exponential average, as the
   * volume algorithm recovers the LP's y): near 0.5 where the LP would open it fractionally.
   */
  average: Float64Array;
}

/** The weight the average keeps per step (a memory of about ten steps). */
const AVERAGE_KEEP = 0.9;

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/**
 * Subgradient ascent (Held-Karp steps towards `target`, the best known cost) from `lambda`, with
 * posts fixed by `state`; each relaxation's opened posts are also a solution, priced as found.
 */
export function ascend(sc: SortedCosts, state: Uint8Array, lambda0: Float64Array, target: number, o: AscentOptions): Ascent {
  const { n, m } = sc;
  const lambda = Float64Array.from(lambda0);
  const rho = new Float64Array(m), free = new Int32Array(m), g = new Float64Array(n);
  let bestBound = -Infinity, best: Relaxed | null = null, bestLambda = lambda;
  let found: Ascent['found'] = null;
  let theta = o.theta, stale = 0;
  let prevChosen: Uint8Array | null = null;
  const average = new Float64Array(m);
  const now = o.now ?? (() => performance.now());
  for (let it = 0; it < o.iterations; it++) {
    const r = relax(sc, lambda, state, rho, free, o.reach);
    if (!r) return { bound: Infinity, lambda, best: null, found, infeasible: true, average };
    const keep = it === 0 ? 0 : AVERAGE_KEEP;
    for (let j = 0; j < m; j++) average[j] = keep * average[j]! + (1 - keep) * r.chosen[j]!;
    if (o.fixAsYouGo) {
      for (let j = 0; j < m; j++) if (state[j] === FREE && r.bound + r.penalty[j]! >= o.pruneAt) state[j] = r.chosen[j] ? OPEN : CLOSED;
    }
    // The same posts as the step before (common near convergence) are not priced again.
    if (!prevChosen || !sameMask(prevChosen, r.chosen)) {
      const value = costOf(sc, r.chosen);
      if (!found || value < found.cost) found = { open: r.chosen, cost: value };
    }
    prevChosen = r.chosen;
    const goal = Math.min(target, found?.cost ?? Infinity);
    if (r.bound > bestBound + 1e-9) { bestBound = r.bound; best = r; bestLambda = Float64Array.from(lambda); stale = 0; } else if (++stale >= o.patience) { theta /= 2; stale = 0; }
    // The clock is read every 8th step: the CPU clock (getrusage) costs as much as a step on small instances.
    if (bestBound >= o.pruneAt || theta < o.minTheta || ((it & 7) === 7 && now() > o.deadline)) break;
    const norm = subgradient(sc, lambda, r.chosen, g, o.reach);
    if (norm === 0) break; // every point served exactly once: the relaxation's solution is optimal here
    const step = (theta * Math.max(goal - r.bound, 1e-9 * Math.max(1, goal))) / norm;
    for (let i = 0; i < n; i++) lambda[i] = Math.max(0, lambda[i]! + step * g[i]!);
  }
  return { bound: bestBound, lambda: bestLambda, best, found, infeasible: false, average };
}
