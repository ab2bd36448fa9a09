import { boundaryCrossings, EDGE_MINOR, type PolygonRings, type RoadGraph } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import type { MajorRow } from './major-incidents.queries.js';
import { matchTrafficPoints, planTrafficPoints, type CordonCrossing } from './model.js';

/**
 * Where the roads cross a cordon's outline, each marked holdable or not: a patrol holds a road a
 * car may drive (either way), not a service road, living street or track (`EDGE_MINOR`), nor a
 * way only emergency vehicles may use.
 */
export function crossingsOf(graph: RoadGraph, area: PolygonRings): CordonCrossing[] {
  const { edgeFlags, edgeForwardMs, edgeBackwardMs } = graph.data;
  return boundaryCrossings(graph, area).map((c) => ({
    lon: c.lon, lat: c.lat,
    holdable: (edgeFlags[c.edge]! & EDGE_MINOR) === 0 && (edgeForwardMs[c.edge]! >= 0 || edgeBackwardMs[c.edge]! >= 0),
  }));
}

interface ComputedPoint { id: string; name: string; location: readonly [number, number]; unitId: string | null }

async function computedPoints(tx: Tx, majorId: string): Promise<ComputedPoint[]> {
  const list = await rows<{ id: string; name: string; lon: number; lat: number; unitId: string | null }>(tx, sql`select id, name, ST_X(location) as lon, ST_Y(location) as lat,
      unit_id as "unitId" from major_incident_points where major_incident_id = ${majorId} and cordon_kind = 'outer' and removed_at is null order by created_at, id`);
  return list.map((p) => ({ id: p.id, name: p.name, location: [Number(p.lon), Number(p.lat)] as const, unitId: p.unitId }));
}

/**
 * Recomputes the outer cordon's traffic control points inside its command: a point that still
 * stands (a new one within 25 m) keeps its id and its patrol, moved and renamed to the new plan;
 * the others end (removed, their patrol freed); new ones are offered to patrols unassigned. One
 * audit row and one event say what changed, so the board and the patrols' dispatchers see it live.
 */
export async function recomputeTrafficPoints(tx: Tx, record: CommandRecord, row: MajorRow, area: PolygonRings, graph: RoadGraph, now: Date, actorId: string | null): Promise<void> {
  const plan = planTrafficPoints(crossingsOf(graph, area), [row.lon, row.lat]);
  const old = await computedPoints(tx, row.id);
  const { kept, ended } = matchTrafficPoints(old, plan);
  for (const p of ended) await tx.execute(sql`update major_incident_points set removed_at = ${now} where id = ${p.id}`);
  const added: string[] = [];
  for (const [i, p] of plan.entries()) {
    const stays = kept.get(i);
    const at = sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`;
    if (stays) {
      await tx.execute(sql`update major_incident_points set name = ${p.name}, location = ${at}, roads = ${p.roads} where id = ${stays.id}`);
      continue;
    }
    const id = uuidv7();
    added.push(id);
    await tx.execute(sql`insert into major_incident_points (id, major_incident_id, kind, name, location, note, created_at, created_by, cordon_kind, roads)
      values (${id}, ${row.id}, 'traffic_control', ${p.name}, ${at}, null, ${now}, ${actorId}, 'outer', ${p.roads})`);
  }
  if (plan.length === 0 && old.length === 0) return;
  const data = {
    majorIncidentId: row.id, points: plan.length, added: added.length, kept: kept.size, ended: ended.map((p) => ({ pointId: p.id, name: p.name, unitId: p.unitId })),
    exercise: row.exercise,
  };
  record.audit({ action: 'major_incidents.traffic_points_computed', entityType: 'major_incident', entityId: row.id, jurisdictionPath: row.jurisdictionPath, after: data });
  record.emit({ type: 'major_incidents.traffic_points_computed', jurisdictionPath: row.jurisdictionPath, data });
}

/** Ends every computed control point of the outer cordon (it is lifted): their patrols are free again. Returns how many ended. */
export async function endTrafficPoints(tx: Tx, majorId: string, now: Date): Promise<number> {
  const ended = await rows<{ id: string }>(tx, sql`update major_incident_points set removed_at = ${now}
    where major_incident_id = ${majorId} and cordon_kind = 'outer' and removed_at is null returning id`);
  return ended.length;
}
