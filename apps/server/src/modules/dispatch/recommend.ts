import { DEFAULT_RUN_CARDS, type Recommendations, type ResponsePlan, type UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { manyToOne, type Profile, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { canOnUnit, lentBy, type Actor } from '../../platform/auth/access.js';
import { independentReads, rows, type Queryable } from '../../platform/db/client.js';
import type { IncidentRow } from '../incidents/index.js';
import { cordonAccessFor, etaTarget } from './cordon-access.js';
import { snapOrNull, type Fleet, type FleetUnit, type PositionSource } from './fleet.js';
import { cardLeft, fillPlan, fitsSlot, orderForIncident, shortfallOf } from './fill-plan.js';
import { LIVE_ASSIGNMENT } from './assignment-model.js';
import { planInForce } from './response-plans.queries.js';
import { loansFor, type LoanMark } from './loans.js';
import { travelGraphOf } from './travel-profile.js';
import { answerInSteps, type Reach, type Steps } from './widen.js';

/** The deployment's road graph per profile (`RoadNetwork.byProfile`). */
export type ProfileGraphs = Readonly<Record<Profile, RoadGraph>>;

/** Per road graph, how many of its nearest units a query times with their turns (`turnAwareCounts`). */
export type NearestOn = (graph: RoadGraph) => number;

/** Units further than this by road are not worth ranking. */
const CUTOFF_SECONDS = 3600;
/**
 * Units the prepared fleet does not cover are searched for first with this cutoff: a search to
 * the farthest unit of a large graph costs far more than one to the near ones, and near units are
 * what a 1-3-5 response needs. Widened only as far as the answer needs (widen.ts).
 */
const NEAR_SECONDS = 900;
const STEPS: Steps = { near: NEAR_SECONDS, full: CUTOFF_SECONDS };
/** Times the answer is recomputed when the database shows offered units moved on meanwhile. */
const VERIFY_ROUNDS = 3;

export type Answer = Omit<Recommendations, 'incidentId' | 'computedAt'>;

/**
 * Seconds from each snapped origin to the destination, each on the graph of its unit's kind (its
 * profile, less roads over its height or weight; null: off the road network or beyond the
 * cutoff): one many-to-one search per graph present.
 */
function secondsTo(graphs: ProfileGraphs, kinds: UnitKind[], from: (Snapped | null)[], destination: Snapped | null, cutoff: number, nearestOn?: NearestOn, exact?: boolean[]): (number | null)[] {
  const out: (number | null)[] = from.map(() => null);
  if (!destination) return out;
  const byGraph = new Map<RoadGraph, number[]>();
  from.forEach((s, i) => {
    if (!s) return;
    const graph = travelGraphOf(graphs, kinds[i]!);
    const list = byGraph.get(graph);
    if (list) list.push(i);
    else byGraph.set(graph, [i]);
  });
  for (const [graph, indexes] of byGraph) {
    const known = new Uint8Array(indexes.length);
    const seconds = manyToOne(graph, indexes.map((i) => from[i]!), destination, nearestOn === undefined ? { cutoff, exact: known } : { cutoff, nearest: nearestOn(graph), exact: known });
    indexes.forEach((i, k) => {
      out[i] = Number.isFinite(seconds[k]!) ? seconds[k]! : null;
      if (exact) exact[i] = known[k] === 1;
    });
  }
  return out;
}

/**
 * Road travel time, in seconds, from each unit (where it is, of what kind) to the point, on its
 * kind's profile (null: off the road network or out of reach). Points are snapped on the car's
 * graph, which every profile can drive.
 */
export function travelTimes(graphs: ProfileGraphs, from: { at: [number, number]; kind: UnitKind }[], to: [number, number]): (number | null)[] {
  const graph = graphs.car;
  return secondsTo(graphs, from.map((f) => f.kind), from.map((f) => snapOrNull(graph, f.at)), snapOrNull(graph, to), CUTOFF_SECONDS);
}

/** Marks a unit the actor may send only under an agreement, with the jurisdiction that lends it. */
function mutualAidMark(actor: Actor, u: FleetUnit): Recommendations['items'][number]['mutualAid'] {
  const aid = lentBy(actor, 'dispatch:assign', u);
  return aid ? { agreementId: aid.agreementId, providingJurisdictionPath: aid.providingPath } : null;
}

export interface Ranking {
  actor: Actor;
  incident: IncidentRow;
  now: Date;
  plan: ResponsePlan | null;
  /**
   * The plan's tiers, else the incident type's default card, less the places the units already
   * committed to the incident take: what the ranking still fills.
   */
  card: Pick<ResponsePlan, 'tiers'>;
  /** Kinds of every unit the actor may send, whatever its status (for the shortfall's reason). */
  kindsInScope: ReadonlySet<UnitKind>;
  /** Whether a unit the actor may send, whatever its status, fills a slot naming a capability. */
  slotInScope: (slot: { kind?: UnitKind | undefined; capability?: string | undefined }) => boolean;
  opts: { limit: number; kind?: UnitKind | undefined };
  /** Units another jurisdiction lent for this incident (granted reinforcement requests). */
  loans: ReadonlyMap<string, LoanMark>;
}

/**
 * Call signs break ties in ETA (one collator: `localeCompare` builds one per call), after the
 * kind of time: a unit timed with its turns ranks before one whose ETA is a lower bound equal to
 * it (`nearest` leaves the k-th time as the bound of the units after it, turnAwareCounts).
 */
const byCallSign = new Intl.Collator();

/**
 * The units an answer can show, fastest first: the first `limit` and per place of the card the
 * fastest reachable unit fitting it (each takes the first open place it fits, in that order), with
 * the largest ETA among them and the card's places as left. Pure.
 */
export function chooseUnits(r: Pick<Ranking, 'card' | 'opts'>, units: readonly Pick<FleetUnit, 'kind' | 'capabilities' | 'callSign'>[], etas: readonly (number | null)[], exact: (i: number) => boolean = () => true): { chosen: number[]; horizon: number; slots: { slot: ResponsePlan['tiers'][number]['slots'][number]; left: number }[] } {
  const n = etas.length;
  const keys = new Float64Array(n);
  const bound = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = etas[i] ?? Infinity;
    keys[i] = k;
    bound[i] = k !== Infinity && !exact(i) ? 1 : 0;
  }
  // Fastest first; an equal ETA: the timed one, then the call sign, then the index (what a stable sort of all kept).
  const before = (a: number, b: number) => keys[a]! - keys[b]! || (keys[a] === keys[b] ? bound[a]! - bound[b]! || byCallSign.compare(units[a]!.callSign, units[b]!.callSign) : 0) || a - b;
  // Places of the card still open, each slot's count: a unit takes the first it fits.
  const slots = r.card.tiers.flatMap((tier) => tier.slots.map((slot) => ({ slot, left: slot.units })));
  let open = slots.reduce((sum, p) => sum + p.left, 0);
  // Only the first `limit` and the reachable units fitting a place can be taken: those are ranked,
  // not every candidate (sorting a metro's thousand patrol cars, which fit no place of a fire
  // card, and walking them all against the card was most of answerFrom, bench:dispatch profile).
  const limit = Math.min(r.opts.limit, n);
  const top = firstInOrder(n, limit, before);
  const inTop = new Uint8Array(n);
  for (const i of top) inTop[i] = 1;
  const ranked = [...top];
  if (open > 0) for (let i = 0; i < n; i++) if (inTop[i] === 0 && keys[i] !== Infinity && slots.some((p) => fitsSlot(p.slot, units[i]!))) ranked.push(i);
  ranked.sort(before);
  const chosen: number[] = [];
  let horizon = 0;
  for (const i of ranked) {
    const reachable = keys[i] !== Infinity;
    const place = reachable && open > 0 ? slots.find((p) => p.left > 0 && fitsSlot(p.slot, units[i]!)) : undefined;
    if (place) {
      place.left--;
      open--;
    }
    if (inTop[i] === 1 || place) {
      chosen.push(i);
      horizon = Math.max(horizon, keys[i]!);
    }
  }
  return { chosen, horizon, slots };
}

/**
 * The answer from the travel times: units sorted fastest first, and only those that can appear
 * in it turned into items: the first `limit`, and per unit kind the fastest reachable ones as many
 * as the plan's slots of that kind over all tiers (fillPlan takes no other: each slot takes the
 * fastest of its kind not yet taken). With it, how far its units reach (widen.ts). `exact(i)`:
 * whether unit i's ETA is its own and not a lower bound (default: every one is).
 */
export function answerFrom(r: Ranking, units: readonly FleetUnit[], sources: readonly PositionSource[], etas: readonly (number | null)[], exact: (i: number) => boolean = () => true): { answer: Answer; reach: Reach; slotted: number[] } {
  const { chosen, horizon, slots } = chooseUnits(r, units, etas, exact);
  const tiersOpen = r.incident.tiers.filter((t) => t.requirement === 'on_scene' && !t.metAt && !t.missedAt);
  const ranked = chosen.map((i) => {
    const u = units[i]!;
    const eta = etas[i] ?? null;
    const arrives = eta === null ? null : new Date(r.now.getTime() + eta * 1000);
    return {
      unitId: u.id,
      callSign: u.callSign,
      kind: u.kind,
      status: u.status,
      jurisdictionPath: u.jurisdictionPath,
      etaSeconds: eta,
      arrivesAt: arrives?.toISOString() ?? null,
      positionSource: sources[i]!,
      makesTiers: arrives ? tiersOpen.filter((t) => arrives <= new Date(t.deadlineAt)).map((t) => t.tier) : [],
      mutualAid: mutualAidMark(r.actor, u),
      lent: canOnUnit(r.actor, 'dispatch:assign', u) ? null : r.loans.get(u.id) ?? null,
    };
  });
  const capabilities = new Map(chosen.map((i) => [units[i]!.id, units[i]!.capabilities]));
  const filled = fillPlan(ranked, r.card, (id) => capabilities.get(id) ?? []);
  const items = orderForIncident(filled.items, r.incident.type);
  // Every on-scene tier not met has a deadline to make (a missed one's is past: every unit is late).
  const deadlines = new Map(r.incident.tiers.filter((t) => t.requirement === 'on_scene' && !t.metAt).map((t) => [t.tier, new Date(t.deadlineAt).getTime()]));
  const shortfall = shortfallOf({ items, card: r.card, kindsInScope: r.kindsInScope, slotInScope: r.slotInScope, deadlines, now: r.now });
  const ofKind = <T extends { kind: UnitKind | null }>(list: T[]) => list.filter((u) => !r.opts.kind || u.kind === r.opts.kind);
  const answer: Answer = {
    items: items.slice(0, r.opts.limit),
    plan: r.plan,
    card: r.plan ? 'plan' : 'type_default',
    // `unfilled` keeps its meaning: the slots of a plan in force that no unit fills.
    unfilled: r.plan ? ofKind(filled.unfilled) : [],
    shortfall: ofKind(shortfall),
  };
  const openPlaces = slots.filter((p) => p.left > 0);
  // fillPlan keeps the order it was given: item k is unit chosen[k].
  const slotted = chosen.filter((_, k) => filled.items[k]!.planSlot !== null);
  return { answer, reach: { horizon, fitsOpenPlace: (i) => openPlaces.some((p) => fitsSlot(p.slot, units[i]!)) }, slotted };
}

/** The first `count` of 0..n-1 in the total order `before`, in that order (insertion into a short list: count is an answer's length). */
function firstInOrder(n: number, count: number, before: (a: number, b: number) => number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  for (let i = 0; i < n; i++) {
    if (out.length === count && before(i, out[count - 1]!) >= 0) continue;
    let j = out.length === count ? count - 1 : out.length;
    while (j > 0 && before(i, out[j - 1]!) < 0) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = i;
  }
  return out;
}

/**
 * How many units per road graph get a turn-aware ETA (ADR 0013): the answer's length and every
 * place of the card a candidate driving that graph fits, so the units an answer shows first are
 * timed with their turns. A unit ranked after them keeps its node-based ETA, a lower bound
 * (Baltimore: turns add a median 7.5 %), which ranks it after them too; the ETA recorded on
 * assignment is always turn-aware. A place no candidate of a graph fits is filled from another
 * graph: before, every graph counted every place, so a fleet of patrol cars was refined four
 * units deeper for a fire card's places (one A* each: 4 of 25 on the metro's patrol cars;
 * bench:dispatch). Exact either way: `slotsTurnAware` refines whatever fills a place.
 */
export function turnAwareCounts(graphs: ProfileGraphs, r: Ranking, units: readonly FleetUnit[]): NearestOn {
  const slots = r.card.tiers.flatMap((tier) => tier.slots);
  const fitted = new Map<RoadGraph, Uint8Array>();
  for (const u of units) {
    const graph = travelGraphOf(graphs, u.kind);
    let fits = fitted.get(graph);
    if (!fits) fitted.set(graph, (fits = new Uint8Array(slots.length)));
    for (let j = 0; j < slots.length; j++) if (fits[j] === 0 && fitsSlot(slots[j]!, u)) fits[j] = 1;
  }
  const counts = new Map<RoadGraph, number>();
  for (const [graph, fits] of fitted) counts.set(graph, slots.reduce((n, slot, j) => n + (fits[j] === 1 ? slot.units : 0), r.opts.limit));
  return (graph) => counts.get(graph) ?? r.opts.limit;
}

/**
 * Ranks the fleet view's candidates: by the prepared sweep for the units it covers and, in the
 * same query, those that moved since it was prepared (fleet.ts `preparedSecondsTo`); for the
 * others (nothing prepared yet, or no sweep of their profile) a search from the incident over
 * those only, widened in steps only as far as the answer needs (widen.ts).
 */
export function rank(graphs: ProfileGraphs, fleet: Pick<Fleet, 'dispatchable' | 'positionOf' | 'preparedSecondsTo'>, r: Ranking, destination: Snapped | null, steps: Steps = STEPS): Answer {
  // Candidates: the units of my subtrees, and those neighbours lend me under mutual aid agreements.
  const units = fleet.dispatchable((u) => canOnUnit(r.actor, 'dispatch:assign', u) || r.loans.has(u.id), r.opts.kind);
  const where = units.map((u) => fleet.positionOf(u, r.now));
  const snapped = where.map((w) => w.snapped);
  const sources = where.map((w) => w.source);
  if (!destination) return answerFrom(r, units, sources, units.map(() => null)).answer;
  // The fleet's positions prepared in the background answer for every distance at once.
  // With turn costs (ADR 0013) each graph refines its units until the answer's worth are certain:
  // a unit left unrefined keeps its node-based ETA, a lower bound at least its set's last refined one,
  // so the answer's units are turn-aware whether they come from the prepared sweep or the search.
  const nearestOn = turnAwareCounts(graphs, r, units);
  const prepared = fleet.preparedSecondsTo(units, snapped, destination, steps.full, nearestOn);
  const etas = prepared?.seconds ?? units.map(() => null);
  const open = prepared?.uncovered ?? units.flatMap((_, i) => (snapped[i] ? [i] : []));
  // Per unit, whether its ETA is turn-aware (not a refinement's lower bound): from the prepared
  // sweep, then from each search from the incident.
  const exact = prepared?.exact ?? units.map(() => false);
  const search = (indexes: readonly number[], cutoff: number) => {
    const known: boolean[] = [];
    const found = secondsTo(graphs, indexes.map((i) => units[i]!.kind), indexes.map((i) => snapped[i]!), destination, cutoff, nearestOn, known);
    indexes.forEach((i, k) => (exact[i] = known[k] === true));
    return found;
  };
  // Units already timed with their turns are not refined again for a place.
  return answerInSteps(etas, open, search, slotsTurnAware(graphs, units, snapped, destination, steps.full, (e, isExact) => answerFrom(r, units, sources, e, isExact), (i) => exact[i] === true), steps);
}

/**
 * The answer with every unit that fills a place of the card timed with its turns. `nearest`
 * refines each graph's k nearest units, whatever their kind: an ambulance behind a fleet of patrol
 * cars on the same graph kept its node-based ETA, a lower bound, and a shortfall's
 * `fastestEtaSeconds` could be one. So the units filling places that may still hold a lower
 * bound are refined in full (a handful: one search per graph) and the answer made again; refining
 * only raises an ETA, so this ends once the places are filled by refined units, which are then the
 * fastest of their kind: every other unit's ETA is at least its lower bound, and that ranks after.
 */
function slotsTurnAware(graphs: ProfileGraphs, units: readonly FleetUnit[], snapped: readonly (Snapped | null)[], destination: Snapped, cutoff: number, answerOf: (etas: readonly (number | null)[], exact: (i: number) => boolean) => { answer: Answer; reach: Reach; slotted: number[] }, turnAware: (i: number) => boolean) {
  // Refined ETAs by unit index (null: past the cutoff with its turns), laid over the ones given.
  const refined = new Map<number, number | null>();
  // A refined unit has its turn-aware ETA (a unit on a graph without turn costs: its own, turnAware).
  const isExact = (i: number) => refined.has(i) || turnAware(i);
  return (given: readonly (number | null)[]) => {
    for (;;) {
      const etas = refined.size === 0 ? given : given.map((eta, i) => (refined.has(i) ? (refined.get(i) ?? null) : eta));
      const result = answerOf(etas, isExact);
      const pending = result.slotted.filter((i) => !refined.has(i) && etas[i] !== null && !turnAware(i) && travelGraphOf(graphs, units[i]!.kind).turnModel !== undefined);
      if (pending.length === 0) return result;
      const exact = secondsTo(graphs, pending.map((i) => units[i]!.kind), pending.map((i) => snapped[i]!), destination, cutoff);
      pending.forEach((i, k) => refined.set(i, exact[k] ?? null));
    }
  };
}

/**
 * The units the actor may send to the incident now, fastest by road first, each with its ETA
 * and the on-scene tiers of the incident's clock it would make; the response plan in force for the
 * incident fills its slots from them (with a kind filter, only that kind's slots count).
 * Candidates come from the node's fleet view (no unit rows read per request); the units offered
 * are then checked against the database, and the answer recomputed if one of them moved on.
 */
export async function recommend(q: Queryable, graphs: ProfileGraphs, fleet: Fleet, actor: Actor, incident: IncidentRow, now: Date, opts: Ranking['opts']): Promise<Answer> {
  fleet.useGraphs(graphs);
  const graph = graphs.car;
  const scene: [number, number] = [Number(incident.lon), Number(incident.lat)];
  // Four independent reads at once (on a PostgreSQL server, four pooled connections): one round trip's wait, not four;
  // one after another when q is a transaction (independentReads).
  const [plan, routedTo, committed, loans] = await independentReads(q, [
    () => planInForce(q, incident.jurisdictionPath, incident.type, incident.priority),
    // Inside a closed cordon no road reaches the scene: the ETA is to its staging or access point.
    () => cordonAccessFor(q, scene),
    () => rows<{ kind: UnitKind; capabilities: string[] }>(q, sql`select u.kind, u.capabilities from assignments a join units u on u.id = a.unit_id
      where a.incident_id = ${incident.id} and a.state in (${sql.join(LIVE_ASSIGNMENT.map((s) => sql`${s}`), sql`, `)}) order by a.assigned_at, a.id`),
    () => loansFor(q, incident.id),
  ]);
  const target = etaTarget(scene, routedTo);
  const destination = target ? snapOrNull(graph, target) : null;
  const card = cardLeft(plan ?? { tiers: DEFAULT_RUN_CARDS[incident.type][incident.priority] }, committed);
  const kindsInScope = fleet.kindsOf((u) => canOnUnit(actor, 'dispatch:assign', u) || loans.has(u.id));
  const mine = (u: FleetUnit) => canOnUnit(actor, 'dispatch:assign', u) || loans.has(u.id);
  const slotInScope: Ranking['slotInScope'] = (slot) => fleet.some((u) => fitsSlot(slot, u) && mine(u));
  const ranking: Ranking = { actor, incident, now, plan, card, kindsInScope, slotInScope, opts, loans };
  const checked = new Set<string>();
  for (let round = 1; ; round++) {
    const answer = rank(graphs, fleet, ranking, destination);
    const ids = answer.items.map((i) => i.unitId);
    if (await fleet.verify(fleet.versionsOf(ids))) return { ...answer, routedTo };
    for (const id of ids) checked.add(id);
    if (round === VERIFY_ROUNDS) {
      // Offered units keep changing under us: offer only units whose rows were just read.
      const last = rank(graphs, fleet, ranking, destination);
      return { ...last, items: last.items.filter((i) => checked.has(i.unitId)), routedTo };
    }
  }
}
