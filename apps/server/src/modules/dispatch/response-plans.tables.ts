import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INCIDENT_TYPES, PRIORITIES, type ResponsePlan } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';

/** Run cards: the units wanted per tier for an incident type and priority, in force in the jurisdiction's subtree. */
export const responsePlans = pgTable('response_plans', {
  id: uuid('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  incidentType: text('incident_type', { enum: INCIDENT_TYPES }).notNull(),
  priority: text('priority', { enum: PRIORITIES }).notNull(),
  tiers: jsonb('tiers').$type<ResponsePlan['tiers']>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  uniqueIndex('response_plans_key_idx').on(t.jurisdictionId, t.incidentType, t.priority),
  index('response_plans_path_gist').using('gist', t.jurisdictionPath),
]);
