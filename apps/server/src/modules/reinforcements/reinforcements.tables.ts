import type { ReinforcementStep } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REINFORCEMENT_STATES, UNIT_KINDS } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { incidents } from '../incidents/incidents.tables.js';

/**
 * A dispatcher's request for units the agreements do not bring: `count` units of `kind` and/or
 * carrying `capability`, for one incident, asked of `target_path` until `answer_due_at`, then of
 * the level above (see model.ts). `steps` is its life, oldest first (who was asked, who lent what,
 * who refused and why). The units lent are `unit_loans` rows of the dispatch module.
 */
export const reinforcementRequests = pgTable('reinforcement_requests', {
  id: uuid('id').primaryKey(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  incidentPath: ltree('incident_path').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }),
  capability: text('capability'),
  count: integer('count').notNull(),
  granted: integer('granted').notNull().default(0),
  state: text('state', { enum: REINFORCEMENT_STATES }).notNull(),
  targetPath: ltree('target_path'),
  answerDueAt: timestamp('answer_due_at', { withTimezone: true, mode: 'date' }),
  timeoutSeconds: integer('timeout_seconds').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  note: text('note'),
  steps: jsonb('steps').$type<ReinforcementStep[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('reinforcement_requests_incident_idx').on(t.incidentId),
  // The sweep reads the open ones by due time; the inboxes by target.
  index('reinforcement_requests_open_idx').on(t.answerDueAt).where(sql`state = 'open'`),
  index('reinforcement_requests_target_idx').using('gist', t.targetPath).where(sql`state = 'open'`),
]);
