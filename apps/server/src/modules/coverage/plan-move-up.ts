import type { MoveUpMove, UnitKind } from '@firebreak/contracts';
import { oneToMany, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import type { KeyPlacePoint } from '../places/index.js';
import { recommendMoveUp, type MoveUpInstance } from './move-up-model.js';
import { snapOrNull } from './snap.js';

export interface MoveUpUnit { id: string; callSign: string; kind: UnitKind; lon: number; lat: number; movable: boolean }

const STATIONS = new Set(['fire_station', 'police_station']);
/** Posts considered at most: stations first, then the demand places themselves. */
export const MOVE_UP_MAX_POSTS = 1_000;
/** A unit is not sent farther than this to stand in for another (beyond, its own area empties for too long). */
const MAX_MOVE_SECONDS = 20 * 60;
/** Degrees around the demand within which an outside unit could still reach it within 5 minutes (about 17 km). */
const REACH_MARGIN_DEG = 0.15;

export interface MoveUpPlan {
  places: number; before: number; after: number; moves: MoveUpMove[];
  /** Time in the road searches and in the model (the benchmark reports both). */
  searchMilliseconds: number; modelMilliseconds: number;
}

/**
 * The move-up for a jurisdiction: demand = its key places that count (window-filtered), covered
 * within `minutes` by every available unit near enough (the neighbour's too), movable = the
 * units the dispatcher may move, posts = its stations and the demand places. Shares are of the
 * places; the moves are the fewest that reach `threshold` (or the best up to `maxMoves`).
 */
export function planMoveUp(graph: RoadGraph, input: {
  demand: readonly KeyPlacePoint[]; posts: readonly KeyPlacePoint[]; units: readonly MoveUpUnit[];
  minutes: number; threshold: number; maxMoves: number; plainGreedy?: boolean;
}): MoveUpPlan {
  const T = input.minutes * 60;
  const demand = input.demand.map((p) => ({ p, at: snapOrNull(graph, p.lon, p.lat) }));
  const targets = demand.flatMap((d, i) => (d.at ? [{ i, at: d.at }] : []));
  const n = demand.length;
  if (n === 0) return { places: 0, before: 0, after: 0, moves: [], searchMilliseconds: 0, modelMilliseconds: 0 };
  const started = performance.now();
  const bbox = input.demand.reduce((b, p) => [Math.min(b[0]!, p.lon), Math.min(b[1]!, p.lat), Math.max(b[2]!, p.lon), Math.max(b[3]!, p.lat)], [Infinity, Infinity, -Infinity, -Infinity]);
  const near = (u: MoveUpUnit) => u.movable || (u.lon >= bbox[0]! - REACH_MARGIN_DEG && u.lon <= bbox[2]! + REACH_MARGIN_DEG && u.lat >= bbox[1]! - REACH_MARGIN_DEG && u.lat <= bbox[3]! + REACH_MARGIN_DEG);
  const units = input.units.filter(near).map((u) => ({ u, at: snapOrNull(graph, u.lon, u.lat) })).filter((x): x is { u: MoveUpUnit; at: Snapped } => x.at !== null);
  const coverFrom = (at: Snapped): Int32Array => {
    const times = oneToMany(graph, at, targets.map((t) => t.at), { cutoff: T });
    return Int32Array.from(targets.flatMap((t, k) => (times[k]! <= T ? [t.i] : [])));
  };
  const seen = new Set<string>();
  const posts = [...input.posts.filter((p) => STATIONS.has(p.category)), ...input.demand]
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .map((p) => ({ p, at: snapOrNull(graph, p.lon, p.lat) }))
    .filter((x): x is { p: KeyPlacePoint; at: Snapped } => x.at !== null)
    .slice(0, MOVE_UP_MAX_POSTS);
  const noReach = new Float64Array(posts.length).fill(Infinity);
  const inst: MoveUpInstance = {
    n,
    unitCover: units.map((x) => coverFrom(x.at)),
    movable: units.map((x) => x.u.movable),
    postCover: posts.map((x) => coverFrom(x.at)),
    eta: units.map((x) => (x.u.movable ? oneToMany(graph, x.at, posts.map((q) => q.at), { cutoff: MAX_MOVE_SECONDS }) : noReach)),
    target: Math.ceil(input.threshold * n - 1e-9),
    maxMoves: input.maxMoves,
  };
  const searched = performance.now();
  const out = recommendMoveUp(inst, { plainGreedy: input.plainGreedy ?? false });
  const modelled = performance.now();
  return {
    places: n, before: out.before / n, after: out.after / n, searchMilliseconds: searched - started, modelMilliseconds: modelled - searched,
    moves: out.moves.map(({ unit, post }) => {
      const { u } = units[unit]!;
      const { p } = posts[post]!;
      const eta = inst.eta[unit]![post]!;
      return { unitId: u.id, callSign: u.callSign, kind: u.kind, from: [u.lon, u.lat], to: [p.lon, p.lat], postName: p.name, postPlaceId: p.id, etaSeconds: Number.isFinite(eta) ? Math.round(eta) : null };
    }),
  };
}
