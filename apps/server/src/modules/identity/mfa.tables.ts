import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './staff.tables.js';

/**
 * One TOTP factor per account. `confirmedAt` null = enrolment begun but not yet confirmed with a
 * code (it does not count as enrolled). The secret is AES-256-GCM encrypted when MFA_SECRET_KEY is
 * set (see mfa-secret-box.ts) and is never returned after enrolment.
 */
export const mfaFactors = pgTable('mfa_factors', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  /** The RFC 6238 time step of the last accepted code: a code is good once (replay refused). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  /** Wrong codes in a row, over every ticket and re-authentication; reaching the limit locks MFA for a while. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Single-use recovery codes; only the sha256 of each is stored. */
export const mfaRecoveryCodes = pgTable('mfa_recovery_codes', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)]);

/**
 * The step between a correct password and a session: a short-lived ticket (sha256 stored) that
 * opens only the MFA endpoints of its purpose, never a session. Wrong codes count per ticket too.
 */
export const mfaTickets = pgTable('mfa_tickets', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  purpose: text('purpose', { enum: ['verify', 'enrol'] }).notNull(),
  ticketHash: text('ticket_hash').notNull().unique(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('mfa_tickets_user_idx').on(t.userId)]);
