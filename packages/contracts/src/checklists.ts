import { z } from 'zod';
import { HazardGrade } from './hazards.js';
import { PlaceCategory } from './places.js';
import { Id, Latitude, Longitude, PrintQueryFields, Timestamp } from './common.js';
import { StockCounts } from './goods.js';

/**
 * yes_no: pass / fail / na. number: a reading that passes inside [min, max]. choice: one of
 * `options`, failing when it is one of `failing`. text: a note, never failing. stock_count: the
 * stock counted per item a licensed site holds (`{ counts }`, base units), reconciled against the
 * site's ledger: a discrepancy beyond tolerance raises its own graded hazard (modules/controlled-goods).
 */
export const ANSWER_TYPES = ['yes_no', 'number', 'choice', 'text', 'stock_count'] as const;
export const AnswerType = z.enum(ANSWER_TYPES);

const Key = z.string().regex(/^[a-z0-9_]{1,63}$/, 'lower-case letters, digits and _');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ChecklistItem = z.strictObject({
  key: Key,
  text: Text(500),
  answerType: AnswerType,
  mandatory: z.boolean().default(true),
  /** Points the item is worth when it passes (0 for items that are not scored). */
  weight: z.number().int().min(0).max(100).default(1),
  /** The grade of the hazard a failed answer raises. */
  severity: HazardGrade.default('general'),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(Text(100)).min(2).max(20).optional(),
  failing: z.array(Text(100)).max(20).optional(),
  guidance: Text(1000).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistSection = z.strictObject({ key: Key, title: Text(200), items: z.array(ChecklistItem).min(1).max(200) });

export const ChecklistDefinition = z.strictObject({
  key: Key,
  title: Text(200),
  categories: z.array(PlaceCategory).min(1),
  /** Where the items come from (public guidance), shown with the template. */
  source: Text(2000),
  sections: z.array(ChecklistSection).min(1).max(50),
});
export type ChecklistDefinition = z.infer<typeof ChecklistDefinition>;

export const ChecklistTemplate = ChecklistDefinition.extend({ id: Id, version: z.number().int(), createdAt: Timestamp, latest: z.boolean() });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const ChecklistListQuery = z.strictObject({ category: PlaceCategory.optional(), all: z.enum(['true', 'false']).optional() });

/** The answer to a stock_count item. */
export const StockCountAnswer = z.strictObject({ counts: StockCounts });
export type StockCountAnswer = z.infer<typeof StockCountAnswer>;

export const Answer = z.strictObject({
  itemKey: Key,
  value: z.union([z.enum(['pass', 'fail', 'na']), z.number(), Text(2000), StockCountAnswer]),
  note: Text(2000).optional(),
});

export const RecordInspectionBody = z.strictObject({
  placeId: Id,
  templateId: Id,
  answers: z.array(Answer).min(1).max(1000),
  /** Where the device was when the inspection was recorded. */
  position: z.strictObject({ lon: Longitude, lat: Latitude, accuracyM: z.number().min(0).max(100_000).optional() }).optional(),
  note: Text(4000).optional(),
  /** Hazards at this place whose submitted fix this re-inspection verifies (how a major hazard is verified). */
  verifies: z.array(Id).max(100).optional(),
});
export type RecordInspectionBody = z.infer<typeof RecordInspectionBody>;

export const Inspection = z.object({
  id: Id,
  placeId: Id,
  jurisdictionPath: z.string(),
  templateId: Id,
  templateKey: z.string(),
  templateVersion: z.number().int(),
  inspectorId: Id.nullable(),
  recordedAt: Timestamp,
  answers: z.array(Answer),
  score: z.number(),
  maxScore: z.number(),
  /** Score as a percentage of the points of the items that applied. */
  scorePercent: z.number().nullable(),
  failedItems: z.array(z.string()),
  hazardIds: z.array(Id),
  position: z.object({ lon: z.number(), lat: z.number(), accuracyM: z.number().nullable() }).nullable(),
  /** Metres from the place's geometry to the recorded position. */
  distanceM: z.number().nullable(),
  /** Recorded farther from the place than FAR_FROM_PLACE_METRES (or with no position at all). */
  farFromPlace: z.boolean(),
  note: z.string().nullable(),
});
export type Inspection = z.infer<typeof Inspection>;

/** An inspection recorded farther than this from the place is flagged. */
export const FAR_FROM_PLACE_METRES = 300;

export const InspectionListQuery = z.strictObject({
  placeId: Id.optional(),
  farFromPlace: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: Id.optional(),
});

export const CreateCampaignBody = z.strictObject({
  title: Text(200),
  /** The issuing jurisdiction; the campaign covers (part of) its subtree. */
  jurisdictionId: Id,
  categories: z.array(PlaceCategory).min(1).max(20),
  /** Jurisdictions in scope (their subtrees); defaults to the issuer's whole subtree. */
  scopeJurisdictionIds: z.array(Id).min(1).max(500).optional(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** When each assignment is due; defaults to endsAt. */
  dueAt: Timestamp.optional(),
  /** When an assignment not done counts as missed; defaults to 7 days after dueAt. */
  missedAt: Timestamp.optional(),
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

export const Campaign = z.object({
  id: Id,
  title: z.string(),
  issuerPath: z.string(),
  categories: z.array(PlaceCategory),
  scopePaths: z.array(z.string()),
  startsAt: Timestamp,
  endsAt: Timestamp,
  dueAt: Timestamp,
  missedAt: Timestamp,
  assignments: z.number().int(),
  createdAt: Timestamp,
});
export type Campaign = z.infer<typeof Campaign>;

export const CoverageCounts = z.object({ total: z.number().int(), inspected: z.number().int(), missed: z.number().int() });
export type CoverageCounts = z.infer<typeof CoverageCounts>;

export interface CoverageNodeShape extends CoverageCounts {
  path: string;
  name: string;
  /** Places assigned directly to this jurisdiction (not to one below it). */
  own: CoverageCounts;
  /** Places below this node not shown as children (the tree was cut at the requested depth). */
  below: CoverageCounts;
  byCategory: Record<string, CoverageCounts>;
  children: CoverageNodeShape[];
}
export const CoverageNode: z.ZodType<CoverageNodeShape> = CoverageCounts.extend({
  path: z.string(),
  name: z.string(),
  own: CoverageCounts,
  below: CoverageCounts,
  byCategory: z.record(z.string(), CoverageCounts),
  get children() {
    return z.array(CoverageNode);
  },
});

/** The answer of a coverage query: a node whose children are CoverageNodes (a root that is not itself recursive, so OpenAPI can name the recursion). */
export const CoverageTree = CoverageCounts.extend({
  path: z.string(),
  name: z.string(),
  own: CoverageCounts,
  below: CoverageCounts,
  byCategory: z.record(z.string(), CoverageCounts),
  children: z.array(CoverageNode),
});

export const CoverageQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  /** Levels of jurisdictions shown below the one asked for; deeper ones are folded into `below`. */
  depth: z.coerce.number().int().min(0).max(10).default(2),
});
/** The coverage report's exports (CSV, printable page) in the reader's language and time zone. */
export const CoverageExportQuery = CoverageQuery.extend(PrintQueryFields);
export type CoverageExportQuery = z.infer<typeof CoverageExportQuery>;

export const CampaignAssignment = z.object({
  id: Id,
  placeId: Id,
  placeName: z.string(),
  category: PlaceCategory,
  jurisdictionPath: z.string(),
  dueAt: Timestamp,
  missedAt: Timestamp,
  status: z.enum(['pending', 'done', 'missed']),
  inspectionId: Id.nullable(),
  doneAt: Timestamp.nullable(),
});
export const AssignmentListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  status: z.enum(['pending', 'done', 'missed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: Id.optional(),
});
export const AssignmentPage = z.object({ items: z.array(CampaignAssignment), nextCursor: Id.nullable() });

export const AttachmentBody = z.strictObject({
  filename: Text(200),
  /** image/jpeg, image/png, image/webp or application/pdf; checked against the file's first bytes. */
  mediaType: z.string().min(1).max(200),
  /** The file's bytes, base64-encoded (at most 512 KiB decoded). */
  contentBase64: z.string().min(1).max(1024 * 1024),
  itemKey: Key.optional(),
});
export const Attachment = z.object({
  id: Id,
  inspectionId: Id,
  itemKey: z.string().nullable(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: Id.nullable(),
  uploadedAt: Timestamp,
});
