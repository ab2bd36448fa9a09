import type { PermitState, ProtectedZone, TrailPoint, TransportAlert, TransportPermit } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { WatchState } from './transport-model.js';

const iso = (d: Date | string): string => new Date(d).toISOString();

interface PermitRow {
  id: string; state: PermitState; itemKey: string; itemName: string; unit: string; unNumber: string | null; hazardClass: string | null;
  quantity: number; vehicle: string; fromSiteId: string; fromName: string; fromLon: number; fromLat: number;
  toSiteId: string; toName: string; toLon: number; toLat: number; windowFrom: Date; windowUntil: Date;
  corridorMeters: number; maxStopMinutes: number; darkAfterMinutes: number; route: string; corridor: string;
  stops: TransportPermit['stops']; arrivalMeters: number; arrivalMinutes: number; timeZone: string;
  distanceMeters: number; durationSeconds: number; zones: ProtectedZone[]; watch: WatchState; supervisingPath: string;
  lastFixAt: Date | null; lastLon: number | null; lastLat: number | null; lastFixSpeed: number | null;
  dispatchTransferId: string; deliveryTransferId: string | null; note: string | null; issuedBy: string | null; issuedByName: string; issuedAt: Date; version: number; terminalId: string | null;
}

const PERMIT_SELECT = sql`select g.id, g.state, g.item_key as "itemKey", i.name as "itemName", i.unit, i.un_number as "unNumber", i.hazard_class as "hazardClass",
    g.quantity::float8 as quantity, g.vehicle, g.from_site_id as "fromSiteId", fp.name as "fromName", ST_X(fp.location) as "fromLon", ST_Y(fp.location) as "fromLat",
    g.to_site_id as "toSiteId", tp.name as "toName", ST_X(tp.location) as "toLon", ST_Y(tp.location) as "toLat",
    g.window_from as "windowFrom", g.window_until as "windowUntil", g.corridor_meters as "corridorMeters", g.max_stop_minutes as "maxStopMinutes",
    g.dark_after_minutes as "darkAfterMinutes", g.stops, g.arrival_meters as "arrivalMeters", g.arrival_minutes as "arrivalMinutes", g.time_zone as "timeZone", ST_AsGeoJSON(g.route, 7) as route, ST_AsGeoJSON(g.corridor, 7) as corridor,
    g.distance_meters as "distanceMeters", g.duration_seconds as "durationSeconds", g.zones, g.watch, g.supervising_path::text as "supervisingPath",
    g.last_fix_at as "lastFixAt", ST_X(g.last_fix_location) as "lastLon", ST_Y(g.last_fix_location) as "lastLat", g.last_fix_speed as "lastFixSpeed",
    g.dispatch_transfer_id as "dispatchTransferId", g.delivery_transfer_id as "deliveryTransferId", g.note, g.issued_by as "issuedBy",
    g.issued_by_name as "issuedByName", g.issued_at as "issuedAt", g.version, g.terminal_id as "terminalId"
  from goods_permits g join goods_items i on i.key = g.item_key
    join goods_sites fs on fs.id = g.from_site_id join places fp on fp.id = fs.place_id
    join goods_sites ts on ts.id = g.to_site_id join places tp on tp.id = ts.place_id`;

export interface PermitRecord { permit: TransportPermit; watch: WatchState; fromSitePath: string; toSitePath: string }

function present(r: PermitRow): TransportPermit {
  return {
    id: r.id, state: r.state, quantity: Number(r.quantity), vehicle: r.vehicle,
    item: { key: r.itemKey, name: r.itemName, unit: r.unit, unNumber: r.unNumber, hazardClass: r.hazardClass },
    from: { siteId: r.fromSiteId, name: r.fromName, location: [Number(r.fromLon), Number(r.fromLat)] },
    to: { siteId: r.toSiteId, name: r.toName, location: [Number(r.toLon), Number(r.toLat)] },
    window: { from: iso(r.windowFrom), until: iso(r.windowUntil) },
    corridorMeters: r.corridorMeters, maxStopMinutes: r.maxStopMinutes, darkAfterMinutes: r.darkAfterMinutes,
    stops: r.stops, arrivalMeters: r.arrivalMeters, arrivalMinutes: r.arrivalMinutes, timeZone: r.timeZone,
    route: JSON.parse(r.route) as TransportPermit['route'], corridor: JSON.parse(r.corridor) as TransportPermit['corridor'],
    distanceMeters: Number(r.distanceMeters), durationSeconds: Number(r.durationSeconds), zones: r.zones, supervisingPath: r.supervisingPath,
    lastFix: r.lastFixAt ? { location: [Number(r.lastLon), Number(r.lastLat)], at: iso(r.lastFixAt), speedKmh: r.lastFixSpeed === null ? null : Number(r.lastFixSpeed) } : null,
    dispatchTransferId: r.dispatchTransferId, deliveryTransferId: r.deliveryTransferId, note: r.note,
    issuedBy: { id: r.issuedBy, name: r.issuedByName }, issuedAt: iso(r.issuedAt), version: r.version, terminalId: r.terminalId,
  };
}

export async function permitsWhere(q: Queryable, where: SQL, order: SQL = sql`order by g.issued_at desc, g.id desc`, limit = 200): Promise<TransportPermit[]> {
  return (await rows<PermitRow>(q, sql`${PERMIT_SELECT} where ${where} ${order} limit ${limit}`)).map(present);
}

/** A permit with the watch's memory (for the geofence), `lock`ed for update inside a command. */
export async function findPermitRecord(q: Queryable, id: string, lock = false): Promise<PermitRecord | undefined> {
  if (lock) await q.execute(sql`select id from goods_permits where id = ${id} for update`);
  const [r] = await rows<PermitRow>(q, sql`${PERMIT_SELECT} where g.id = ${id}`);
  if (!r) return undefined;
  const [paths] = await rows<{ f: string; t: string }>(q, sql`select fs.jurisdiction_path::text as f, ts.jurisdiction_path::text as t from goods_permits g
    join goods_sites fs on fs.id = g.from_site_id join goods_sites ts on ts.id = g.to_site_id where g.id = ${id}`);
  return { permit: present(r), watch: r.watch, fromSitePath: paths!.f, toSitePath: paths!.t };
}

interface AlertRow { id: string; permitId: string; seq: number; kind: TransportAlert['kind']; at: Date; lon: number | null; lat: number | null; detail: TransportAlert['detail']; vehicle: string; supervisingPath: string }

export async function alertsWhere(q: Queryable, where: SQL, limit = 500): Promise<TransportAlert[]> {
  const found = await rows<AlertRow>(q, sql`select a.id, a.permit_id as "permitId", a.seq, a.kind, a.at, ST_X(a.location) as lon, ST_Y(a.location) as lat, a.detail,
      g.vehicle, g.supervising_path::text as "supervisingPath"
    from goods_transport_alerts a join goods_permits g on g.id = a.permit_id where ${where} order by a.at desc, a.seq desc limit ${limit}`);
  return found.map((a) => ({ id: a.id, permitId: a.permitId, seq: a.seq, kind: a.kind, at: iso(a.at), location: a.lon === null ? null : [Number(a.lon), Number(a.lat)], detail: a.detail, vehicle: a.vehicle, supervisingPath: a.supervisingPath }));
}

export async function trailOf(q: Queryable, permitId: string): Promise<TrailPoint[]> {
  const found = await rows<{ at: Date; lon: number; lat: number; speed: number | null }>(q, sql`select at, ST_X(location) as lon, ST_Y(location) as lat, speed_kmh as speed
    from goods_transport_trail where permit_id = ${permitId} order by at limit 20000`);
  return found.map((p) => ({ location: [Number(p.lon), Number(p.lat)], at: iso(p.at), speedKmh: p.speed === null ? null : Number(p.speed) }));
}
