import type { ChecklistDefinition } from '@firebreak/contracts';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A published version of a checklist; versions are never edited, inspections point at one. */
export const checklistTemplates = pgTable('checklist_templates', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  categories: text('categories').array().notNull(),
  definition: jsonb('definition').$type<ChecklistDefinition>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [uniqueIndex('checklist_templates_key_version_idx').on(t.key, t.version)]);
