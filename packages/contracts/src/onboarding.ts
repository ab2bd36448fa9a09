import { z } from 'zod';
import { JurisdictionPath } from './common.js';

/**
 * What an agency loads from its own files when it starts: its stations (fire and police stations,
 * as key places), units, staff with their grants, other key places (schools, hospitals …) and
 * its response plans (run cards).
 */
export const ONBOARD_KINDS = ['stations', 'units', 'staff', 'places', 'plans'] as const;
export const OnboardKind = z.enum(ONBOARD_KINDS);
export type OnboardKind = z.infer<typeof OnboardKind>;

/** Text encodings a file may be read in; `auto`: UTF-8 (with or without a BOM), or UTF-16 by its BOM. */
export const ONBOARD_ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'windows-1252', 'iso-8859-1'] as const;
export const OnboardEncoding = z.enum(ONBOARD_ENCODINGS);
export type OnboardEncoding = z.infer<typeof OnboardEncoding>;

/** A yes/no query parameter, no when absent. */
const Flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

/** `POST /onboarding/{kind}`: the file is the request body (CSV, or GeoJSON for stations and places). */
export const OnboardQuery = z.strictObject({
  /** Only say what would be created, left unchanged and rejected (and why): write nothing. */
  dryRun: Flag,
  /** Write the good rows even when some are rejected (without it, one rejected row writes nothing). */
  allowPartial: Flag,
  encoding: OnboardEncoding.default('auto'),
  /** The file's name, kept with the batch; its extension must agree with the content. Default: `upload.csv`, or `upload.geojson` for a JSON content type. */
  file: z.string().trim().min(1).max(200).optional(),
  /** Our columns read from the file's own, `ours=theirs,…` (e.g. `name=program_name_short`). */
  map: z.string().max(2000).optional(),
  /** One value for every row, `column=value,…` (e.g. `category=school`). */
  set: z.string().max(2000).optional(),
  /** Columns we do not know are left alone instead of refusing the file. */
  ignoreExtra: Flag,
});
export type OnboardQuery = z.infer<typeof OnboardQuery>;

/** One row of the file and what happens (or would happen) to it. */
export const OnboardRow = z.object({
  /** The line of a CSV row (the header is line 1), or the 1-based feature number of a GeoJSON file. */
  row: z.number().int(),
  /** The row's natural key: call sign, username, code or name · category · jurisdiction, jurisdiction + type + priority. */
  key: z.string(),
  /** `updated`: the record existed with other values the file may change (a unit's crew and capabilities); the batch keeps the values before. */
  status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  /** A rejected row: the column at fault (absent when the row as a whole is). */
  field: z.string().optional(),
  reason: z.string().optional(),
  /** What was created or updated, or what already holds the key. */
  id: z.string().uuid().optional(),
});
export type OnboardRow = z.infer<typeof OnboardRow>;

/** A staff account created without a password in the file: its one-time password, shown once, never stored in clear. */
export const OnboardSecret = z.object({ username: z.string(), password: z.string() });

export const OnboardReport = z.object({
  kind: OnboardKind,
  file: z.string(),
  dryRun: z.boolean(),
  /** The batch that holds what was created; null on a dry run, or when nothing was written. */
  batchId: z.string().uuid().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** True when rejected rows stopped the whole file (no allowPartial): nothing was written. */
  refused: z.boolean(),
  items: z.array(OnboardRow),
  secrets: z.array(OnboardSecret),
});
export type OnboardReport = z.infer<typeof OnboardReport>;

export const OnboardBatch = z.object({
  id: z.string().uuid(),
  kind: OnboardKind,
  file: z.string(),
  /** Where the batch's records lie (the common ancestor of their jurisdictions): who may list and undo it. */
  scopePath: JurisdictionPath,
  importedAt: z.string().datetime(),
  importedBy: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  undoneAt: z.string().datetime().nullable(),
  undoneBy: z.string().nullable(),
});
export type OnboardBatch = z.infer<typeof OnboardBatch>;
export const OnboardBatchList = z.object({ items: z.array(OnboardBatch) });

/** `POST /onboarding/batches/{id}/undo`: the records removed, and those given back their values from before the batch. */
export const UndoOnboardResult = z.object({ batch: OnboardBatch, removed: z.number().int(), restored: z.number().int() });
export type UndoOnboardResult = z.infer<typeof UndoOnboardResult>;
