import type { MoveUpMove, UnitKind } from '@firebreak/contracts';
import { manyToOne, reachIndex, reachWithin, type Reach, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
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
  /** CPU time (ms) in the road searches (covers, and the drive times the model asked for) and in the model itself. */
  searchCpuMs: number; modelCpuMs: number;
  /** Drive-time searches made (one per post and graph asked), against the posts × graphs a full table would search. */
  etaSearches: number;
  /** Posts whose cover was searched (per graph), against posts × graphs. */
  postCovers: number;
}

const cpuMs = (): number => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

/**
 * The move-up for a jurisdiction: demand = its key places that count (window-filtered), covered
 * within `minutes` by every available unit near enough (the neighbour's too), movable = the
 * units the dispatcher may move, posts = its stations and the demand places. Shares are of the
 * places; the moves are the fewest that reach `threshold` (or the best up to `maxMoves`).
 *
 * Each unit is timed on its kind's graph (`travelGraphOf`, as live coverage and dispatch ETAs),
 * and a post covers what a unit of that graph reaches from it. Covers come from `reachWithin`
 * (one search per unit over the ball within T); the posts' covers only where the model asks
 * (the posts near an uncovered place: a backward search from each uncovered place finds them);
 * the drive times from a unit to a post likewise (one backward search per post asked, to the
 * movable units of that graph), not the whole units × posts table.
 */
export function planMoveUp(graphs: ProfileGraphs, input: {
  demand: readonly KeyPlacePoint[]; posts: readonly KeyPlacePoint[]; units: readonly MoveUpUnit[];
  minutes: number; threshold: number; maxMoves: number; plainGreedy?: boolean;
}): MoveUpPlan {
  const T = input.minutes * 60;
  const snapGraph = graphs.car;
  const n = input.demand.length;
  if (n === 0) return { places: 0, before: 0, after: 0, moves: [], searchCpuMs: 0, modelCpuMs: 0, etaSearches: 0, postCovers: 0 };
  const started = cpuMs();
  let inModel = 0;
  const demand = input.demand.map((p) => snapOrNull(snapGraph, p.lon, p.lat));
  const onRoad = demand.flatMap((at, i) => (at ? [i] : []));
  const targets = onRoad.map((i) => demand[i]!);
  const bbox = input.demand.reduce((b, p) => [Math.min(b[0]!, p.lon), Math.min(b[1]!, p.lat), Math.max(b[2]!, p.lon), Math.max(b[3]!, p.lat)], [Infinity, Infinity, -Infinity, -Infinity]);
  const near = (u: MoveUpUnit) => u.movable || (u.lon >= bbox[0]! - REACH_MARGIN_DEG && u.lon <= bbox[2]! + REACH_MARGIN_DEG && u.lat >= bbox[1]! - REACH_MARGIN_DEG && u.lat <= bbox[3]! + REACH_MARGIN_DEG);
  const units = input.units.filter(near).map((u) => ({ u, at: snapOrNull(snapGraph, u.lon, u.lat) })).filter((x): x is { u: MoveUpUnit; at: Snapped } => x.at !== null);
  const seen = new Set<string>();
  const posts = [...input.posts.filter((p) => STATIONS.has(p.category)), ...input.demand]
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .map((p) => ({ p, at: snapOrNull(snapGraph, p.lon, p.lat) }))
    .filter((x): x is { p: KeyPlacePoint; at: Snapped } => x.at !== null)
    .slice(0, MOVE_UP_MAX_POSTS);
  // The graphs the units drive, numbered; each unit's index into them.
  const graphList: RoadGraph[] = [];
  const unitGraph = units.map((x) => {
    const g = travelGraphOf(graphs, x.u.kind);
    const k = graphList.indexOf(g);
    return k >= 0 ? k : graphList.push(g) - 1;
  });
  const coverOf = (graph: RoadGraph, from: readonly Snapped[]): Int32Array[] =>
    reachWithin(graph, from, targets, T).map((r) => Int32Array.from(r.index, (k) => onRoad[k]!));
  const unitCover: Int32Array[] = new Array<Int32Array>(units.length);
  graphList.forEach((graph, g) => {
    const members = units.flatMap((_, u) => (unitGraph[u] === g ? [u] : []));
    coverOf(graph, members.map((u) => units[u]!.at)).forEach((c, k) => { unitCover[members[k]!] = c; });
  });
  // Post covers, and the posts covering a point, per graph and when the model asks (their time counts as search time).
  const timed = <T>(f: () => T): T => { const t0 = cpuMs(); try { return f(); } finally { inModel += cpuMs() - t0; } };
  const fromPost = graphList.map((graph) => reachIndex(graph, targets, T, 'from'));
  const toPlace = graphList.map((graph) => reachIndex(graph, posts.map((q) => q.at), T, 'to'));
  const demandIndex = (r: Reach) => Int32Array.from(r.index, (k) => onRoad[k]!);
  const targetOf = new Int32Array(n).fill(-1);
  onRoad.forEach((i, k) => { targetOf[i] = k; });
  let postCovers = 0;
  const postCover = (g: number, j: number) => timed(() => { postCovers++; return demandIndex(fromPost[g]!(posts[j]!.at)); });
  const postsCovering = (g: number, i: number) => timed(() => (targetOf[i]! < 0 ? new Int32Array(0) : toPlace[g]!(demand[i]!).index));
  // Drive times, a column (post j, graph g: every movable unit of that graph) at a time, when asked.
  const movableOf = graphList.map((_, g) => units.flatMap((x, u) => (x.u.movable && unitGraph[u] === g ? [u] : [])));
  const slotOf = new Int32Array(units.length);
  movableOf.forEach((list) => list.forEach((u, k) => { slotOf[u] = k; }));
  const columns = new Map<number, Float64Array>();
  const eta = (u: number, j: number): number => {
    const g = unitGraph[u]!;
    const key = g * posts.length + j;
    let column = columns.get(key);
    if (!column) {
      const t0 = cpuMs();
      column = manyToOne(graphList[g]!, movableOf[g]!.map((v) => units[v]!.at), posts[j]!.at, { cutoff: MAX_MOVE_SECONDS });
      columns.set(key, column);
      inModel += cpuMs() - t0;
    }
    return column[slotOf[u]!]!;
  };
  const inst: MoveUpInstance = {
    n, unitCover, movable: units.map((x) => x.u.movable), unitGraph, posts: posts.length, postCover, postsCovering, eta,
    target: Math.ceil(input.threshold * n - 1e-9), maxMoves: input.maxMoves,
  };
  const covered = cpuMs();
  const out = recommendMoveUp(inst, { plainGreedy: input.plainGreedy ?? false });
  const done = cpuMs();
  return {
    places: n, before: out.before / n, after: out.after / n,
    searchCpuMs: covered - started + inModel, modelCpuMs: done - covered - inModel, etaSearches: columns.size, postCovers,
    moves: out.moves.map(({ unit, post }) => {
      const { u } = units[unit]!;
      const { p } = posts[post]!;
      const s = eta(unit, post);
      return { unitId: u.id, callSign: u.callSign, kind: u.kind, from: [u.lon, u.lat], to: [p.lon, p.lat], postName: p.name, postPlaceId: p.id, etaSeconds: Number.isFinite(s) ? Math.round(s) : null };
    }),
  };
}
