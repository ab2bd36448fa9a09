/**
 * Move-up (pure, no I/O): after dispatches take units away, which of the remaining available
 * units should stand where so that the most key places are again within T minutes — a small
 * MCLP where the facilities are the units already out there, and a "move" swaps one unit's
 * coverage for a post's. Demand points are counted (the threshold is a share of places).
 */
export interface MoveUpInstance {
  /** Demand points. */
  n: number;
  /** For each unit: the demand points it covers within T from where it is now. */
  unitCover: readonly Int32Array[];
  /** Units this dispatcher may move (the others still cover, but stay where they are). */
  movable: readonly boolean[];
  /** For each candidate post: the demand points covered within T from it. */
  postCover: readonly Int32Array[];
  /** eta[u][j]: road seconds from unit u to post j (Infinity when out of reach: never proposed). */
  eta: readonly Float64Array[];
  /** Stop once this many points are covered. */
  target: number;
  maxMoves: number;
}

export interface Move { unit: number; post: number }

export interface MoveUpOutcome { before: number; after: number; moves: Move[] }

/** Points covered by the units as they stand after `moves` (each moved unit covers from its post). */
export function coveredAfter(inst: MoveUpInstance, moves: readonly Move[]): number {
  const count = coverCounts(inst, moves);
  let c = 0;
  for (let i = 0; i < inst.n; i++) if (count[i]! > 0) c++;
  return c;
}

function coverCounts(inst: MoveUpInstance, moves: readonly Move[]): Int32Array {
  const count = new Int32Array(inst.n);
  const movedTo = new Map(moves.map((m) => [m.unit, m.post]));
  inst.unitCover.forEach((cover, u) => {
    const post = movedTo.get(u);
    for (const i of post === undefined ? cover : inst.postCover[post]!) count[i]!++;
  });
  return count;
}

/**
 * The best single move given the others fixed: the unit whose departure loses the least and the
 * post that gains the most (net gain > 0), ties to the shorter drive. Null when nothing helps.
 */
function bestMove(inst: MoveUpInstance, fixed: readonly Move[]): { move: Move; gain: number; eta: number } | null {
  const count = coverCounts(inst, fixed);
  const taken = new Set(fixed.map((m) => m.unit));
  const usedPosts = new Set(fixed.map((m) => m.post));
  let best: { move: Move; gain: number; eta: number } | null = null;
  for (let u = 0; u < inst.unitCover.length; u++) {
    if (!inst.movable[u] || taken.has(u)) continue;
    const cover = inst.unitCover[u]!;
    for (const i of cover) count[i]!--;
    let lost = 0;
    for (const i of cover) if (count[i] === 0) lost++;
    const eta = inst.eta[u]!;
    for (let j = 0; j < inst.postCover.length; j++) {
      if (usedPosts.has(j) || !(eta[j]! < Infinity)) continue;
      // Gain of post j over the coverage without u (points u alone covered count again if j covers them).
      let gained = 0;
      for (const i of inst.postCover[j]!) if (count[i] === 0) gained++;
      const gain = gained - lost;
      if (gain > 0 && (!best || gain > best.gain || (gain === best.gain && eta[j]! < best.eta))) best = { move: { unit: u, post: j }, gain, eta: eta[j]! };
    }
    for (const i of cover) count[i]!++;
  }
  return best;
}

/** Above this many first moves the two-move look-ahead is skipped (it costs this many single-move searches). */
const LOOKAHEAD_FIRST_MOVES = 2_000;

/**
 * When no single move gains, a pair may: a unit that alone covers its area can leave it if
 * another moves in. Every first move (gain or not) with the best second one after it.
 */
function bestPair(inst: MoveUpInstance, fixed: readonly Move[], covered: number): Move[] | null {
  const taken = new Set(fixed.map((m) => m.unit));
  const usedPosts = new Set(fixed.map((m) => m.post));
  const firsts: Move[] = [];
  inst.unitCover.forEach((_, u) => {
    if (!inst.movable[u] || taken.has(u)) return;
    inst.postCover.forEach((_, j) => { if (!usedPosts.has(j) && inst.eta[u]![j]! < Infinity) firsts.push({ unit: u, post: j }); });
  });
  if (firsts.length > LOOKAHEAD_FIRST_MOVES) return null;
  let best: { moves: Move[]; covered: number } | null = null;
  for (const first of firsts) {
    const second = bestMove(inst, [...fixed, first]);
    if (!second) continue;
    const c = coveredAfter(inst, [...fixed, first, second.move]);
    if (c > covered && (!best || c > best.covered)) best = { moves: [first, second.move], covered: c };
  }
  return best?.moves ?? null;
}

/**
 * Greedy: add the best move while coverage is below the target and a move still gains, up to
 * `maxMoves` (a move-up should disturb as few crews as it can); when no single move gains, the
 * best pair of moves (small instances). Then one re-optimisation pass:
 * each move in turn is taken out and the best move given the others put back in, which undoes
 * the greedy's early commitments when a later move made them second best. `plainGreedy` skips
 * both (the benchmark's peer).
 */
export function recommendMoveUp(inst: MoveUpInstance, opts: { plainGreedy?: boolean } = {}): MoveUpOutcome {
  const before = coveredAfter(inst, []);
  const moves: Move[] = [];
  let covered = before;
  while (covered < inst.target && moves.length < inst.maxMoves) {
    const next = bestMove(inst, moves);
    if (next) {
      moves.push(next.move);
      covered += next.gain;
      continue;
    }
    const pair = !opts.plainGreedy && moves.length + 2 <= inst.maxMoves ? bestPair(inst, moves, covered) : null;
    if (!pair) break;
    moves.push(...pair);
    covered = coveredAfter(inst, moves);
  }
  for (let k = 0; k < (opts.plainGreedy ? 0 : moves.length); k++) {
    const others = moves.filter((_, x) => x !== k);
    const alt = bestMove(inst, others);
    if (alt && coveredAfter(inst, [...others, alt.move]) > covered) {
      moves[k] = alt.move;
      covered = coveredAfter(inst, moves);
    }
  }
  return { before, after: covered, moves };
}
