import { DEFAULT_CATEGORY_HOURS, type TransportAlert, type TransportFix, type TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CommandRecord } from '../../platform/command.js';
import { LIVE_ONLY, type PublishedEvent } from '../../platform/events/bus.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { textColumn } from '../../platform/db/columns.js';
import { permitsWhere } from './permit.queries.js';
import { watchFix, watchPlan, type RawAlert, type WatchFix, type WatchPlan, type WatchState } from './transport-model.js';

/**
 * The watch of many permits' fixes in one transaction, the units' AVL shape: the permits of a batch
 * locked and read in one statement (in id order, so two batches never deadlock), each held against
 * its pure watch (`transport-model.ts`) in memory, every fix stored in one statement, the watch
 * states in one, the alerts in one. The HTTP route holds one permit's fixes, the MQTT ingest a 200
 * ms batch of every permit that reported.
 */

/** What a permit never changes once issued: its watch plan and what its alerts and events name. */
export interface Issued { plan: WatchPlan; permit: TransportPermit }
const issued = new Map<string, Issued>();
const MAX_CACHED = 20_000;

/** A zone's hours as issued; permits issued before zones kept hours watch with the built-in category default. */
function zoneHours(z: TransportPermit['zones'][number]): string | null {
  if (z.hours !== undefined) return z.hours;
  return z.kind === 'cordon' ? null : DEFAULT_CATEGORY_HOURS[z.kind] ?? null;
}

function remember(p: TransportPermit): Issued {
  const plan = watchPlan({
    route: p.route.coordinates as [number, number][], corridorMeters: p.corridorMeters, from: p.from.location, to: p.to.location,
    zones: p.zones.map((z) => ({ id: z.id, kind: z.kind, name: z.name, hours: zoneHours(z), closedDates: z.closedDates, rings: z.area.coordinates as [number, number][][] })),
    maxStopMinutes: p.maxStopMinutes, darkAfterMinutes: p.darkAfterMinutes,
    stops: p.stops, arrivalMeters: p.arrivalMeters, arrivalMinutes: p.arrivalMinutes, timeZone: p.timeZone,
  });
  if (issued.size >= MAX_CACHED) issued.delete(issued.keys().next().value!);
  const entry = { plan, permit: p };
  issued.set(p.id, entry);
  return entry;
}

/** A permit's plan, built once per node (routes never change once issued). */
export const planOf = (p: TransportPermit): WatchPlan => (issued.get(p.id) ?? remember(p)).plan;

export const isFinished = (state: TransportPermit['state']): boolean => state === 'arrived' || state === 'received' || state === 'cancelled';

/**
 * A permit as locked for its watch: what changes (state, watch, paths, bound terminal) read fresh,
 * the plan as issued. The terminal above all: bound after issue (`PUT /goods/permits/{id}/terminal`),
 * a copy cached on the node would keep taking the old reporters' fixes until the node restarted.
 */
export interface LockedPermit { id: string; permit: TransportPermit; watch: WatchState; fromSitePath: string; toSitePath: string; plan: WatchPlan }

/** Locks the permits (`for update`, in id order) and reads their watch; unknown ids are absent from the answer. */
export async function lockPermits(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedPermit>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return new Map();
  const found = await rows<{ id: string; state: TransportPermit['state']; watch: WatchState; terminal: string | null; s: string; f: string; t: string }>(tx, sql`select g.id, g.state, g.watch, g.terminal_id as terminal,
      g.supervising_path::text as s, fs.jurisdiction_path::text as f, ts.jurisdiction_path::text as t
    from goods_permits g join goods_sites fs on fs.id = g.from_site_id join goods_sites ts on ts.id = g.to_site_id
    where g.id = any(string_to_array(${sorted.join(',')}, ',')::uuid[]) order by g.id for update of g`);
  // Held here, not looked up again: remembering the missing ones may evict others from the cache.
  const known = new Map<string, Issued>();
  for (const r of found) if (issued.has(r.id)) known.set(r.id, issued.get(r.id)!);
  const missing = found.filter((r) => !known.has(r.id)).map((r) => r.id);
  if (missing.length) {
    for (const p of await permitsWhere(tx, sql`g.id = any(string_to_array(${missing.join(',')}, ',')::uuid[])`, sql`order by g.id`, missing.length)) known.set(p.id, remember(p));
  }
  return new Map(found.map((r) => {
    const { plan, permit } = known.get(r.id)!;
    return [r.id, { id: r.id, permit: { ...permit, state: r.state, supervisingPath: r.s, terminalId: r.terminal }, watch: r.watch, fromSitePath: r.f, toSitePath: r.t, plan }];
  }));
}

/** One permit's part of a batch once held: the fixes taken (newer than the last), the alerts raised, the state after. */
export interface Held { permit: LockedPermit; fixes: number; taken: TransportFix[]; raised: RawAlert[]; state: TransportPermit['state'] }

/**
 * Runs the watch over each permit's fixes in time order (in memory; `permit.watch` is advanced).
 * `times[i]`: the time of `fixes[i]` (ms) when the caller parsed it already (the MQTT ingest, as each message arrives).
 */
export function watchFixes(permit: LockedPermit, fixes: readonly TransportFix[], times: readonly number[] = fixes.map((f) => Date.parse(f.at))): Held {
  const order = Array.from(fixes.keys());
  if (!times.every((t, i) => i === 0 || t >= times[i - 1]!)) order.sort((a, b) => times[a]! - times[b]!);
  const taken: TransportFix[] = [];
  const raised: RawAlert[] = [];
  // One fix object for the watch, refilled per fix: watchFix keeps its numbers, never the object.
  const fix: WatchFix = { lon: 0, lat: 0, at: 0, speedKmh: undefined };
  for (const i of order) {
    const f = fixes[i]!;
    fix.lon = f.location[0];
    fix.lat = f.location[1];
    fix.at = times[i]!;
    fix.speedKmh = f.speedKmh;
    const out = watchFix(permit.plan, permit.watch, fix);
    if (out === null) continue;
    taken.push(f);
    for (const a of out) raised.push(a);
  }
  const state = permit.watch.arrived ? 'arrived' : taken.length > 0 ? 'in_transit' : permit.permit.state;
  return { permit, fixes: fixes.length, taken, raised, state };
}

/**
 * What a trail fix already stored does to the insert: `ignore` it (`on conflict do nothing`), or
 * `refuse` the statement (unique violation, 23505). The watch takes only fixes newer than the
 * permit's last, under its row lock, so a stored one comes again only where two time texts that
 * JavaScript reads as different milliseconds are one microsecond to PostgreSQL (more than six
 * fraction digits, rounded); `refuse` spares each fix the speculative insertion's work and WAL
 * record (a third of the insert, docs/benchmarks.md), and a caller that refuses retries with `ignore`.
 */
export type Repeats = 'ignore' | 'refuse';

/**
 * Stores what the watch held: every fix taken in the trail (one statement), each permit's watch
 * state and last fix (one statement), the alerts (one statement, each with its audit row and its
 * event to the supervising desk). Positions are not outbox events: `positionEvents`, broadcast
 * after the commit.
 */
export async function storeHeld(tx: Tx, record: CommandRecord, held: readonly Held[], repeats: Repeats = 'ignore'): Promise<Map<string, TransportAlert[]>> {
  const moved = held.filter((h) => h.taken.length > 0);
  // The trail's columns built in one pass over the fixes (no row object per fix, no closure per
  // permit: both showed in the ingest's CPU profile, the garbage and esbuild's __name).
  const ids: string[] = [];
  const ats: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const speeds: (number | undefined)[] = [];
  const states: { id: string; w: WatchState; s: string; t: string; x: number; y: number; v: number | null }[] = [];
  for (const h of moved) {
    const id = h.permit.id;
    for (const f of h.taken) {
      ids.push(id);
      ats.push(f.at);
      xs.push(f.location[0]);
      ys.push(f.location[1]);
      speeds.push(f.speedKmh);
    }
    const last = h.taken[h.taken.length - 1]!;
    states.push({ id, w: h.permit.watch, s: h.state, t: last.at, x: last.location[0], y: last.location[1], v: last.speedKmh ?? null });
  }
  if (ids.length) {
    // The trail and the watch states of every permit of the batch in one statement: one round trip per batch.
    await tx.execute(sql`with trail as (
        insert into goods_transport_trail (permit_id, at, location, speed_kmh)
        select p, t, ST_SetSRID(ST_MakePoint(x, y), 4326), s
        from unnest(
          string_to_array(${textColumn(ids)}, ',')::uuid[],
          string_to_array(${textColumn(ats)}, ',')::timestamptz[],
          string_to_array(${textColumn(xs)}, ',')::float8[],
          string_to_array(${textColumn(ys)}, ',')::float8[],
          string_to_array(${textColumn(speeds)}, ',', '')::float8[]
        ) as q(p, t, x, y, s)
        ${repeats === 'ignore' ? sql`on conflict (permit_id, at) do nothing` : sql``}
      )
      update goods_permits g set watch = u.w, state = u.s, last_fix_at = u.t, last_fix_location = ST_SetSRID(ST_MakePoint(u.x, u.y), 4326),
        last_fix_speed = u.v, version = g.version + 1
      from jsonb_to_recordset(${JSON.stringify(states)}::jsonb) as u(id uuid, w jsonb, s text, t timestamptz, x float8, y float8, v float8)
      where g.id = u.id`);
  }
  return storeAlerts(tx, record, held.filter((h) => h.raised.length > 0).map((h) => ({ permit: h.permit.permit, raised: h.raised })));
}

/**
 * The newest position of each permit that moved, as broadcast events (`EventBus.broadcast`, after
 * the commit), as units' AVL positions: passing states superseded by the next fix, so no outbox row,
 * relay read-back or replay per permit per batch (the stored trail is the evidence). One event per
 * permit, at its supervising desk's path (the stream's visibility is by path).
 */
export function positionEvents(held: readonly Held[], now: Date): PublishedEvent[] {
  const occurredAt = now.toISOString();
  return held.filter((h) => h.taken.length > 0).map((h) => {
    const p = h.permit.permit;
    return { id: uuidv7(), position: LIVE_ONLY, type: 'goods.transport_position', occurredAt, jurisdictionPath: p.supervisingPath,
      data: { permitId: p.id, vehicle: p.vehicle, state: h.state, fix: h.taken[h.taken.length - 1]! } };
  });
}

/** Stores raised alerts, numbered after each permit's last, each with its audit row and its event to the supervising desk. Under the permits' row locks. */
export async function storeAlerts(tx: Tx, record: CommandRecord, raised: readonly { permit: TransportPermit; raised: readonly RawAlert[] }[]): Promise<Map<string, TransportAlert[]>> {
  const byPermit = new Map<string, TransportAlert[]>();
  if (raised.length === 0) return byPermit;
  const ids = raised.map((r) => r.permit.id);
  const last = new Map((await rows<{ id: string; seq: number }>(tx, sql`select permit_id as id, max(seq)::int as seq from goods_transport_alerts
    where permit_id = any(string_to_array(${ids.join(',')}, ',')::uuid[]) group by permit_id`)).map((r) => [r.id, Number(r.seq)]));
  const all: TransportAlert[] = [];
  for (const { permit: p, raised: alerts } of raised) {
    const numbered: TransportAlert[] = alerts.map((a, i) => ({
      id: uuidv7(), permitId: p.id, seq: (last.get(p.id) ?? 0) + i + 1, kind: a.kind, at: new Date(a.at).toISOString(), location: a.location, detail: a.detail,
      vehicle: p.vehicle, supervisingPath: p.supervisingPath,
    }));
    byPermit.set(p.id, numbered);
    all.push(...numbered);
    for (const a of numbered) {
      record.audit({ action: `goods.transport_${a.kind}`, entityType: 'goods_permit', entityId: p.id, jurisdictionPath: p.supervisingPath, after: a });
      record.emit({ type: 'goods.transport_alert', jurisdictionPath: p.supervisingPath, data: { alert: a, permit: { id: p.id, vehicle: p.vehicle, item: p.item, quantity: p.quantity } } });
    }
  }
  await tx.execute(sql`insert into goods_transport_alerts (id, permit_id, seq, kind, at, location, detail)
    select id, permit_id, seq, kind, at, case when lon is null then null else ST_SetSRID(ST_MakePoint(lon, lat), 4326) end, detail
    from jsonb_to_recordset(${JSON.stringify(all.map((a) => ({ id: a.id, permit_id: a.permitId, seq: a.seq, kind: a.kind, at: a.at, lon: a.location?.[0] ?? null, lat: a.location?.[1] ?? null, detail: a.detail })))}::jsonb)
      as a(id uuid, permit_id uuid, seq int, kind text, at timestamptz, lon float8, lat float8, detail jsonb)`);
  return byPermit;
}
