import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './staff.tables.js';

/** Browser sessions: the cookie holds a random secret; only its sha256 is stored. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  /** The last request on this session, written at most once a minute: the idle timeout counts from it. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** API tokens for devices and integrations; only the sha256 of the secret is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('api_tokens_user_idx').on(t.userId)]);

/**
 * The login throttle's counters (login-throttle.rules.ts), shared by every node. A key is an
 * address (`a:<ip or IPv6 /64>`) or an (account, address) pair (`u:<sha256 of the lower-case
 * username>@<address>`): the username itself is never stored. Counters, not records: they change
 * outside runCommand and unaudited; the failed logins themselves are audited.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
  waitUntil: timestamp('wait_until', { withTimezone: true, mode: 'date' }),
}, (t) => [index('login_throttle_last_failure_idx').on(t.lastFailureAt)]);

/**
 * One row whose counter moves, by statement triggers, whenever something a cached actor was built
 * from changes: a session or token revoked, an account disabled or renamed, a grant, a mutual aid
 * agreement, a jurisdiction's path or name (migration 0033). Each node's actor cache
 * (actor-cache.ts) trusts an entry only while the counter it was built under is still current.
 */
export const authEpoch = pgTable('auth_epoch', {
  id: integer('id').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull(),
});
