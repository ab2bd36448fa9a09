import { PLACEMENT_LIMITS, type PlacementRequest, type PlacementResult } from '@firebreak/contracts';
import { oneToMany, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { AppError } from '../../errors.js';
import type { KeyPlacePoint } from '../places/index.js';
import { solveExact } from './placement-exact.js';
import { solveHeuristic } from './placement-heuristic.js';
import { checkReach, checkShape, type PlacementProblem, type Solution } from './placement-model.js';
import { snapOrNull } from './snap.js';

interface Candidate { at: Snapped; location: [number, number]; source: 'station' | 'place' | 'point'; placeId: string | null; name: string | null }

const STATIONS = new Set(['fire_station', 'police_station']);
/**
 * Exact at most this many travel times when the method is `auto`: MCLP (HiGHS) answers in about a
 * second there; the p-median's Lagrangean branch and bound up to the exact limit (OR-Library's
 * 200 x 200 instances take it under a second of CPU).
 */
const AUTO_EXACT_CELLS = { mclp: 5_000, 'p-median': PLACEMENT_LIMITS.maxExactCells } as const;


const problem = (status: 413 | 422, path: string, message: string): AppError =>
  new AppError(status === 413 ? 'PLACEMENT_TOO_LARGE' : 'PLACEMENT_MODEL_INVALID', `${path}: ${message}`, { fields: [{ path: `body.${path}`, message }] });

/**
 * Where p posts should stand: demand = the key places of the categories asked for (weighted per
 * category), candidates = stations, the demand places and drawn points; times by road from each
 * candidate (one search each, cut at T for MCLP) on the road profile of the unit kind that will
 * stand there (`req.unitKind`, as live coverage times it). Off-road places are left out of the demand.
 */
export async function planPlacement(graphs: ProfileGraphs, req: PlacementRequest, places: readonly KeyPlacePoint[], windowShare: (p: KeyPlacePoint) => number = () => 1): Promise<PlacementResult> {
  // Positions snap on the car's graph (every kind drives it); times on the posted unit kind's.
  const graph = graphs.car;
  const travel = travelGraphOf(graphs, req.unitKind);
  const categories = new Set(req.demand.categories ?? ['school', 'kindergarten']);
  for (const [category, w] of Object.entries(req.demand.weights ?? {})) {
    if (!(w! >= 0)) throw problem(422, `demand.weights.${category}`, 'weights must not be negative');
  }
  // In a window, a place counts by the share of it that the place is open (closed throughout: not demand).
  const demandPlaces = places.filter((p) => categories.has(p.category)).map((p) => ({ p, share: windowShare(p), at: snapOrNull(graph, p.lon, p.lat) })).filter((d) => d.at !== null && d.share > 0);
  const candidates: Candidate[] = [];
  const sources = new Set(req.candidates.sources);
  for (const p of places) {
    const kind = STATIONS.has(p.category) ? 'station' : categories.has(p.category) ? 'place' : null;
    if (!kind || !sources.has(kind === 'station' ? 'stations' : 'places')) continue;
    const at = snapOrNull(graph, p.lon, p.lat);
    if (at) candidates.push({ at, location: [p.lon, p.lat], source: kind, placeId: p.id, name: p.name });
  }
  req.candidates.points.forEach(([lon, lat], i) => {
    const at = snapOrNull(graph, lon, lat);
    if (!at) throw problem(422, `candidates.points.${i}`, 'no road near this point');
    candidates.push({ at, location: [lon, lat], source: 'point', placeId: null, name: null });
  });
  const n = demandPlaces.length, m = candidates.length;
  const withinSeconds = req.kind === 'mclp' ? (req.minutes ?? 3) * 60 : undefined;
  const weight = Float64Array.from(demandPlaces, (d) => (req.demand.weights?.[d.p.category as keyof typeof req.demand.weights] ?? 1) * d.share);
  // Sizes first: a refused model costs no travel times.
  const shape = checkShape({ kind: req.kind, n, m, p: req.p, weight, ...(withinSeconds === undefined ? {} : { withinSeconds }) }, PLACEMENT_LIMITS);
  if (shape) {
    // No demand left because of the window or the dates asked: name what emptied it.
    const emptied = shape.path === 'demand' && n === 0 ? (req.demand.window ? 'window' : req.demand.date ? 'date' : null) : null;
    if (emptied === 'window') throw problem(422, 'demand.window', req.demand.date ? 'no demand place is open in this window on these dates' : 'no demand place is open in this window');
    if (emptied === 'date') throw problem(422, 'demand.date', 'no demand place is open on these dates');
    throw problem(shape.status, shape.path, shape.message);
  }
  const cells = n * m;
  if (req.method === 'exact' && cells > PLACEMENT_LIMITS.maxExactCells) throw problem(413, 'method', `an exact solve is limited to ${PLACEMENT_LIMITS.maxExactCells} demand × candidate pairs, this model has ${cells}; use the heuristic`);
  const time = new Float64Array(cells);
  const targets = demandPlaces.map((d) => d.at!);
  candidates.forEach((c, j) => {
    const row = oneToMany(travel, c.at, targets, withinSeconds === undefined ? {} : { cutoff: withinSeconds });
    for (let i = 0; i < n; i++) time[i * m + j] = row[i]!;
  });
  const pr: PlacementProblem = { kind: req.kind, n, m, p: req.p, time, weight, ...(withinSeconds === undefined ? {} : { withinSeconds }) };
  const unreached = checkReach(pr);
  if (unreached) throw problem(422, 'demand', `no candidate post reaches ${demandPlaces[Number(unreached.path.split('.')[1])]!.p.name} by road`);
  const exact = req.method === 'exact' || (req.method === 'auto' && cells <= AUTO_EXACT_CELLS[req.kind]);
  const solution: Solution = exact ? await solveExact(pr, { timeLimitSeconds: req.timeLimitSeconds })
    : solveHeuristic(pr, { timeLimitMs: req.timeLimitSeconds * 1000, plainGreedy: req.method === 'greedy' });
  const serves = new Map(solution.chosen.map((j) => [j, 0]));
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    totalWeight += weight[i]!;
    let best = -1;
    for (const j of solution.chosen) if (best < 0 || time[i * m + j]! < time[i * m + best]!) best = j;
    if (withinSeconds === undefined || time[i * m + best]! <= withinSeconds) serves.set(best, serves.get(best)! + 1);
  }
  return {
    kind: req.kind, method: solution.method, p: req.p, minutes: withinSeconds === undefined ? null : withinSeconds / 60, unitKind: req.unitKind,
    demand: n, candidates: m, objective: solution.objective, bound: solution.bound, gap: solution.gap, timedOut: solution.timedOut,
    summary: totalWeight === 0 ? 0 : solution.objective / totalWeight, milliseconds: Math.round(solution.milliseconds),
    posts: solution.chosen.map((j) => {
      const c = candidates[j]!;
      return { location: c.location, source: c.source, placeId: c.placeId, name: c.name, serves: serves.get(j)! };
    }),
  };
}
