import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_KINDS, CONTROLLED_CATEGORIES, GOODS_UNITS, HAZARD_CLASSES, TRANSFER_KINDS } from '@firebreak/contracts';
import { ltree } from '../../platform/db/types.js';
import { places } from '../places/places.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Quantities are integer base units; bigint read as a JS number (safe to 2^53, which the contract caps). */
const quantity = (name: string) => bigint(name, { mode: 'number' });

/**
 * What can be held, one row per item (TigerBeetle's "ledger"): a chemical by UN number, or a
 * category of controlled items. Measured the same everywhere: one unit per item.
 */
export const goodsItems = pgTable('goods_items', {
  key: text('key').primaryKey(),
  kind: text('kind', { enum: ['chemical', 'controlled'] }).notNull(),
  unNumber: text('un_number'),
  hazardClass: text('hazard_class', { enum: HAZARD_CLASSES }),
  category: text('category', { enum: CONTROLLED_CATEGORIES }),
  name: text('name').notNull(),
  unit: text('unit', { enum: GOODS_UNITS }).notNull(),
});

/** A key place licensed to hold goods: the licence is the site's current one (renewals are audited). */
export const goodsSites = pgTable('goods_sites', {
  id: uuid('id').primaryKey(),
  placeId: uuid('place_id').notNull().references(() => places.id),
  /** The place's jurisdiction (copied: paths never change). */
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  /** The jurisdiction that supervises the licence: the place's or one above it. */
  supervisingPath: ltree('supervising_path').notNull(),
  licenceNumber: text('licence_number').notNull(),
  validFrom: at('valid_from').notNull(),
  validUntil: at('valid_until').notNull(),
  expiryAlertDays: integer('expiry_alert_days').notNull(),
  storageConditions: text('storage_conditions').notNull(),
  responsibleName: text('responsible_name').notNull(),
  responsibleRole: text('responsible_role').notNull(),
  /** The `valid_until` whose expiry was already announced (a renewal announces again). */
  expiryAlertedFor: at('expiry_alerted_for'),
  /** The hazard raised because the licence lapsed while the site held stock (cleared by a renewal). */
  lapseHazardId: uuid('lapse_hazard_id'),
  demo: boolean('demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  uniqueIndex('goods_sites_place_idx').on(t.placeId),
  index('goods_sites_path_gist').using('gist', t.jurisdictionPath),
  index('goods_sites_supervising_gist').using('gist', t.supervisingPath),
  index('goods_sites_valid_until_idx').on(t.validUntil),
]);

/**
 * An account of one item at one site (TigerBeetle's account): `stock` is what the site holds;
 * `external`, `consumed`, `destroyed`, `lost` are where goods come from and go to. Posted totals
 * only ever grow, and only through a transfer (trigger `goods_transfer_post`). A stock account's
 * balance is credits - debits; it may not go below zero (TigerBeetle's
 * `debits_must_not_exceed_credits`) nor above `max_balance` (the licence's maximum for the item).
 */
export const goodsAccounts = pgTable('goods_accounts', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull().references(() => goodsSites.id),
  itemKey: text('item_key').notNull().references(() => goodsItems.key),
  kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
  debitsMustNotExceedCredits: boolean('debits_must_not_exceed_credits').notNull(),
  /** Stock only: the licence's maximum (0 = no longer licensed: nothing may come in). */
  maxBalance: quantity('max_balance'),
  debitsPosted: quantity('debits_posted').notNull().default(0),
  creditsPosted: quantity('credits_posted').notNull().default(0),
}, (t) => [
  uniqueIndex('goods_accounts_site_item_kind_idx').on(t.siteId, t.itemKey, t.kind),
  check('goods_accounts_posted_nonnegative', sql`${t.debitsPosted} >= 0 and ${t.creditsPosted} >= 0`),
  check('goods_accounts_no_negative_balance', sql`not ${t.debitsMustNotExceedCredits} or ${t.debitsPosted} <= ${t.creditsPosted}`),
  check('goods_accounts_within_licence', sql`${t.maxBalance} is null or ${t.creditsPosted} - ${t.debitsPosted} <= ${t.maxBalance}`),
  check('goods_accounts_max_nonnegative', sql`${t.maxBalance} is null or ${t.maxBalance} >= 0`),
]);

/**
 * A movement: `amount` debited from one account and credited to another of the same item, in one
 * row, so debits equal credits by construction. Append-only (triggers refuse UPDATE, DELETE,
 * TRUNCATE); a mistake is undone by a reversal, the mirror transfer, at most once.
 */
export const goodsTransfers = pgTable('goods_transfers', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: TRANSFER_KINDS }).notNull(),
  itemKey: text('item_key').notNull().references(() => goodsItems.key),
  debitAccountId: uuid('debit_account_id').notNull().references(() => goodsAccounts.id),
  creditAccountId: uuid('credit_account_id').notNull().references(() => goodsAccounts.id),
  amount: quantity('amount').notNull(),
  reverses: uuid('reverses'),
  counterparty: text('counterparty'),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  recordedByName: text('recorded_by_name').notNull(),
  at: at('at').notNull(),
}, (t) => [
  check('goods_transfers_amount_positive', sql`${t.amount} > 0`),
  check('goods_transfers_accounts_differ', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
  check('goods_transfers_reversal_names_original', sql`(${t.kind} = 'reversal') = (${t.reverses} is not null)`),
  uniqueIndex('goods_transfers_reverses_idx').on(t.reverses),
  index('goods_transfers_debit_idx').on(t.debitAccountId, t.id),
  index('goods_transfers_credit_idx').on(t.creditAccountId, t.id),
]);

/** A count of a site's stock (from an inspection): one discrepancy row per item counted. */
export const goodsReconciliations = pgTable('goods_reconciliations', {
  id: uuid('id').primaryKey(),
  siteId: uuid('site_id').notNull().references(() => goodsSites.id),
  inspectionId: uuid('inspection_id'),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  at: at('at').notNull(),
}, (t) => [index('goods_reconciliations_site_idx').on(t.siteId, t.at)]);

export const goodsDiscrepancies = pgTable('goods_discrepancies', {
  id: uuid('id').primaryKey(),
  reconciliationId: uuid('reconciliation_id').notNull().references(() => goodsReconciliations.id),
  siteId: uuid('site_id').notNull().references(() => goodsSites.id),
  jurisdictionPath: ltree('jurisdiction_path').notNull(),
  itemKey: text('item_key').notNull().references(() => goodsItems.key),
  ledger: quantity('ledger').notNull(),
  counted: quantity('counted').notNull(),
  severity: text('severity', { enum: ['none', 'within_tolerance', 'general', 'major'] }).notNull(),
  hazardId: uuid('hazard_id'),
  at: at('at').notNull(),
}, (t) => [
  index('goods_discrepancies_path_gist').using('gist', t.jurisdictionPath),
  index('goods_discrepancies_site_idx').on(t.siteId, t.at),
]);
