import { DEFAULT_RUN_CARDS, type IncidentOrigin, type IncidentType, type Priority, type UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { planInForce } from '../dispatch/index.js';
import { loadFacts } from '../reports/index.js';
import type { FleetEntry } from './deployment.js';
import type { Card, SimCall } from './model.js';
import type { ReplayCall } from './run-replay.js';

/**
 * What a replay reads, like the reports a read model over the incidents, dispatch, history and
 * units tables (it writes nothing): the period's calls with their recorded figures (the reports'
 * own reader), where they were and how long their units stayed on scene; the fleet; the cards.
 */

export interface ReplayScope {
  jurisdiction: { id: string; path: string; name: string };
  from: Date;
  to: Date;
  origin: IncidentOrigin;
}

const scoped = (s: ReplayScope) => sql`i.jurisdiction_path <@ ${s.jurisdiction.path}::ltree and i.received_at >= ${s.from}
  and i.received_at < ${s.to} and i.origin = ${s.origin} and i.duplicate_of is null`;

/** How many calls the period holds (checked against the limit before anything is read). */
export async function countCalls(q: Queryable, s: ReplayScope): Promise<number> {
  const [row] = await rows<{ n: number }>(q, sql`select count(*)::int as n from incidents i where ${scoped(s)}`);
  return Number(row?.n ?? 0);
}

export async function loadCalls(q: Queryable, s: ReplayScope, within: readonly number[]): Promise<ReplayCall[]> {
  const facts = await loadFacts(q, { ...s, by: 'priority', level: 1, within });
  const places = await rows<{ id: string; lon: number | null; lat: number | null; relocatedFrom: string | null }>(q, sql`
    select i.id, ST_X(i.location) as lon, ST_Y(i.location) as lat, h.relocated_from as "relocatedFrom"
      from incidents i left join imported_calls h on h.incident_id = i.id where ${scoped(s)}`);
  // Units that arrived and cleared: their time on scene, in order of arrival.
  const onScene = await rows<{ incidentId: string; seconds: number }>(q, sql`
    select incident_id as "incidentId", seconds from (
      select a.incident_id, extract(epoch from a.cleared_at - a.on_scene_at)::float8 as seconds, a.on_scene_at
        from assignments a join incidents i on i.id = a.incident_id
        where ${scoped(s)} and a.on_scene_at is not null and a.cleared_at > a.on_scene_at
      union all
      select h.incident_id, extract(epoch from h.cleared_at - h.on_scene_at)::float8, h.on_scene_at
        from imported_responses h join incidents i on i.id = h.incident_id
        where ${scoped(s)} and h.on_scene_at is not null and h.cleared_at > h.on_scene_at
    ) t order by incident_id, on_scene_at`);
  const where = new Map(places.map((p) => [p.id, p.lon === null || p.lat === null ? null : [Number(p.lon), Number(p.lat)] as [number, number]]));
  const durations = new Map<string, number[]>();
  for (const r of onScene) {
    const list = durations.get(r.incidentId) ?? [];
    list.push(Number(r.seconds));
    durations.set(r.incidentId, list);
  }
  const relocatedFrom = new Map(places.map((p) => [p.id, p.relocatedFrom]));
  return facts.map((f) => ({ recorded: f, at: where.get(f.id!) ?? null, onSceneSeconds: durations.get(f.id!) ?? [], relocatedFrom: relocatedFrom.get(f.id!) ?? null }));
}

/** The units of the subtree, at their homes: the recorded fleet (units lent by neighbours are not in it). */
export async function loadFleet(q: Queryable, path: string): Promise<FleetEntry[]> {
  const list = await rows<{ callSign: string; kind: UnitKind; capabilities: string[]; lon: number; lat: number }>(q, sql`
    select call_sign as "callSign", kind, capabilities, ST_X(home_location) as lon, ST_Y(home_location) as lat
      from units where jurisdiction_path <@ ${path}::ltree order by call_sign`);
  return list.map((u) => ({ callSign: u.callSign, kind: u.kind, capabilities: u.capabilities ?? [], home: [Number(u.lon), Number(u.lat)] }));
}

/** The card each call follows: the plan in force where it happened, else its type's default; read once per place, type and priority. */
export async function loadCards(q: Queryable, calls: readonly ReplayCall[]): Promise<(call: SimCall) => Card> {
  const key = (path: string, type: string, priority: string) => `${path}|${type}|${priority}`;
  const cards = new Map<string, Card>();
  for (const { recorded: r } of calls) {
    const k = key(r.jurisdictionPath, r.type, r.priority);
    if (cards.has(k)) continue;
    const plan = await planInForce(q, r.jurisdictionPath, r.type as IncidentType, r.priority as Priority);
    cards.set(k, plan?.tiers ?? DEFAULT_RUN_CARDS[r.type as IncidentType][r.priority as Priority]);
  }
  return (call) => cards.get(key(call.jurisdictionPath, call.type, call.priority)) ?? DEFAULT_RUN_CARDS[call.type][call.priority];
}
