import { z } from 'zod';
import { Id, JurisdictionPath, PrintQueryFields, Timestamp } from './common.js';

/** general: fix at once or within a short term; major: rectification plan, interim controls, re-inspection. */
export const HAZARD_GRADES = ['general', 'major'] as const;
export const HazardGrade = z.enum(HAZARD_GRADES);
export type HazardGrade = z.infer<typeof HazardGrade>;

export const HAZARD_STATES = ['open', 'rectifying', 'submitted', 'verified', 'closed'] as const;
export const HazardState = z.enum(HAZARD_STATES);
export type HazardState = z.infer<typeof HazardState>;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const HazardExtension = z.object({
  id: Id,
  state: z.enum(['pending', 'approved', 'denied']),
  reason: z.string(),
  requestedDueAt: Timestamp,
  requestedBy: z.string().nullable(),
  requestedAt: Timestamp,
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  note: z.string().nullable(),
});

export const Hazard = z.object({
  id: Id,
  /** Null for a correction a supervision visit required of a task or a unit, which has no place. */
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  jurisdictionPath: JurisdictionPath,
  grade: HazardGrade,
  state: HazardState,
  title: z.string(),
  description: z.string().nullable(),
  /** The inspection and checklist item that found it, when one did. */
  inspectionId: Id.nullable(),
  checklistItemKey: z.string().nullable(),
  /** The supervision visit whose finding required this correction, when one did. */
  supervisionVisitId: Id.nullable(),
  raisedBy: z.string().nullable(),
  raisedAt: Timestamp,
  dueAt: Timestamp,
  overdue: z.boolean(),
  rectificationPlan: z.string().nullable(),
  interimControls: z.string().nullable(),
  stopUse: z.boolean(),
  fixNote: z.string().nullable(),
  /** Who handed the fix in (a user id): someone else verifies it. */
  submittedBy: z.string().nullable(),
  verificationNote: z.string().nullable(),
  /** Set while the hazard is overdue: the level it has been escalated to. */
  escalatedTo: JurisdictionPath.nullable(),
  /** "Listed supervision" of a major hazard by a higher level: on that level's board until closed. */
  supervisedBy: JurisdictionPath.nullable(),
  extensions: z.array(HazardExtension),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type Hazard = z.infer<typeof Hazard>;

export const RaiseHazardBody = z.strictObject({
  placeId: Id,
  grade: HazardGrade,
  title: Text(200),
  description: Text(4000).optional(),
  /**
   * A deadline sooner than the grade's (an inspector may order a quicker fix); never later than
   * the deadline in force for the grade at the place's jurisdiction. Omitted: that deadline.
   */
  dueAt: Timestamp.optional(),
});
export type RaiseHazardBody = z.infer<typeof RaiseHazardBody>;

/** One step of rectification; which fields each step needs is checked by the hazard model. */
export const HazardActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('start'),
    rectificationPlan: Text(4000).optional(),
    interimControls: Text(4000).optional(),
    stopUse: z.boolean().default(false),
  }),
  z.strictObject({ action: z.literal('submit'), fixNote: Text(4000) }),
  z.strictObject({ action: z.literal('reject'), reason: Text(4000) }),
  z.strictObject({ action: z.literal('verify'), note: Text(4000) }),
  z.strictObject({ action: z.literal('close') }),
]);
export type HazardActionBody = z.infer<typeof HazardActionBody>;

export const ExtensionRequestBody = z.strictObject({ reason: Text(2000), requestedDueAt: Timestamp });
export const ExtensionDecisionBody = z.strictObject({ approve: z.boolean(), note: Text(2000).optional() });
export const SupervisionBody = z.strictObject({ jurisdictionId: Id });

export const HazardListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  placeId: Id.optional(),
  state: z.string().max(200).transform((s) => s.split(',').map((p) => p.trim())).pipe(z.array(HazardState).min(1)).optional(),
  grade: HazardGrade.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: Id.optional(),
});
export type HazardListQuery = z.infer<typeof HazardListQuery>;
export const HazardPage = z.object({ items: z.array(Hazard), nextCursor: Id.nullable() });

export const BoardQuery = z.strictObject({
  jurisdictionId: Id,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** A jurisdiction's board: open hazards of its subtree that are overdue or under its supervision. */
export const HazardBoard = z.object({
  jurisdictionPath: JurisdictionPath,
  overdue: z.number().int(),
  supervised: z.number().int(),
  items: z.array(Hazard),
});

/** Deadlines by grade, in days from when a hazard is raised; set per jurisdiction, inherited down. */
export const DeadlinePolicy = z.object({
  jurisdictionPath: JurisdictionPath,
  /** Where the effective values come from (this jurisdiction, an ancestor, or the default). */
  definedAt: JurisdictionPath.nullable(),
  generalDays: z.number().int(),
  majorDays: z.number().int(),
});
export const DeadlinePolicyBody = z.strictObject({
  generalDays: z.number().int().min(1).max(365),
  majorDays: z.number().int().min(1).max(730),
});

export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** Largest accepted evidence file (decoded), in bytes. */
export const EVIDENCE_MAX_BYTES = 512 * 1024;

export const EvidenceBody = z.strictObject({
  filename: Text(200),
  /** One of EVIDENCE_MEDIA_TYPES; checked against the file's first bytes. */
  mediaType: z.string().min(1).max(200),
  /** The file's bytes, base64-encoded. */
  contentBase64: z.string().min(1).max(EVIDENCE_MAX_BYTES * 2),
  caption: Text(500).optional(),
});
export const Evidence = z.object({
  id: Id,
  hazardId: Id,
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  caption: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: Timestamp,
});

export const RiskQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  category: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const PlaceRisk = z.object({
  placeId: Id,
  name: z.string(),
  category: z.string(),
  jurisdictionPath: JurisdictionPath,
  location: z.tuple([z.number(), z.number()]),
  lastInspectedAt: Timestamp.nullable(),
  openMajor: z.number().int(),
  openGeneral: z.number().int(),
  overdue: z.number().int(),
  risk: z.object({
    score: z.number(),
    category: z.number(),
    majorHazards: z.number(),
    generalHazards: z.number(),
    overdue: z.number(),
    inspectionAge: z.number(),
  }),
});

export const HazardReportQuery = z.strictObject({
  jurisdictionId: Id,
  from: Timestamp,
  to: Timestamp,
});
/** The report's exports (CSV, printable page) in the reader's language and time zone. */
export const HazardReportExportQuery = HazardReportQuery.extend(PrintQueryFields);
export type HazardReportExportQuery = z.infer<typeof HazardReportExportQuery>;
/** Hazards of one jurisdiction's subtree: found and fixed (verified) in the period, open and overdue now. */
export const HazardReportRow = z.object({
  jurisdictionPath: JurisdictionPath,
  name: z.string(),
  found: z.number().int(),
  foundMajor: z.number().int(),
  fixed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export const HazardReport = z.object({ from: Timestamp, to: Timestamp, total: HazardReportRow, rows: z.array(HazardReportRow) });
