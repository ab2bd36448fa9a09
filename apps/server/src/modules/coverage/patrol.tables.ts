import type { PatrolWindow } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { units } from '../units/units.tables.js';

/**
 * A patrol plan: for one shift of a jurisdiction, the posts patrols must hold and when (issue 16
 * §3). Its posts are points on the map (often a placement's answer), not organisation posts.
 */
export const patrolPlans = pgTable('patrol_plans', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  title: text('title').notNull(),
  state: text('state', { enum: ['active', 'cancelled'] }).notNull(),
  shiftStart: timestamp('shift_start', { withTimezone: true, mode: 'date' }).notNull(),
  shiftEnd: timestamp('shift_end', { withTimezone: true, mode: 'date' }).notNull(),
  /** The reach the posts were chosen for, minutes (informational). */
  minutes: doublePrecision('minutes'),
  /** Within this distance of its post a unit counts as present. */
  radiusMetres: integer('radius_metres').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  version: integer('version').notNull().default(1),
  /** Who called the plan off, when and why: a cancelled plan stays readable. */
  cancelledBy: uuid('cancelled_by'),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  cancelReason: text('cancel_reason'),
}, (t) => [
  index('patrol_plans_path_gist').using('gist', t.jurisdictionPath),
  index('patrol_plans_shift_idx').on(t.shiftStart),
  check('patrol_plans_shift_check', sql`shift_end > shift_start`),
  // Cancelled exactly when it says when and why.
  check('patrol_plans_cancel_check', sql`(state = 'cancelled') = (cancelled_at is not null and cancel_reason is not null)`),
]);

/** A post of a plan: where, the windows it must be held in, and the unit that holds it. */
export const patrolPosts = pgTable('patrol_posts', {
  id: uuid('id').primaryKey(),
  planId: uuid('plan_id').notNull().references(() => patrolPlans.id),
  ordinal: integer('ordinal').notNull(),
  name: text('name').notNull(),
  lon: doublePrecision('lon').notNull(),
  lat: doublePrecision('lat').notNull(),
  placeId: uuid('place_id'),
  serves: integer('serves'),
  windows: jsonb('windows').$type<PatrolWindow[]>().notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  uniqueIndex('patrol_posts_plan_ordinal_idx').on(t.planId, t.ordinal),
  index('patrol_posts_unit_idx').on(t.unitId).where(sql`unit_id is not null`),
]);
