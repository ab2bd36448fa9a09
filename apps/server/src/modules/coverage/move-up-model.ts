/**
 * Move-up (pure, no I/O): after dispatches take units away, which of the remaining available
 * units should stand where so that the most key places are again within T minutes — a small
 * MCLP where the facilities are the units already out there, and a "move" swaps one unit's
 * coverage for a post's. Demand points are counted (the threshold is a share of places).
 *
 * Units drive on their kind's graph (a patrol car under lights and sirens, a foot patrol as a
 * car): a post covers what a unit of that graph reaches from it, so post covers are per graph.
 * Covers and drive times are asked for only where the choice needs them (lazily: the covers of
 * the posts near an uncovered point; the drive times of the moves of the best gain, to keep out
 * the ones too far and break ties to the shorter drive).
 */
export interface MoveUpInstance {
  /** Demand points. */
  n: number;
  /** For each unit: the demand points it covers within T from where it is now. */
  unitCover: readonly Int32Array[];
  /** Units this dispatcher may move (the others still cover, but stay where they are). */
  movable: readonly boolean[];
  /** For each unit: the graph (kind profile) it drives; default 0. */
  unitGraph?: readonly number[];
  /** Candidate posts. */
  posts: number;
  /** The demand points a unit driving graph g covers within T from post j (asked only of the posts that may matter). */
  postCover: (g: number, post: number) => Int32Array;
  /** The posts from which a unit driving graph g covers point i within T (the mirror of postCover; asked only of uncovered points). */
  postsCovering: (g: number, point: number) => Int32Array;
  /** Road seconds from unit u to post j (Infinity when out of reach: never proposed). */
  eta: (unit: number, post: number) => number;
  /** Stop once this many points are covered. */
  target: number;
  maxMoves: number;
}

export interface Move { unit: number; post: number }

export interface MoveUpOutcome { before: number; after: number; moves: Move[] }

/** The instance's covers, each asked once. */
class Covers {
  private readonly cover = new Map<number, Int32Array>();
  private readonly covering = new Map<number, Int32Array>();
  constructor(private readonly inst: MoveUpInstance) {}

  graphOf(u: number): number { return this.inst.unitGraph?.[u] ?? 0; }

  postCover(g: number, j: number): Int32Array {
    const key = g * this.inst.posts + j;
    let got = this.cover.get(key);
    if (!got) this.cover.set(key, (got = this.inst.postCover(g, j)));
    return got;
  }

  postsCovering(g: number, i: number): Int32Array {
    const key = g * this.inst.n + i;
    let got = this.covering.get(key);
    if (!got) this.covering.set(key, (got = this.inst.postsCovering(g, i)));
    return got;
  }

  /** How many units cover each point once `moves` are made (a moved unit covers from its post). */
  counts(moves: readonly Move[]): Int32Array {
    const count = new Int32Array(this.inst.n);
    const movedTo = new Map(moves.map((m) => [m.unit, m.post]));
    this.inst.unitCover.forEach((cover, u) => {
      const post = movedTo.get(u);
      for (const i of post === undefined ? cover : this.postCover(this.graphOf(u), post)) count[i]!++;
    });
    return count;
  }
}

/** Points covered by the units as they stand after `moves` (each moved unit covers from its post). */
export function coveredAfter(inst: MoveUpInstance, moves: readonly Move[]): number {
  return coveredBy(new Covers(inst), moves);
}

function coveredBy(covers: Covers, moves: readonly Move[]): number {
  const count = covers.counts(moves);
  let c = 0;
  for (const x of count) if (x > 0) c++;
  return c;
}

/**
 * The best single move given the others fixed: the net gain (points the post newly covers less
 * the points only the unit covered) is highest, among those of that gain the shortest drive, and
 * a move out of reach is never made. A move's gain is at most what its post covers of the points
 * nobody covers now (the points the unit alone covers it only gives back), so only the posts
 * covering an uncovered point are candidates: they are found from those points (postsCovering),
 * and only their covers are asked for. Drive times are asked only for the moves of the best gain.
 * Null when nothing helps.
 */
function bestMove(inst: MoveUpInstance, covers: Covers, fixed: readonly Move[]): { move: Move; gain: number; eta: number } | null {
  const count = covers.counts(fixed);
  const taken = new Set(fixed.map((m) => m.unit));
  const usedPosts = new Uint8Array(inst.posts);
  for (const m of fixed) usedPosts[m.post] = 1;
  const zeros: number[] = [];
  count.forEach((c, i) => { if (c === 0) zeros.push(i); });
  // Per graph: each candidate post's count of uncovered points, and the candidates covering each point.
  const perGraph = new Map<number, { base: Int32Array; candidates: number[]; coveringCandidates: Map<number, number[]> }>();
  const graphData = (g: number) => {
    let got = perGraph.get(g);
    if (!got) {
      const base = new Int32Array(inst.posts);
      const candidates: number[] = [];
      for (const i of zeros) for (const j of covers.postsCovering(g, i)) if (!usedPosts[j] && base[j]!++ === 0) candidates.push(j);
      candidates.sort((a, b) => a - b);
      const coveringCandidates = new Map<number, number[]>();
      for (const j of candidates) for (const i of covers.postCover(g, j)) {
        const list = coveringCandidates.get(i);
        if (list) list.push(j);
        else coveringCandidates.set(i, [j]);
      }
      perGraph.set(g, (got = { base, candidates, coveringCandidates }));
    }
    return got;
  };
  // Candidates by gain, in unit then post order (the order ties are broken in after the drive time).
  const byGain = new Map<number, Move[]>();
  const extra = new Int32Array(inst.posts);
  for (let u = 0; u < inst.unitCover.length; u++) {
    if (!inst.movable[u] || taken.has(u)) continue;
    const { base, candidates, coveringCandidates } = graphData(covers.graphOf(u));
    if (candidates.length === 0) continue;
    let lost = 0;
    for (const i of inst.unitCover[u]!) {
      if (count[i] !== 1) continue;
      lost++;
      for (const j of coveringCandidates.get(i) ?? []) extra[j]!++;
    }
    for (const j of candidates) {
      const gain = base[j]! + extra[j]! - lost;
      extra[j] = 0;
      if (gain <= 0) continue;
      const list = byGain.get(gain);
      if (list) list.push({ unit: u, post: j });
      else byGain.set(gain, [{ unit: u, post: j }]);
    }
  }
  for (const gain of [...byGain.keys()].sort((a, b) => b - a)) {
    let best: { move: Move; gain: number; eta: number } | null = null;
    for (const move of byGain.get(gain)!) {
      const eta = inst.eta(move.unit, move.post);
      if (eta < Infinity && (!best || eta < best.eta)) best = { move, gain, eta };
    }
    if (best) return best;
  }
  return null;
}

/** Above this many first moves the two-move look-ahead is skipped (it costs this many single-move searches). */
const LOOKAHEAD_FIRST_MOVES = 2_000;

/**
 * When no single move gains, a pair may: a unit that alone covers its area can leave it if
 * another moves in. Every first move with the best second one after it; the best pair whose
 * first move is in reach (asked last, and only of the pairs that would win).
 */
function bestPair(inst: MoveUpInstance, covers: Covers, fixed: readonly Move[], covered: number): Move[] | null {
  const taken = new Set(fixed.map((m) => m.unit));
  const usedPosts = new Set(fixed.map((m) => m.post));
  const firsts: Move[] = [];
  inst.unitCover.forEach((_, u) => {
    if (!inst.movable[u] || taken.has(u)) return;
    for (let j = 0; j < inst.posts; j++) if (!usedPosts.has(j)) firsts.push({ unit: u, post: j });
  });
  if (firsts.length > LOOKAHEAD_FIRST_MOVES) return null;
  const better: { moves: Move[]; covered: number }[] = [];
  for (const first of firsts) {
    const second = bestMove(inst, covers, [...fixed, first]);
    if (!second) continue;
    const c = coveredBy(covers, [...fixed, first, second.move]);
    if (c > covered) better.push({ moves: [first, second.move], covered: c });
  }
  better.sort((a, b) => b.covered - a.covered);
  return better.find((p) => inst.eta(p.moves[0]!.unit, p.moves[0]!.post) < Infinity)?.moves ?? null;
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
  const covers = new Covers(inst);
  const before = coveredBy(covers, []);
  const moves: Move[] = [];
  let covered = before;
  while (covered < inst.target && moves.length < inst.maxMoves) {
    const next = bestMove(inst, covers, moves);
    if (next) {
      moves.push(next.move);
      covered += next.gain;
      continue;
    }
    const pair = !opts.plainGreedy && moves.length + 2 <= inst.maxMoves ? bestPair(inst, covers, moves, covered) : null;
    if (!pair) break;
    moves.push(...pair);
    covered = coveredBy(covers, moves);
  }
  for (let k = 0; k < (opts.plainGreedy ? 0 : moves.length); k++) {
    const others = moves.filter((_, x) => x !== k);
    const alt = bestMove(inst, covers, others);
    if (alt && coveredBy(covers, [...others, alt.move]) > covered) {
      moves[k] = alt.move;
      covered = coveredBy(covers, moves);
    }
  }
  return { before, after: covered, moves };
}
