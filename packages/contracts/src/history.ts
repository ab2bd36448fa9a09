import { z } from 'zod';
import { Id, isTimeZone, JurisdictionPath } from './common.js';
import { IncidentType, Priority } from './incidents.js';
import { UnitKind } from './units.js';

/** The wall-clock time formats a CAD export mapping may name. */
export const TIME_FORMATS = ['MM/DD/YYYY hh:mm:ss A', 'YYYY-MM-DD HH:mm:ss', 'ISO 8601'] as const;

const Column = z.string().trim().min(1).max(200);

/** A regular expression (JavaScript syntax, matched case-insensitively) that compiles. */
const Pattern = z.string().min(1).max(200).refine((p) => {
  try {
    new RegExp(p, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/**
 * A rule tried after the exact codes, in order: `pattern` is a regular expression, `keywords`
 * words any of which the text contains (both case-insensitive); the first rule that matches wins.
 */
const rule = <T extends z.ZodTypeAny>(to: T) => z.strictObject({
  pattern: Pattern.optional(),
  keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
  to,
}).refine((r) => (r.pattern === undefined) !== (r.keywords === undefined), { message: 'give either pattern or keywords' });

/** Cell texts read as "not recorded" unless a mapping names its own (compared case-insensitively, trimmed). */
export const DEFAULT_NULL_TOKENS = ['', 'NULL', 'N/A', 'NA', '-'] as const;

/**
 * How the columns of a CAD export map onto incidents and unit responses (one row = one unit on
 * one call). Documented in docs/historical-import.md; `sf-fire` is built in.
 */
export const CallsMapping = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** IANA zone the export's times are written in (wall-clock times without an offset). */
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. America/Los_Angeles'),
  timeFormat: z.enum(TIME_FORMATS),
  columns: z.strictObject({
    callId: Column,
    receivedAt: Column,
    type: Column,
    priority: Column,
    address: Column.optional(),
    /**
     * A "(lat, lon)" or "lat, lon" text column; else `latitude` and `longitude`; else none: the
     * calls have no place (kept off maps, counted in the jurisdiction's reports).
     */
    location: Column.optional(),
    latitude: Column.optional(),
    longitude: Column.optional(),
    /**
     * The call's jurisdiction, under the one imported into: its name, the last label of its path
     * or its path (`Vaduz`, `vaduz`, `li.oberland.vaduz`); an empty cell: the one imported into.
     */
    jurisdiction: Column.optional(),
    unit: Column,
    unitType: Column.optional(),
    sequence: Column.optional(),
    dispatchedAt: Column,
    respondedAt: Column.optional(),
    onSceneAt: Column.optional(),
    clearedAt: Column.optional(),
  }).refine((c) => (c.latitude === undefined) === (c.longitude === undefined) && !(c.location !== undefined && c.latitude !== undefined), { message: 'name location, or latitude and longitude, or none of them' }),
  /** Call type text -> incident type; anything else becomes `defaultType`. */
  types: z.record(z.string(), IncidentType).default({}),
  defaultType: IncidentType.default('other'),
  /** Priority text -> P1-P4; anything else becomes `defaultPriority`. */
  priorities: z.record(z.string(), Priority).default({}),
  defaultPriority: Priority.default('P3'),
  /** Tried in order when the type text is no exact key of `types`. */
  typeRules: z.array(rule(IncidentType)).max(200).default([]),
  /** Tried in order when the priority text is no exact key of `priorities`. */
  priorityRules: z.array(rule(Priority)).max(200).default([]),
  /**
   * Unit type text (`columns.unitType`) -> our unit kind, for the report by unit kind: exact codes,
   * then `unitKindRules` in order, else `defaultUnitKind`.
   */
  unitKinds: z.record(z.string(), UnitKind).default({}),
  unitKindRules: z.array(rule(UnitKind)).max(200).default([]),
  defaultUnitKind: UnitKind.default('other'),
  /** Cell texts that mean "not recorded" (besides the empty cell), e.g. `NULL`. */
  nullTokens: z.array(z.string().trim().max(50)).max(50).default([...DEFAULT_NULL_TOKENS]),
});
export type CallsMapping = z.infer<typeof CallsMapping>;

/** `POST /history/imports`: a CAD export's CSV text, imported as historical incidents of a jurisdiction. */
export const ImportCallsBody = z.strictObject({
  jurisdictionId: Id,
  /** A built-in mapping's name (`sf-fire`) or a mapping. */
  mapping: z.union([z.string().trim().min(1).max(100), CallsMapping]),
  /** Shown in the audit rows (e.g. the file's name). */
  source: z.string().trim().min(1).max(200).default('upload'),
  csv: z.string().min(1),
  /** Read and check only: the answer says what would be imported and rejected; nothing is written. */
  dryRun: z.boolean().default(false),
  /**
   * Import the readable calls even when some rows are rejected. Without it, a file with a
   * rejected row is refused whole (422, nothing written): a partial import is a choice, not an accident.
   */
  allowPartial: z.boolean().default(false),
  /**
   * Place the calls into the jurisdiction (e.g. another city's export into the demo country): each
   * keeps its time, type, priority, units and durations; its place is drawn from the jurisdiction's
   * demand (buildings people are in and key places, as the simulator), seeded; marked relocated.
   */
  relocate: z.boolean().default(false),
  /** The draw's seed (with `relocate` only; default 1): the same file and seed give the same places. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
}).superRefine((b, ctx) => {
  if (b.seed !== undefined && !b.relocate) ctx.addIssue({ code: 'custom', path: ['seed'], message: 'a seed places relocated calls: send it with relocate: true' });
  if (b.relocate && typeof b.mapping === 'object' && b.mapping.columns.jurisdiction !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['relocate'], message: 'calls sent to jurisdictions by the mapping\'s jurisdiction column cannot be relocated' });
  }
});
export type ImportCallsBody = z.infer<typeof ImportCallsBody>;

/** Why a row was left out; `call_has_rejected_row`: another row of its call was, so the whole call is. */
export const REJECT_REASONS = ['no_call_number', 'unreadable_time', 'unreadable_location', 'unknown_jurisdiction', 'call_has_rejected_row'] as const;
export const RejectReason = z.enum(REJECT_REASONS);

export const RejectedRow = z.object({ line: z.number().int(), code: RejectReason, reason: z.string(), callId: z.string().nullable() });

export const CallsImportSummary = z.object({
  /** The batch the calls were written in (list and undo it); null on a dry run or when nothing was new. */
  batchId: z.string().uuid().nullable(),
  /** Nothing was written: the figures say what an import would do. */
  dryRun: z.boolean(),
  file: z.string(),
  mapping: z.string(),
  jurisdictionPath: JurisdictionPath,
  rows: z.number().int(),
  calls: z.number().int(),
  /** New historical incidents. */
  created: z.number().int(),
  /** Calls this jurisdiction already holds from an earlier import: left as they are. */
  alreadyImported: z.number().int(),
  responses: z.number().int(),
  /** Calls with no place (empty cells, or no location column mapped): imported, kept off maps. */
  withoutLocation: z.number().int(),
  /**
   * Located calls outside the jurisdiction's boundary (0 with `relocate`, or when the jurisdiction
   * has no boundary): imported as they are (a response-times report needs no place), but a replay
   * cannot put them on its roads: import such a file with `relocate` for a what-if replay.
   */
  outsideJurisdiction: z.number().int(),
  /** Calls placed into the jurisdiction (`relocate`): their place is a seeded draw, marked relocated from the file. */
  relocated: z.number().int(),
  /** Calls left out whole because one of their rows could not be read. */
  rejectedCalls: z.number().int(),
  /** Rows left out per reason. */
  rejectedByReason: z.record(z.string(), z.number().int()),
  /**
   * Calls with a local time that a daylight-saving change makes ambiguous (the repeated hour) or
   * impossible (the skipped hour): imported, flagged, and left out of response-time percentiles.
   */
  doubtfulTimes: z.number().int(),
  /** Rows left out, with their line and why (at most the first 1,000). */
  rejected: z.array(RejectedRow),
});
export type CallsImportSummary = z.infer<typeof CallsImportSummary>;

/** One import of a CAD export: what it wrote, and whether it was undone. */
export const ImportBatch = z.object({
  id: z.string().uuid(),
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  file: z.string(),
  mapping: z.string(),
  importedAt: z.string().datetime(),
  importedBy: z.string(),
  /** Historical incidents and unit responses the batch holds (0 once undone). */
  calls: z.number().int(),
  responses: z.number().int(),
  doubtfulTimes: z.number().int(),
  undoneAt: z.string().datetime().nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportBatchList = z.object({ items: z.array(ImportBatch) });
export type ImportBatchList = z.infer<typeof ImportBatchList>;

export const ImportBatchesQuery = z.strictObject({ jurisdictionId: Id.optional() });

/** `POST /history/imports/{id}/undo`: what was removed. */
export const UndoImportResult = z.object({ batch: ImportBatch, removedCalls: z.number().int(), removedResponses: z.number().int() });
export type UndoImportResult = z.infer<typeof UndoImportResult>;
