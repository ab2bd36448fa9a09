import type { StockCountAnswer } from '@firebreak/contracts';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree, storedFileColumns } from '../../platform/db/types.js';
import { checklistTemplates } from '../checklists/checklists.tables.js';
import { places } from '../places/places.tables.js';

const point = customType<{ data: string }>({ dataType: () => 'geometry(Point, 4326)' });

export interface StoredAnswer {
  itemKey: string;
  value: 'pass' | 'fail' | 'na' | number | string | StockCountAnswer;
  note?: string | undefined;
}

export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey(),
  placeId: uuid('place_id').notNull().references(() => places.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  templateId: uuid('template_id').notNull().references(() => checklistTemplates.id),
  inspectorId: uuid('inspector_id'),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  answers: jsonb('answers').$type<StoredAnswer[]>().notNull(),
  score: integer('score').notNull(),
  maxScore: integer('max_score').notNull(),
  failedItems: text('failed_items').array().notNull(),
  position: point('position'),
  accuracyM: doublePrecision('accuracy_m'),
  distanceM: doublePrecision('distance_m'),
  farFromPlace: boolean('far_from_place').notNull(),
  note: text('note'),
}, (t) => [
  index('inspections_place_idx').on(t.placeId, t.recordedAt),
  index('inspections_path_gist').using('gist', t.jurisdictionPath),
]);

/** Photos and documents of an inspection, kept in the database with their sha256. */
export const inspectionAttachments = pgTable('inspection_attachments', {
  id: uuid('id').primaryKey(),
  inspectionId: uuid('inspection_id').notNull().references(() => inspections.id),
  /** The checklist item the file illustrates, if any. */
  itemKey: text('item_key'),
  ...storedFileColumns(),
}, (t) => [index('inspection_attachments_inspection_idx').on(t.inspectionId)]);
