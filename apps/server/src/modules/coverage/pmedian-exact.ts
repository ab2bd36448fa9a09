import type { PlacementInstance } from './placement-model.js';
import { interchangePMedian } from './pmedian-local.js';
import { ascend, CLOSED, costOf, FREE, OPEN, sortCosts, startLambda, type SortedCosts } from './pmedian-lagrangean.js';

/**
 * The p-median solved exactly by Lagrangean branch and bound (Beasley 1985), pure: at each node
 * subgradient ascent on the relaxation of the assignment constraints gives a lower bound; the
 * known best solution (the heuristic's, improved by every relaxation's opened posts) the upper
 * bound; reduced-cost tests fix posts open or closed for the whole subtree, and each demand
 * point's candidate list is cut at its nearest fixed-open post (farther pairs only weaken the
 * relaxation); the tree branches on the post the relaxations were most undecided about (open
 * first, then closed), depth first. Proven optimal when the tree is exhausted.
 */
export interface ExactPMedian {
  chosen: number[];
  objective: number;
  /** The proven lower bound: the objective when optimal, else the smallest bound of the open nodes. */
  bound: number;
  optimal: boolean;
  nodes: number;
}

interface Node { state: Uint8Array; reach: Int32Array; lambda: Float64Array; depth: number }

const ROOT = { iterations: 3000, theta: 2, patience: 40, minTheta: 1e-4 };
const CHILD = { iterations: 60, theta: 0.2, patience: 5, minTheta: 0.005 };

export interface ExactOptions {
  /** The posts to start from (the heuristic's): the first upper bound. */
  start: readonly number[];
  deadline: number;
  /** The clock of the deadline (milliseconds): wall time by default. */
  now?: () => number;
}

export function solvePMedianExact(pr: PlacementInstance, opts: ExactOptions): ExactPMedian {
  const now = opts.now ?? (() => performance.now());
  const sc = sortCosts(pr);
  const open0 = new Uint8Array(pr.m);
  for (const j of opts.start) open0[j] = 1;
  let best: Posts = { open: open0, cost: costOf(sc, open0) };
  const pruneAt = () => (sc.integral ? best.cost - 1 + 1e-6 : best.cost - 1e-9 * Math.max(1, best.cost));
  const stack: Node[] = [{ state: new Uint8Array(pr.m), reach: new Int32Array(pr.n).fill(pr.m), lambda: startLambda(sc), depth: 0 }];
  let nodes = 0, rootBound = -Infinity;
  let timedOut = false;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (now() > opts.deadline) { timedOut = true; break; }
    nodes++;
    const settings = node.depth === 0 ? ROOT : CHILD;
    // The node's own copy of the states: the ascent fixes posts in it as it goes.
    const state = Uint8Array.from(node.state);
    const reach = Int32Array.from(node.reach);
    if (!tightenReach(sc, state, reach)) continue;
    const a = ascend(sc, state, node.lambda, best.cost, { ...settings, pruneAt: pruneAt(), deadline: opts.deadline, now, fixAsYouGo: true, reach });
    // A relaxation's posts better than the best known: improved further by interchange.
    if (a.found && (a.found.cost < best.cost || node.depth === 0)) best = better(best, polish(pr, sc, a.found.open));
    if (node.depth === 0 && a.best) best = better(best, polish(pr, sc, a.best.chosen));
    if (node.depth === 0) rootBound = a.bound;
    if (a.infeasible || a.bound >= pruneAt() || !a.best) continue;
    if (now() > opts.deadline) { timedOut = true; break; }
    cutReach(sc, reach, a.lambda, a.bound, pruneAt());
    const j = fixAndPick(sc, state, a.best.chosen, a.best.penalty, a.bound, pruneAt(), a.average);
    if (j < 0) {
      // Every post is fixed: the node is one solution.
      const open = Uint8Array.from(state, (s) => (s === OPEN ? 1 : 0));
      const cost = openCount(open) === pr.p ? costOf(sc, open) : Infinity;
      if (cost < best.cost) best = { open, cost };
      continue;
    }
    const depth = node.depth + 1;
    const closed = Uint8Array.from(state); closed[j] = CLOSED;
    const opened = Uint8Array.from(state); opened[j] = OPEN;
    stack.push({ state: closed, reach, lambda: a.lambda, depth }, { state: opened, reach, lambda: a.lambda, depth });
  }
  const chosen: number[] = [];
  best.open.forEach((v, j) => { if (v) chosen.push(j); });
  const optimal = !timedOut;
  // A stopped search proves the root's bound (every node lies under it).
  const bound = optimal ? best.cost : Math.min(Math.max(rootBound, 0), best.cost);
  return { chosen, objective: best.cost, bound, optimal, nodes };
}

type Posts = { open: Uint8Array; cost: number };
const better = (a: Posts, b: Posts): Posts => (b.cost < a.cost ? b : a);

/** The posts after interchange (Whitaker's best swaps until none helps). */
function polish(pr: PlacementInstance, sc: SortedCosts, open: Uint8Array): Posts {
  const start: number[] = [];
  open.forEach((v, j) => { if (v) start.push(j); });
  const { chosen } = interchangePMedian(pr, start);
  const better = new Uint8Array(pr.m);
  for (const j of chosen) better[j] = 1;
  const cost = costOf(sc, better);
  return cost <= costOf(sc, open) ? { open: better, cost } : { open, cost: costOf(sc, open) };
}

const openCount = (open: Uint8Array): number => open.reduce((s, v) => s + v, 0);

/**
 * Pairs too dear to be in a better solution: serving point i from a post costs the bound at least
 * its reduced cost w·d − lambda_i more, so once bound + that reaches the prune level, that post and
 * every farther one in i's row are out for the subtree (i is served by its nearest open post).
 */
function cutReach(sc: SortedCosts, reach: Int32Array, lambda: Float64Array, bound: number, pruneAt: number): void {
  const limit = pruneAt - bound;
  for (let i = 0; i < sc.n; i++) {
    const base = i * sc.m, top = lambda[i]! + limit;
    let k = reach[i]!;
    while (k > 1 && sc.cost[base + k - 1]! >= top) k--;
    reach[i] = k;
  }
}

/**
 * Each point's reach cut at its nearest fixed-open post (it is served there or nearer, so farther
 * pairs cannot be in a solution of this branch). False when some point has no post left within
 * its reach: the branch holds no solution.
 */
function tightenReach(sc: SortedCosts, state: Uint8Array, reach: Int32Array): boolean {
  for (let i = 0; i < sc.n; i++) {
    const base = i * sc.m;
    let usable = false;
    for (let k = 0, end = reach[i]!; k < end; k++) {
      const s = state[sc.post[base + k]!];
      if (s === OPEN) { reach[i] = k + 1; usable = true; break; }
      if (s === FREE) usable = true;
    }
    if (!usable) return false;
  }
  return true;
}

/**
 * Fixes every free post whose penalty lifts the bound past the prune level (open posts that must
 * stay open, unopened ones that must stay closed), then picks the post to branch on: the free post
 * the last relaxations were most undecided about (its averaged opening nearest one half: the LP's
 * most fractional y, so that both branches move the bound; branching on a post the relaxation
 * opens firmly leaves the open branch where its parent was), else the opened free post dearest to
 * close. -1 when no free post is left or the relaxation's choice is forced.
 */
function fixAndPick(sc: SortedCosts, state: Uint8Array, chosen: Uint8Array, penalty: Float64Array, bound: number, pruneAt: number, average: Float64Array): number {
  let free = 0, opened = 0;
  for (let j = 0; j < sc.m; j++) {
    if (state[j] !== FREE) { if (state[j] === OPEN) opened++; continue; }
    if (bound + penalty[j]! >= pruneAt) { state[j] = chosen[j] ? OPEN : CLOSED; if (chosen[j]) opened++; continue; }
    free++;
  }
  if (free === 0 || opened === sc.p) {
    for (let j = 0; j < sc.m; j++) if (state[j] === FREE) state[j] = opened === sc.p ? CLOSED : OPEN;
    return -1;
  }
  let pick = -1, undecided = 0;
  for (let j = 0; j < sc.m; j++) {
    if (state[j] !== FREE) continue;
    const f = Math.min(average[j]!, 1 - average[j]!);
    if (f > undecided) { undecided = f; pick = j; }
  }
  if (pick >= 0) return pick;
  let pickPenalty = -Infinity;
  for (let j = 0; j < sc.m; j++) {
    if (state[j] === FREE && chosen[j] && penalty[j]! > pickPenalty) { pickPenalty = penalty[j]!; pick = j; }
  }
  if (pick < 0) for (let j = 0; j < sc.m && pick < 0; j++) if (state[j] === FREE) pick = j;
  return pick;
}

/**
 * The Lagrangean heuristic (the fast answer's second half): subgradient ascent from the given
 * posts' cost, the relaxation's best posts improved by interchange; returns the better posts and
 * the ascent's lower bound (towards the LP bound).
 */
export function lagrangeanPMedian(pr: PlacementInstance, start: readonly number[], opts: { iterations: number; deadline: number }): { chosen: number[]; objective: number; bound: number } {
  const sc = sortCosts(pr);
  const open0 = new Uint8Array(pr.m);
  for (const j of start) open0[j] = 1;
  let best: Posts = { open: open0, cost: costOf(sc, open0) };
  const pruneAt = sc.integral ? best.cost - 1 + 1e-6 : best.cost - 1e-9 * Math.max(1, best.cost);
  const a = ascend(sc, new Uint8Array(pr.m), startLambda(sc), best.cost, { ...ROOT, iterations: opts.iterations, pruneAt, deadline: opts.deadline });
  if (a.found) best = better(best, polish(pr, sc, a.found.open));
  if (a.best) best = better(best, polish(pr, sc, a.best.chosen));
  const chosen: number[] = [];
  best.open.forEach((v, j) => { if (v) chosen.push(j); });
  // Integral costs: the optimum is a whole number, so the bound rounds up.
  const bound = Math.min(best.cost, sc.integral ? Math.ceil(a.bound - 1e-6) : a.bound);
  return { chosen, objective: best.cost, bound };
}
