import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ALERT_DRAFT_STATES, CAP_MSG_TYPES, COMMAND_ROLES, CORDON_KINDS, MAJOR_POINT_KINDS, RESPONSE_LEVELS, SECTIONS, type AlertInfoText, type IssueAlertBody, type ReportUpClock, type SitrepBody } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { incidents } from '../incidents/incidents.tables.js';
import { posts } from '../posts/posts.tables.js';
import { reinforcementRequests } from '../reinforcements/reinforcements.tables.js';
import { units } from '../units/units.tables.js';

const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });
const polygon = customType<{ data: string }>({ dataType: () => 'geometry(Polygon, 4326)' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A declared major incident: its level, its command and the level above to inform, its clocks. */
export const majorIncidents = pgTable('major_incidents', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').references(() => incidents.id),
  title: text('title').notNull(),
  level: text('level', { enum: RESPONSE_LEVELS }).notNull(),
  levelName: text('level_name').notNull(),
  exercise: boolean('exercise').notNull(),
  state: text('state', { enum: ['active', 'stood_down'] }).notNull(),
  location: point('location').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  commandJurisdictionId: uuid('command_jurisdiction_id').notNull().references(() => jurisdictions.id),
  commandPath: ltree('command_path').notNull(),
  informJurisdictionId: uuid('inform_jurisdiction_id').notNull().references(() => jurisdictions.id),
  informPath: ltree('inform_path').notNull(),
  declaredAt: at('declared_at').notNull(),
  declaredBy: uuid('declared_by'),
  declaredByName: text('declared_by_name'),
  stoodDownAt: at('stood_down_at'),
  /** The report-up clock (first and written report), settled like the 1-3-5 tiers. */
  reportUp: jsonb('report_up').$type<ReportUpClock[]>().notNull(),
  sitrepIntervalMin: integer('sitrep_interval_min').notNull(),
  /** When the next SITREP is due; null once stood down. */
  sitrepDueAt: at('sitrep_due_at'),
  /** The due time whose miss was last escalated (once per due time). */
  sitrepEscalatedFor: at('sitrep_escalated_for'),
  sitrepMissed: integer('sitrep_missed').notNull().default(0),
  /** The earliest open deadline (report-up or SITREP not yet escalated): the sweep's index. */
  nextDeadlineAt: at('next_deadline_at'),
  version: integer('version').notNull().default(1),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  index('major_incidents_path_gist').using('gist', t.jurisdictionPath),
  index('major_incidents_next_deadline_idx').on(t.nextDeadlineAt).where(sql`next_deadline_at is not null`),
  // One active major incident per incident.
  uniqueIndex('major_incidents_incident_active_idx').on(t.incidentId).where(sql`incident_id is not null and state = 'active'`),
]);

/** A position of the command structure: the incident commander, a section, or a geographic sector. */
export const majorIncidentPositions = pgTable('major_incident_positions', {
  id: uuid('id').primaryKey(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  role: text('role', { enum: COMMAND_ROLES }).notNull(),
  section: text('section', { enum: SECTIONS }),
  name: text('name'),
  createdAt: at('created_at').notNull(),
}, (t) => [
  uniqueIndex('major_incident_positions_commander_idx').on(t.majorIncidentId).where(sql`role = 'commander'`),
  uniqueIndex('major_incident_positions_section_idx').on(t.majorIncidentId, t.section).where(sql`role = 'section'`),
  uniqueIndex('major_incident_positions_sector_idx').on(t.majorIncidentId, sql`lower(${t.name})`).where(sql`role = 'sector'`),
]);

/** Which post held a position from when to when (the post's holder is read from modules/posts). */
export const majorIncidentPositionHolds = pgTable('major_incident_position_holds', {
  id: uuid('id').primaryKey(),
  positionId: uuid('position_id').notNull().references(() => majorIncidentPositions.id),
  postId: uuid('post_id').notNull().references(() => posts.id),
  fromAt: at('from_at').notNull(),
  toAt: at('to_at'),
}, (t) => [uniqueIndex('major_incident_position_holds_open_idx').on(t.positionId).where(sql`to_at is null`)]);

/** A unit working in a sector, from when to when; one open row per unit across all major incidents. */
export const majorIncidentSectorUnits = pgTable('major_incident_sector_units', {
  id: uuid('id').primaryKey(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  positionId: uuid('position_id').notNull().references(() => majorIncidentPositions.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  fromAt: at('from_at').notNull(),
  toAt: at('to_at'),
}, (t) => [
  uniqueIndex('major_incident_sector_units_open_idx').on(t.unitId).where(sql`to_at is null`),
  index('major_incident_sector_units_major_idx').on(t.majorIncidentId),
]);

/** A sector's casualty counts by triage category (counts only; no person). */
export const majorIncidentCasualties = pgTable('major_incident_casualties', {
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  positionId: uuid('position_id').notNull().references(() => majorIncidentPositions.id),
  immediate: integer('immediate').notNull(),
  delayed: integer('delayed').notNull(),
  minor: integer('minor').notNull(),
  deceased: integer('deceased').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.majorIncidentId, t.positionId] })]);

/** A situation report as submitted, with the casualty tally at that moment. */
export const majorIncidentSitreps = pgTable('major_incident_sitreps', {
  id: uuid('id').primaryKey(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  seq: integer('seq').notNull(),
  submittedAt: at('submitted_at').notNull(),
  submittedBy: uuid('submitted_by'),
  submittedByName: text('submitted_by_name').notNull(),
  postId: uuid('post_id').references(() => posts.id),
  onBehalf: boolean('on_behalf').notNull(),
  dueAt: at('due_at'),
  late: boolean('late').notNull(),
  casualties: jsonb('casualties').$type<{ immediate: number; delayed: number; minor: number; deceased: number; total: number }>().notNull(),
  body: jsonb('body').$type<SitrepBody>().notNull(),
  /** The reinforcement request its "resources requested" raised (modules/reinforcements), if any. */
  reinforcementRequestId: uuid('reinforcement_request_id').references(() => reinforcementRequests.id),
}, (t) => [uniqueIndex('major_incident_sitreps_seq_idx').on(t.majorIncidentId, t.seq)]);

/** A major incident's inner or outer cordon as it stands (its earlier shapes are in the audit trail). */
export const majorIncidentCordons = pgTable('major_incident_cordons', {
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  kind: text('kind', { enum: CORDON_KINDS }).notNull(),
  geom: polygon('geom').notNull(),
  radiusM: integer('radius_m'),
  /** A closed cordon closes the roads inside it in every node's road graph (`road-closures.ts`). */
  closesRoads: boolean('closes_roads').notNull().default(false),
  setAt: at('set_at').notNull(),
  setBy: uuid('set_by'),
}, (t) => [primaryKey({ columns: [t.majorIncidentId, t.kind] }), index('major_incident_cordons_geom_gist').using('gist', t.geom)]);

/** Staging areas, traffic control points, access and evacuation points of a major incident. */
export const majorIncidentPoints = pgTable('major_incident_points', {
  id: uuid('id').primaryKey(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  kind: text('kind', { enum: MAJOR_POINT_KINDS }).notNull(),
  name: text('name').notNull(),
  location: point('location').notNull(),
  note: text('note'),
  createdAt: at('created_at').notNull(),
  createdBy: uuid('created_by'),
  /** Removed points stay for the after-action report. */
  removedAt: at('removed_at'),
  /** Set on a traffic control point computed where roads cross this cordon; it ends with the cordon. */
  cordonKind: text('cordon_kind', { enum: CORDON_KINDS }),
  /** How many road crossings a computed control point holds. */
  roads: integer('roads'),
  /** The patrol unit holding a traffic control point, since when and by whose order. */
  unitId: uuid('unit_id').references(() => units.id),
  assignedAt: at('assigned_at'),
  assignedBy: uuid('assigned_by'),
}, (t) => [
  index('major_incident_points_major_idx').on(t.majorIncidentId),
  // A patrol holds one control point at a time, across every major incident.
  uniqueIndex('major_incident_points_unit_idx').on(t.unitId).where(sql`unit_id is not null and removed_at is null`),
]);

/**
 * A public warning as CAP 1.2 messages: each row one message (Alert, then Updates, then a Cancel),
 * `thread_id` the first one's id. The XML is built once, in the command, and served as stored, so
 * what the audit trail records is byte for byte what the public reads.
 */
export const majorIncidentAlerts = pgTable('major_incident_alerts', {
  id: uuid('id').primaryKey(),
  threadId: uuid('thread_id').notNull(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  seq: integer('seq').notNull(),
  identifier: text('identifier').notNull(),
  sender: text('sender').notNull(),
  /** CAP's `sent` and `expires` as written in the message (with their offset). */
  sent: text('sent').notNull(),
  sentAt: at('sent_at').notNull(),
  expires: text('expires').notNull(),
  expiresAt: at('expires_at').notNull(),
  status: text('status', { enum: ['Actual', 'Exercise'] }).notNull(),
  msgType: text('msg_type', { enum: CAP_MSG_TYPES }).notNull(),
  references: text('references'),
  areaSource: text('area_source', { enum: ['inner', 'outer', 'drawn'] }).notNull(),
  area: jsonb('area').$type<{ type: 'Polygon'; coordinates: [number, number][][] }>().notNull(),
  content: jsonb('content').$type<Omit<IssueAlertBody, 'area' | 'info' | 'expiresInMinutes'>>().notNull(),
  info: jsonb('info').$type<AlertInfoText[]>().notNull(),
  note: text('note'),
  xml: text('xml').notNull(),
  supersededAt: at('superseded_at'),
  createdAt: at('created_at').notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name'),
}, (t) => [
  uniqueIndex('major_incident_alerts_identifier_idx').on(t.identifier),
  uniqueIndex('major_incident_alerts_thread_seq_idx').on(t.threadId, t.seq),
  index('major_incident_alerts_major_idx').on(t.majorIncidentId),
  // The feeds: the current message of each thread, newest first.
  index('major_incident_alerts_current_idx').on(t.status, t.sentAt).where(sql`superseded_at is null`),
]);

/**
 * A public warning message awaiting its second person: composed by one who may command, published
 * (as a row of major_incident_alerts) only when another approves it. Kept after the decision, so
 * who composed, who approved or rejected, and when, stay on record beside the audit rows.
 */
export const majorIncidentAlertDrafts = pgTable('major_incident_alert_drafts', {
  id: uuid('id').primaryKey(),
  majorIncidentId: uuid('major_incident_id').notNull().references(() => majorIncidents.id),
  msgType: text('msg_type', { enum: CAP_MSG_TYPES }).notNull(),
  alertId: uuid('alert_id').references(() => majorIncidentAlerts.id),
  alert: jsonb('alert').$type<IssueAlertBody>(),
  note: text('note'),
  state: text('state', { enum: ALERT_DRAFT_STATES }).notNull(),
  composedAt: at('composed_at').notNull(),
  composedBy: uuid('composed_by'),
  composedByName: text('composed_by_name'),
  decidedAt: at('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  reason: text('reason'),
  publishedAlertId: uuid('published_alert_id').references(() => majorIncidentAlerts.id),
}, (t) => [index('major_incident_alert_drafts_major_idx').on(t.majorIncidentId, t.composedAt)]);
