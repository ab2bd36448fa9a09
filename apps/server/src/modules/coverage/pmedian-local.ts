import type { PlacementInstance } from './placement-model.js';

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
