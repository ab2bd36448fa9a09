import { DEFAULT_CATEGORY_HOURS, type TransportAlert, type TransportFix, type TransportFixesResult, type TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { sweepCommand } from '../../platform/jobs/sweep.js';
import { findPermitRecord, type PermitRecord } from './permit.queries.js';
import { watchFix, watchPlan, watchSilence, type RawAlert, type WatchPlan } from './transport-model.js';

/** Fixes stamped further ahead of the server clock than this are refused (a device clock gone wrong), as for units. */
const MAX_FUTURE_MS = 60_000;
/** A permit's route and zones never change once issued: its plan is built once per node. */
const plans = new Map<string, WatchPlan>();
const MAX_PLANS = 20_000;

/** A zone's hours as issued; permits issued before zones kept hours watch with the built-in category default. */
function zoneHours(z: TransportPermit['zones'][number]): string | null {
  if (z.hours !== undefined) return z.hours;
  return z.kind === 'cordon' ? null : DEFAULT_CATEGORY_HOURS[z.kind] ?? null;
}

function planOf(p: TransportPermit): WatchPlan {
  let plan = plans.get(p.id);
  if (!plan) {
    plan = watchPlan({
      route: p.route.coordinates as [number, number][], corridorMeters: p.corridorMeters, from: p.from.location, to: p.to.location,
      zones: p.zones.map((z) => ({ id: z.id, kind: z.kind, name: z.name, hours: zoneHours(z), rings: z.area.coordinates as [number, number][][] })),
      maxStopMinutes: p.maxStopMinutes, darkAfterMinutes: p.darkAfterMinutes,
      stops: p.stops, arrivalMeters: p.arrivalMeters, arrivalMinutes: p.arrivalMinutes, timeZone: p.timeZone,
    });
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(p.id, plan);
  }
  return plan;
}

export const isFinished = (state: TransportPermit['state']): boolean => state === 'arrived' || state === 'received' || state === 'cancelled';

/** Stores raised alerts, numbered after the permit's last, each with its event to the supervising desk. Under the permit's row lock. */
async function storeAlerts(tx: Tx, record: CommandRecord, p: TransportPermit, raised: RawAlert[]): Promise<TransportAlert[]> {
  if (raised.length === 0) return [];
  const [last] = await rows<{ seq: number }>(tx, sql`select coalesce(max(seq), 0)::int as seq from goods_transport_alerts where permit_id = ${p.id}`);
  const alerts: TransportAlert[] = raised.map((a, i) => ({
    id: uuidv7(), permitId: p.id, seq: Number(last!.seq) + i + 1, kind: a.kind, at: new Date(a.at).toISOString(), location: a.location, detail: a.detail,
    vehicle: p.vehicle, supervisingPath: p.supervisingPath,
  }));
  const values = alerts.map((a) => sql`(${a.id}::uuid, ${p.id}::uuid, ${a.seq}, ${a.kind}, ${a.at}::timestamptz,
    ${a.location ? sql`ST_SetSRID(ST_MakePoint(${a.location[0]}, ${a.location[1]}), 4326)` : sql`null`}, ${JSON.stringify(a.detail)}::jsonb)`);
  await tx.execute(sql`insert into goods_transport_alerts (id, permit_id, seq, kind, at, location, detail) values ${sql.join(values, sql`, `)}`);
  for (const a of alerts) {
    record.audit({ action: `goods.transport_${a.kind}`, entityType: 'goods_permit', entityId: p.id, jurisdictionPath: p.supervisingPath, after: a });
    record.emit({ type: 'goods.transport_alert', jurisdictionPath: p.supervisingPath, data: { alert: a, permit: { id: p.id, vehicle: p.vehicle, item: p.item, quantity: p.quantity } } });
  }
  return alerts;
}

/**
 * Fixes of a permitted vehicle (HTTP with a device token holding `avl:report` where the permit is
 * supervised or where a site lies, or the MQTT ingest with no actor): held in time order against
 * the corridor, the protected zones, the stop allowance and the destination, under the permit's
 * row lock so two batches never interleave. Alerts are stored numbered, once per excursion, each
 * an event to the supervising desk. Fixes not newer than the last held are ignored (a retry is
 * harmless). Unknown permits 404; finished ones 409 `GOODS_PERMIT_FINISHED`.
 */
export async function reportTransportFixes(deps: CommandDeps, ctx: CommandContext & { actor: Actor | null }, permitId: string, fixes: readonly TransportFix[]): Promise<TransportFixesResult> {
  const now = deps.clock().getTime();
  const ahead = fixes.findIndex((f) => Date.parse(f.at) > now + MAX_FUTURE_MS);
  if (ahead >= 0) throw new AppError('VALIDATION_FAILED', `body.fixes.${ahead}.at: lies in the future`, { fields: [{ path: `body.fixes.${ahead}.at`, message: 'lies in the future' }] });
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const rec = await findPermitRecord(tx, permitId, true);
    if (!rec || (ctx.actor && !mayReport(ctx.actor, rec))) throw notFound('Transport permit');
    const p = rec.permit;
    if (isFinished(p.state)) throw new AppError('GOODS_PERMIT_FINISHED', `The permit of ${p.vehicle} is ${p.state}: it takes no more fixes`);
    const plan = planOf(p);
    const watch = rec.watch;
    const inOrder = [...fixes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const raised: RawAlert[] = [];
    const taken: TransportFix[] = [];
    for (const f of inOrder) {
      const out = watchFix(plan, watch, { lon: f.location[0], lat: f.location[1], at: Date.parse(f.at), speedKmh: f.speedKmh });
      if (out === null) continue;
      taken.push(f);
      raised.push(...out);
    }
    const state = watch.arrived ? 'arrived' : taken.length > 0 ? 'in_transit' : p.state;
    if (taken.length > 0) {
      const points = taken.map((f) => ({ t: f.at, x: f.location[0], y: f.location[1], s: f.speedKmh ?? null }));
      await tx.execute(sql`insert into goods_transport_trail (permit_id, at, location, speed_kmh)
        select ${p.id}::uuid, t, ST_SetSRID(ST_MakePoint(x, y), 4326), s from jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as q(t timestamptz, x float8, y float8, s float8)
        on conflict (permit_id, at) do nothing`);
      const last = taken[taken.length - 1]!;
      await tx.execute(sql`update goods_permits set watch = ${JSON.stringify(watch)}::jsonb, state = ${state}, last_fix_at = ${last.at}::timestamptz,
        last_fix_location = ST_SetSRID(ST_MakePoint(${last.location[0]}, ${last.location[1]}), 4326), last_fix_speed = ${last.speedKmh ?? null}, version = version + 1
        where id = ${p.id}`);
      record.emit({ type: 'goods.transport_position', jurisdictionPath: p.supervisingPath, data: { permitId: p.id, vehicle: p.vehicle, state, fix: last } });
    }
    const alerts = await storeAlerts(tx, record, p, raised);
    record.audit({ action: 'goods.transport_fixes', entityType: 'goods_permit', entityId: p.id, jurisdictionPath: p.supervisingPath, after: { fixes: fixes.length, accepted: taken.length, alerts: alerts.length } });
    return { accepted: taken.length, ignored: fixes.length - taken.length, alerts, state };
  });
  return result;
}

/** A vehicle's terminal reports where the transport is supervised or where one of its sites lies. */
const mayReport = (actor: Actor, rec: PermitRecord): boolean =>
  can(actor, 'avl:report', rec.permit.supervisingPath) || can(actor, 'avl:report', rec.fromSitePath) || can(actor, 'avl:report', rec.toSitePath);

/**
 * The dark watch: a permit under way (or due to start) whose vehicle sent no fix for its allowance
 * is reported dark to the supervising desk, once per silence (the next fix re-arms it). Rows are
 * locked `skip locked`: safe with several nodes sweeping. Runs every minute in `firebreak serve`.
 */
export async function sweepTransports(deps: CommandDeps): Promise<{ dark: number }> {
  const now = deps.clock();
  const due = await rows<{ id: string }>(deps.db, sql`select id from goods_permits
    where state in ('issued', 'in_transit') and not coalesce((watch->>'dark')::boolean, false)
      and coalesce(last_fix_at, window_from) + make_interval(mins => dark_after_minutes) <= ${now}`);
  let dark = 0;
  for (const { id } of due) {
    // Null (rolled back, nothing recorded) when another node holds the permit or the silence ended meanwhile.
    await sweepCommand(deps, 'transport-watch', async (tx, record) => {
      const [row] = await rows<{ id: string }>(tx, sql`select id from goods_permits where id = ${id} for update skip locked`);
      const rec = row ? await findPermitRecord(tx, id) : undefined;
      const silence = rec && !isFinished(rec.permit.state) ? watchSilence(planOf(rec.permit), rec.watch, now.getTime(), Date.parse(rec.permit.window.from)) : null;
      if (!rec || !silence) return null;
      await tx.execute(sql`update goods_permits set watch = ${JSON.stringify(rec.watch)}::jsonb, version = version + 1 where id = ${id}`);
      await storeAlerts(tx, record, rec.permit, [silence]);
      dark++;
      return true;
    });
  }
  return { dark };
}
