/**
 * Travel times of the units the prepared fleet does not cover (moved since it was prepared, or
 * new), found by searching from the incident over those units only, with a cutoff no wider than
 * the answer needs, widened in steps. Pure: the search and the answer are passed in.
 *
 * Why it is exact: a unit not reached within a cutoff C takes longer than C. It ranks after every
 * unit the answer took whose time is at most C, so it can change the answer only when the answer
 * took a unit slower than C (or one without a time: fewer units reached than asked for), or when
 * a place of the card it would fit is still open. So the first search reaches as far as the
 * slowest unit the answer from the prepared units alone took (the near cutoff when that answer
 * took a unit without a time, e.g. nothing is prepared yet); each further search reaches as far
 * as the slowest unit then taken, and the full cutoff only for an open place a unit not reached
 * would fit. A search over a few moved units to the horizon of the answer costs a fraction of one
 * over every unit to the full cutoff on a large graph.
 */

/** What decides how far units not reached yet could change an answer. */
export interface Reach {
  /** The largest travel time among the units the answer took; Infinity when it took one without a time. */
  horizon: number;
  /** Whether a place of the card the unit (an index into the candidates) would fit is still open. */
  fitsOpenPlace: (i: number) => boolean;
}

export interface Steps {
  /** The first search's cutoff when the known units say nothing about how far to search. */
  near: number;
  /** The cutoff of the answer: units further away have no time. */
  full: number;
}

/**
 * The answer over every candidate with `etas` known (within the full cutoff) for all but `open`
 * (indexes), whose travel times `search` finds within a cutoff (null beyond it). `etas` is
 * filled in place; `open` units' entries must be null.
 */
export function answerInSteps<A>(
  etas: (number | null)[],
  open: readonly number[],
  search: (indexes: readonly number[], cutoff: number) => (number | null)[],
  answerOf: (etas: readonly (number | null)[]) => { answer: A; reach: Reach },
  steps: Steps,
): A {
  let left = open;
  // Nothing searched yet: every open unit may be anywhere.
  let cutoff = -1;
  for (;;) {
    const { answer, reach } = answerOf(etas);
    if (left.length === 0 || cutoff >= steps.full) return answer;
    const needed = left.some(reach.fitsOpenPlace) || reach.horizon === Infinity ? steps.full : Math.min(reach.horizon, steps.full);
    if (needed <= cutoff) return answer;
    cutoff = cutoff < 0 && needed === steps.full ? Math.min(steps.near, steps.full) : needed;
    const found = search(left, cutoff);
    left.forEach((i, k) => (etas[i] = found[k] ?? null));
    left = left.filter((i) => etas[i] === null);
  }
}
