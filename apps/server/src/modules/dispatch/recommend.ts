import type { Recommendations, UnitKind } from '@firebreak/contracts';
import { manyToOne, RoadGraphError, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { scopeRoots, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import type { IncidentRow } from '../incidents/index.js';
import { listUnitRows, type LivePositions, type UnitRow } from '../units/index.js';
import { fillPlan } from './fill-plan.js';
import { planInForce } from './response-plans.queries.js';

/** Units further than this by road are not worth ranking. */
const CUTOFF_SECONDS = 3600;
const MAX_CANDIDATES = 5000;

type Source = Recommendations['items'][number]['positionSource'];

/** Where a unit is now, as far as we know: its live position, else its home. */
function whereIs(u: UnitRow, live: LivePositions, now: Date): { at: [number, number]; source: Source } {
  const fix = live.get(u.id);
  if (fix) return { at: [fix.lon, fix.lat], source: live.isStale(fix, now) ? 'avl_stale' : 'avl' };
  return { at: [Number(u.homeLon), Number(u.homeLat)], source: 'home' };
}

function snapOrNull(graph: RoadGraph, at: [number, number]): Snapped | null {
  try {
    return graph.snapper.snap(at);
  } catch (err) {
    if (err instanceof RoadGraphError && err.code === 'ROADGRAPH_TOO_FAR_FROM_ROAD') return null;
    throw err;
  }
}

/** Road travel time, in seconds, from each unit to the point (null: off the road network or out of reach). */
export function travelTimes(graph: RoadGraph, from: [number, number][], to: [number, number]): (number | null)[] {
  const destination = snapOrNull(graph, to);
  if (!destination) return from.map(() => null);
  const snapped = from.map((p) => snapOrNull(graph, p));
  const reachable = snapped.filter((s): s is Snapped => s !== null);
  const seconds = manyToOne(graph, reachable, destination, { cutoff: CUTOFF_SECONDS });
  let k = 0;
  return snapped.map((s) => {
    if (!s) return null;
    const t = seconds[k++]!;
    return Number.isFinite(t) ? t : null;
  });
}

/**
 * The units the actor may send to the incident now, fastest by road first, each with its ETA
 * and the on-scene tiers of the incident's clock it would make; the response plan in force for the
 * incident fills its slots from them (with a kind filter, only that kind's slots count).
 */
export async function recommend(
  q: Queryable, graph: RoadGraph, live: LivePositions, actor: Actor, incident: IncidentRow, now: Date, opts: { limit: number; kind?: UnitKind | undefined },
): Promise<Omit<Recommendations, 'incidentId' | 'computedAt'>> {
  const { rows } = await listUnitRows(q, { roots: scopeRoots(actor, 'dispatch:assign'), dispatchable: true, kind: opts.kind, limit: MAX_CANDIDATES });
  const where = rows.map((u) => whereIs(u, live, now));
  const etas = travelTimes(graph, where.map((w) => w.at), [Number(incident.lon), Number(incident.lat)]);
  const open = incident.tiers.filter((t) => t.requirement === 'on_scene' && !t.metAt && !t.missedAt);
  const ranked = rows.map((u, i) => {
    const eta = etas[i] ?? null;
    const arrives = eta === null ? null : new Date(now.getTime() + eta * 1000);
    return {
      unitId: u.id,
      callSign: u.callSign,
      kind: u.kind,
      status: u.status,
      jurisdictionPath: u.jurisdictionPath,
      etaSeconds: eta,
      arrivesAt: arrives?.toISOString() ?? null,
      positionSource: where[i]!.source,
      makesTiers: arrives ? open.filter((t) => arrives <= new Date(t.deadlineAt)).map((t) => t.tier) : [],
    };
  });
  ranked.sort((a, b) => (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity) || a.callSign.localeCompare(b.callSign));
  const plan = await planInForce(q, incident.jurisdictionPath, incident.type, incident.priority);
  const { items, unfilled } = fillPlan(ranked, plan);
  return { items: items.slice(0, opts.limit), plan, unfilled: unfilled.filter((u) => !opts.kind || u.kind === opts.kind) };
}
