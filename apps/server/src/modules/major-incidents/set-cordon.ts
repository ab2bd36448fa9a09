import type { CordonBody, CordonKind, MajorIncident } from '@firebreak/contracts';
import type { RoadGraph } from '@firebreak/roadgraph';
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { reachOf } from '../jurisdictions/index.js';
import { assertValidGeometry, geometrySql } from '../places/index.js';
import { cordonsOf } from './cordons.queries.js';
import { lockMajor } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { recomputeTrafficPoints } from './traffic-points.js';

/**
 * Draws (or redraws) the inner or outer cordon: a polygon, checked by PostGIS (not
 * self-intersecting; closed and 2-D by the contract), or a circle of `radiusM` around the major
 * incident's point. It must lie within the commanding jurisdiction's area, and an inner cordon
 * within the outer one. With `closeRoads` the roads inside close in every node's road graph
 * (`road-closures.ts` follows the event); redrawing without it opens them again. Given the road
 * graph (`roads`), drawing the outer cordon recomputes its traffic control points in the same
 * transaction (`traffic-points.ts`).
 */
/** A shape (a cordon, an alert's area) must lie within the commanding jurisdiction's area, with the boundary tolerance of `reachOf`. */
export async function assertWithinCommand(tx: Tx, shape: SQL, commandPath: string, field: string): Promise<void> {
  const reach = await reachOf(tx, shape, commandPath);
  if (reach && !reach.fits) {
    const message = `reaches up to ${Math.round(reach.metres).toLocaleString('en')} m beyond ${reach.area.name}`;
    throw new AppError('MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
}

export async function setCordon(
  deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, kind: CordonKind, input: CordonBody, roads?: () => Promise<RoadGraph>,
): Promise<MajorIncident> {
  // Loaded before the transaction: the first load of the road network must not hold the row lock.
  const graph = kind === 'outer' && roads ? await roads() : null;
  const now = deps.clock();
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    if (input.area) await assertValidGeometry(tx, input.area, 'body.area');
    const shape = input.area
      ? geometrySql(input.area)
      : sql`ST_SetSRID(ST_Buffer(ST_SetSRID(ST_MakePoint(${row.lon}, ${row.lat}), 4326)::geography, ${input.radiusM!}, 32)::geometry, 4326)`;
    const field = input.area ? 'body.area' : 'body.radiusM';
    await assertWithinCommand(tx, shape, row.commandPath, field);
    const other = kind === 'inner' ? 'outer' : 'inner';
    const [nested] = await rows<{ ok: boolean }>(tx, sql`select ${kind === 'inner' ? sql`ST_CoveredBy(${shape}, geom)` : sql`ST_CoveredBy(geom, ${shape})`} as ok
      from major_incident_cordons where major_incident_id = ${id} and kind = ${other}`);
    if (nested && !nested.ok) {
      const message = kind === 'inner' ? 'the inner cordon must lie within the outer one' : 'the outer cordon must enclose the inner one';
      throw new AppError('MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', `${field}: ${message}`, { fields: [{ path: field, message }] });
    }
    const before = (await cordonsOf(tx, id)).find((c) => c.kind === kind) ?? null;
    await tx.execute(sql`insert into major_incident_cordons (major_incident_id, kind, geom, radius_m, closes_roads, set_at, set_by)
      values (${id}, ${kind}, ${shape}, ${input.radiusM ?? null}, ${input.closeRoads}, ${now}, ${ctx.actor.id})
      on conflict (major_incident_id, kind) do update set geom = excluded.geom, radius_m = excluded.radius_m, closes_roads = excluded.closes_roads,
        set_at = excluded.set_at, set_by = excluded.set_by`);
    await tx.execute(sql`update major_incidents set version = version + 1, updated_at = ${now} where id = ${id}`);
    const cordon = (await cordonsOf(tx, id)).find((c) => c.kind === kind)!;
    const data = { majorIncidentId: id, kind, radiusM: cordon.radiusM, closesRoads: cordon.closesRoads, area: cordon.area, keyPlaceCounts: cordon.keyPlaceCounts, exercise: row.exercise };
    record.audit({ action: 'major_incidents.cordon_set', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath,
      before: before ? { area: before.area, radiusM: before.radiusM, closesRoads: before.closesRoads } : null, after: data });
    record.emit({ type: 'major_incidents.cordon_set', jurisdictionPath: row.jurisdictionPath, data });
    if (graph) await recomputeTrafficPoints(tx, record, row, cordon.area.coordinates, graph, now, ctx.actor.id);
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
