import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './types.js';

/**
 * Append-only, hash-chained record of every state change (see platform/audit). Commands insert
 * rows unchained (seq, prev_hash and hash null); the chainer links them after commit, once.
 */
export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).unique(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  jurisdictionPath: ltree('jurisdiction_path'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  prevHash: text('prev_hash'),
  hash: text('hash'),
  /** HMAC of the recorded content under the audit key (chain.ts `rowMac`): the chainer links only rows that carry a valid one. */
  mac: text('mac'),
}, (t) => [
  index('audit_log_entity_idx').on(t.entityId),
  index('audit_log_at_idx').on(t.at),
  index('audit_log_unchained_idx').on(t.at, t.id).where(sql`seq is null`),
]);

/**
 * Signed tree heads of the audit log (platform/audit/checkpoint.ts), kept for the history. The
 * trust anchor is the copy outside the database (a file, a witness); this table is append-only.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});

/** Transactional outbox: events written with the state change, published by the relay. */
export const outbox = pgTable('outbox', {
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
  id: uuid('id').notNull().unique(),
  type: text('type').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  jurisdictionPath: ltree('jurisdiction_path'),
  data: jsonb('data').notNull(),
  /** Delivery order, assigned by the relay in publish order; null until published. */
  position: bigint('position', { mode: 'number' }).unique(),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  attempts: integer('attempts').notNull().default(0),
}, (t) => [
  index('outbox_unpublished_idx').on(t.seq).where(sql`position is null`),
  // Catching up on a few event types over the last days (GET /events/recent) without reading every AVL batch.
  index('outbox_type_time_idx').on(t.type, t.occurredAt),
]);

/**
 * How far each outbox consumer other than the relay (e.g. unit notifications over MQTT) has got,
 * by delivery position: it reads published events after its cursor and moves it after handling them.
 */
export const outboxCursors = pgTable('outbox_cursors', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull(),
  /** The node working the consumer now, until its lease runs out (one node at a time). */
  leasedBy: text('leased_by'),
  leasedUntil: timestamp('leased_until', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Stored outcomes of commands sent with an Idempotency-Key, so a retry returns the same answer. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').notNull(),
  actorId: uuid('actor_id').notNull(),
  operation: text('operation').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  response: jsonb('response').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.actorId, t.key] })]);

/**
 * Backups this deployment made (platform/backup): what `/metrics` reports as the backup's age.
 * Written after the snapshot, so a backup does not contain its own row.
 */
export const backupRuns = pgTable('backup_runs', {
  id: uuid('id').primaryKey(),
  madeAt: timestamp('made_at', { withTimezone: true, mode: 'date' }).notNull(),
  backend: text('backend').notNull(),
  file: text('file').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  auditHeadSeq: bigint('audit_head_seq', { mode: 'number' }),
});
