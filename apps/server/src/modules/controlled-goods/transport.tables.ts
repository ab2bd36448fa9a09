import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PERMIT_STATES, TRANSPORT_ALERT_KINDS } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { ltree } from '../../platform/db/types.js';
import { users } from '../identity/staff.tables.js';
import { goodsItems, goodsSites, goodsTransfers } from './goods.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const line = customType<{ data: string }>({ dataType: () => 'geometry(LineString, 4326)' });
const area = customType<{ data: string }>({ dataType: () => 'geometry(Geometry, 4326)' });
const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });

/**
 * A transport permit: one load from one site to another by one vehicle in a window, on an approved
 * route with a corridor around it. `watch` is the geofence's memory between fixes (transport-model.ts
 * `WatchState`); `zones` what the route avoids and the vehicle may not enter. Stored at fillfactor 50
 * (migration 0045, not tracked by drizzle-kit): each MQTT batch rewrites the watch of every permit
 * that reported, and the room on the page makes that update HOT, touching none of the indexes.
 */
export const goodsPermits = pgTable('goods_permits', {
  id: uuid('id').primaryKey(),
  state: text('state', { enum: PERMIT_STATES }).notNull(),
  itemKey: text('item_key').notNull().references(() => goodsItems.key),
  quantity: bigint('quantity', { mode: 'number' }).notNull(),
  vehicle: text('vehicle').notNull(),
  fromSiteId: uuid('from_site_id').notNull().references(() => goodsSites.id),
  toSiteId: uuid('to_site_id').notNull().references(() => goodsSites.id),
  /** The desk alerted: the nearest jurisdiction supervising both sites. */
  supervisingPath: ltree('supervising_path').notNull(),
  windowFrom: at('window_from').notNull(),
  windowUntil: at('window_until').notNull(),
  corridorMeters: integer('corridor_meters').notNull(),
  maxStopMinutes: integer('max_stop_minutes').notNull(),
  darkAfterMinutes: integer('dark_after_minutes').notNull(),
  /** Approved stops (contracts `ApprovedStop`), each with its own allowance. */
  stops: jsonb('stops').notNull().default(sql`'[]'::jsonb`),
  arrivalMeters: integer('arrival_meters').notNull().default(150),
  /** Permits issued before arrival by dwell arrive at the first fix within the radius (0). */
  arrivalMinutes: integer('arrival_minutes').notNull().default(0),
  /** The local time zone the zones' hours are read in: the deployment's when issued. */
  timeZone: text('time_zone').notNull().default('Europe/Vaduz'),
  route: line('route').notNull(),
  corridor: area('corridor').notNull(),
  distanceMeters: real('distance_meters').notNull(),
  durationSeconds: real('duration_seconds').notNull(),
  zones: jsonb('zones').notNull(),
  watch: jsonb('watch').notNull(),
  lastFixAt: at('last_fix_at'),
  lastFixLocation: point('last_fix_location'),
  lastFixSpeed: real('last_fix_speed'),
  dispatchTransferId: uuid('dispatch_transfer_id').notNull().references(() => goodsTransfers.id),
  deliveryTransferId: uuid('delivery_transfer_id').references(() => goodsTransfers.id),
  note: text('note'),
  issuedBy: uuid('issued_by'),
  issuedByName: text('issued_by_name').notNull(),
  issuedAt: at('issued_at').notNull(),
  version: integer('version').notNull().default(1),
  /** The device account of the vehicle's terminal (migration 0048): when set, the only reporter of the permit's fixes over HTTP. */
  terminalId: uuid('terminal_id').references(() => users.id),
}, (t) => [
  index('goods_permits_supervising_gist').using('gist', t.supervisingPath),
  index('goods_permits_state_idx').on(t.state, t.windowFrom),
]);

/** Every alert of a permit's watch, numbered in the order raised. */
export const goodsTransportAlerts = pgTable('goods_transport_alerts', {
  id: uuid('id').primaryKey(),
  permitId: uuid('permit_id').notNull().references(() => goodsPermits.id),
  seq: integer('seq').notNull(),
  kind: text('kind', { enum: TRANSPORT_ALERT_KINDS }).notNull(),
  at: at('at').notNull(),
  location: point('location'),
  detail: jsonb('detail').notNull(),
}, (t) => [uniqueIndex('goods_transport_alerts_permit_idx').on(t.permitId, t.seq)]);

/**
 * The fix trail of a permitted vehicle (every fix: a transport sends few, and the trail is evidence).
 * Each row names its permit, held by the database set-wise rather than by a foreign key (migration
 * 0045): a statement's distinct permits are checked once (`goods_transport_trail_permit`), and a
 * permit is never deleted (`goods_permits_kept`). A foreign key checked every fix on its own, three
 * quarters of the trail insert of an MQTT batch.
 */
export const goodsTransportTrail = pgTable('goods_transport_trail', {
  permitId: uuid('permit_id').notNull(),
  at: at('at').notNull(),
  location: point('location').notNull(),
  speedKmh: real('speed_kmh'),
}, (t) => [primaryKey({ columns: [t.permitId, t.at] })]);
