import { z } from 'zod';
import { Id, JurisdictionPath, Position, Timestamp } from './common.js';

/**
 * The hazard classes and divisions of dangerous goods, as the UN Recommendations on the Transport
 * of Dangerous Goods, Model Regulations (the "Orange Book", Rev. 23, 2023, Part 2) number them;
 * ADR, RID, IMDG and 49 CFR 173.2 use the same list. Class 1 (explosives) by division.
 */
export const HAZARD_CLASSES = [
  '1.1', '1.2', '1.3', '1.4', '1.5', '1.6',
  '2.1', '2.2', '2.3',
  '3',
  '4.1', '4.2', '4.3',
  '5.1', '5.2',
  '6.1', '6.2',
  '7',
  '8',
  '9',
] as const;
export const HazardClass = z.enum(HAZARD_CLASSES);
export type HazardClass = z.infer<typeof HazardClass>;

/**
 * Controlled items held under a weapons or explosives licence (not UN-numbered goods in the
 * ledger's sense, though explosives also carry one): counted in items or rounds, or weighed.
 */
export const CONTROLLED_CATEGORIES = ['firearms', 'ammunition', 'explosives', 'detonators', 'blasting_materials'] as const;
export const ControlledCategory = z.enum(CONTROLLED_CATEGORIES);
export type ControlledCategory = z.infer<typeof ControlledCategory>;

/** Integer base units: never fractions. Liquids by the millilitre, solids and gases by the gram. */
export const GOODS_UNITS = ['g', 'ml', 'round', 'item'] as const;
export const GoodsUnit = z.enum(GOODS_UNITS);
export type GoodsUnit = z.infer<typeof GoodsUnit>;

/**
 * A UN number: "UN" and four digits (UN0004 to UN3999; the Model Regulations assign numbers
 * within that range, not every one of them). Written with or without the "UN" prefix and
 * stored with it.
 */
export const UnNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(UN)?\d{4}$/, 'a UN number is UN and four digits, e.g. UN1203')
  .transform((s) => (s.startsWith('UN') ? s : `UN${s}`))
  .refine((s) => { const n = Number(s.slice(2)); return n >= 4 && n <= 3999; }, 'UN numbers run from UN0004 to UN3999');

/** The most a quantity may be: a safe integer in JavaScript and PostgreSQL bigint alike. */
export const MAX_QUANTITY = Number.MAX_SAFE_INTEGER;
export const Quantity = z.number().int('a quantity is a whole number of base units (grams, millilitres, rounds, items)').positive('a quantity is more than zero').max(MAX_QUANTITY);

/**
 * What a licence lets a site hold: a chemical by UN number and hazard class, or a category of
 * controlled items; the most it may hold at once, in the item's base unit.
 */
export const LicensedItemInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chemical'), unNumber: UnNumber, hazardClass: HazardClass, name: z.string().trim().min(1).max(200), unit: z.enum(['g', 'ml']), maxQuantity: Quantity }),
  z.strictObject({ kind: z.literal('controlled'), category: ControlledCategory, name: z.string().trim().min(1).max(200), unit: GoodsUnit, maxQuantity: Quantity }),
]);
export type LicensedItemInput = z.infer<typeof LicensedItemInput>;

const Person = z.strictObject({ name: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(200) });

/** Licence days: how long before the end of validity the supervising desk is alerted. */
export const EXPIRY_ALERT_DAYS = { min: 1, max: 365, default: 30 } as const;

export const LicenceInput = z.strictObject({
  number: z.string().trim().min(1).max(100),
  validFrom: Timestamp,
  validUntil: Timestamp,
  expiryAlertDays: z.number().int().min(EXPIRY_ALERT_DAYS.min).max(EXPIRY_ALERT_DAYS.max).default(EXPIRY_ALERT_DAYS.default),
  storageConditions: z.string().trim().min(1).max(2000),
  /** A name and a role: the business's person answerable for the stock (no more personal data). */
  responsiblePerson: Person,
  items: z.array(LicensedItemInput).min(1).max(50),
}).refine((l) => Date.parse(l.validUntil) > Date.parse(l.validFrom), { message: 'the licence must end after it starts', path: ['validUntil'] });
export type LicenceInput = z.infer<typeof LicenceInput>;

/** Licenses a key place to hold goods; `jurisdictionId` (the supervising one) defaults to the place's. */
export const CreateGoodsSiteBody = z.strictObject({
  placeId: Id,
  supervisingJurisdictionId: Id.optional(),
  licence: LicenceInput,
});
export type CreateGoodsSiteBody = z.infer<typeof CreateGoodsSiteBody>;

/** Renews or changes the licence; `version` is the site's, for a stale edit to be refused. */
export const RenewLicenceBody = z.strictObject({ version: z.number().int().positive(), licence: LicenceInput });
export type RenewLicenceBody = z.infer<typeof RenewLicenceBody>;

export const LICENCE_STATES = ['not_yet_valid', 'valid', 'expiring', 'lapsed'] as const;
export const LicenceState = z.enum(LICENCE_STATES);
export type LicenceState = z.infer<typeof LicenceState>;

export const GoodsItem = z.object({
  key: z.string(),
  kind: z.enum(['chemical', 'controlled']),
  unNumber: z.string().nullable(),
  hazardClass: HazardClass.nullable(),
  category: ControlledCategory.nullable(),
  name: z.string(),
  unit: GoodsUnit,
});
export type GoodsItem = z.infer<typeof GoodsItem>;

export const GoodsHolding = GoodsItem.extend({ maxQuantity: z.number().int(), balance: z.number().int(), accountId: Id });
export type GoodsHolding = z.infer<typeof GoodsHolding>;

export const GoodsSite = z.object({
  id: Id,
  place: z.object({ id: Id, name: z.string(), category: z.string(), location: Position, jurisdictionPath: JurisdictionPath }),
  supervisingPath: JurisdictionPath,
  supervisingName: z.string(),
  licence: z.object({
    number: z.string(), validFrom: Timestamp, validUntil: Timestamp, expiryAlertDays: z.number().int(),
    storageConditions: z.string(), responsiblePerson: z.object({ name: z.string(), role: z.string() }),
    state: LicenceState,
  }),
  holdings: z.array(GoodsHolding),
  /** The open hazard raised because the licence lapsed while the site held stock. */
  lapseHazardId: Id.nullable(),
  demo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type GoodsSite = z.infer<typeof GoodsSite>;

export const GoodsSiteListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  state: LicenceState.optional(),
  near: z.string().regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'lon,lat')
    .refine((v) => { const [lon, lat] = v.split(',').map(Number); return Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90; }, 'longitude within ±180, latitude within ±90').optional(),
  radiusMeters: z.coerce.number().int().min(1).max(20_000).default(1000),
  /** The site licensed at this key place (at most one): an inspection's counted-stock item lists what it holds. */
  placeId: Id.optional(),
});
export type GoodsSiteListQuery = z.infer<typeof GoodsSiteListQuery>;

/**
 * Kinds of movement, each a transfer between two accounts of the same item (TigerBeetle's
 * "ledger"): receipt (external -> stock), issue (stock -> external), transfer (stock of one site
 * -> stock of another), consumption, destruction, loss (stock -> consumed / destroyed / lost),
 * reversal (the mirror of an earlier transfer: the only correction there is); dispatch (stock ->
 * in transit, when a transport permit is issued) and delivery (in transit -> the receiving site's
 * stock, when it confirms receipt) are recorded by transport permits only.
 */
export const TRANSFER_KINDS = ['receipt', 'issue', 'transfer', 'consumption', 'destruction', 'loss', 'reversal', 'dispatch', 'delivery'] as const;
export const TransferKind = z.enum(TRANSFER_KINDS);
export type TransferKind = z.infer<typeof TransferKind>;

export const ACCOUNT_KINDS = ['stock', 'external', 'consumed', 'destroyed', 'lost', 'in_transit'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** A movement. `id` is the client's (UUID): sending the same one again never moves goods twice. */
export const RecordTransferBody = z.strictObject({
  id: Id,
  kind: TransferKind.exclude(['reversal', 'dispatch', 'delivery']),
  siteId: Id,
  itemKey: z.string().trim().min(1).max(40),
  quantity: Quantity,
  /** The receiving site of a `transfer`. */
  toSiteId: Id.optional(),
  /** Supplier or customer (a business name) of a receipt or an issue. */
  counterparty: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
}).refine((b) => (b.kind === 'transfer') === (b.toSiteId !== undefined), { message: 'a transfer between sites names toSiteId; other movements do not', path: ['toSiteId'] })
  .refine((b) => b.toSiteId === undefined || b.toSiteId !== b.siteId, { message: 'a transfer goes to another site', path: ['toSiteId'] });
export type RecordTransferBody = z.infer<typeof RecordTransferBody>;

/**
 * Several movements recorded together, all or none (an inventory system's upload, a delivery
 * split over sites): applied in order, so a receipt may feed an issue after it.
 */
export const MAX_TRANSFER_BATCH = 1000;
export const RecordTransfersBody = z.strictObject({
  transfers: z.array(RecordTransferBody).min(1).max(MAX_TRANSFER_BATCH).refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, 'each movement id at most once'),
});
export type RecordTransfersBody = z.infer<typeof RecordTransfersBody>;

export const ReverseTransferBody = z.strictObject({ id: Id, reason: z.string().trim().min(1).max(2000) });
export type ReverseTransferBody = z.infer<typeof ReverseTransferBody>;

export const GoodsTransfer = z.object({
  id: Id,
  kind: TransferKind,
  itemKey: z.string(),
  unit: GoodsUnit,
  quantity: z.number().int(),
  debit: z.object({ accountId: Id, kind: z.enum(ACCOUNT_KINDS), siteId: Id, siteName: z.string() }),
  credit: z.object({ accountId: Id, kind: z.enum(ACCOUNT_KINDS), siteId: Id, siteName: z.string() }),
  reverses: Id.nullable(),
  reversedBy: Id.nullable(),
  counterparty: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.object({ id: Id.nullable(), name: z.string() }),
  at: Timestamp,
});
export type GoodsTransfer = z.infer<typeof GoodsTransfer>;

/** What a batch recorded, in its order; `replayed[i]`: the movement was already stored (sent before), not applied again. */
export const RecordedTransfers = z.object({ transfers: z.array(GoodsTransfer), replayed: z.array(z.boolean()) });
export type RecordedTransfers = z.infer<typeof RecordedTransfers>;

export const TransferListQuery = z.strictObject({
  itemKey: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Older than this transfer (paging backwards in time). */
  before: Id.optional(),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;

/** Stock counted on site, item by item, in the item's base unit. */
export const StockCounts = z.array(z.strictObject({ itemKey: z.string().trim().min(1).max(40), counted: z.number().int('counted stock is a whole number of base units').min(0).max(MAX_QUANTITY) }))
  .min(1).max(50).refine((c) => new Set(c.map((x) => x.itemKey)).size === c.length, 'each item at most once');
export type StockCounts = z.infer<typeof StockCounts>;

/** Stock counted on site (an inspection), item by item. */
export const ReconcileBody = z.strictObject({
  inspectionId: Id.optional(),
  counts: StockCounts,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ReconcileBody = z.infer<typeof ReconcileBody>;

export const DiscrepancySeverity = z.enum(['none', 'within_tolerance', 'general', 'major']);
export type DiscrepancySeverity = z.infer<typeof DiscrepancySeverity>;

export const GoodsDiscrepancy = z.object({
  id: Id,
  reconciliationId: Id,
  siteId: Id,
  siteName: z.string(),
  jurisdictionPath: JurisdictionPath,
  itemKey: z.string(),
  unit: GoodsUnit,
  ledger: z.number().int(),
  counted: z.number().int(),
  /** counted - ledger: negative means stock is missing. */
  difference: z.number().int(),
  severity: DiscrepancySeverity,
  hazardId: Id.nullable(),
  inspectionId: Id.nullable(),
  at: Timestamp,
});
export type GoodsDiscrepancy = z.infer<typeof GoodsDiscrepancy>;

export const Reconciliation = z.object({ id: Id, siteId: Id, at: Timestamp, discrepancies: z.array(GoodsDiscrepancy) });
export type Reconciliation = z.infer<typeof Reconciliation>;

export const DiscrepancyReportQuery = z.strictObject({ jurisdictionId: Id.optional(), since: Timestamp.optional() });
export const DiscrepancyReportRow = z.object({
  jurisdictionPath: JurisdictionPath,
  siteId: Id,
  siteName: z.string(),
  reconciliations: z.number().int(),
  discrepancies: z.number().int(),
  major: z.number().int(),
  general: z.number().int(),
  lastAt: Timestamp,
});
export type DiscrepancyReportRow = z.infer<typeof DiscrepancyReportRow>;

