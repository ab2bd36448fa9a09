import { z } from 'zod';
import { Id, isTimeZone, JurisdictionPath } from './common.js';
import { IncidentType, Priority } from './incidents.js';

/** The wall-clock time formats a CAD export mapping may name. */
export const TIME_FORMATS = ['MM/DD/YYYY hh:mm:ss A', 'YYYY-MM-DD HH:mm:ss', 'ISO 8601'] as const;

const Column = z.string().trim().min(1).max(200);

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
    /** A "(lat, lon)" or "lat, lon" text column; else `latitude` and `longitude`. */
    location: Column.optional(),
    latitude: Column.optional(),
    longitude: Column.optional(),
    unit: Column,
    unitType: Column.optional(),
    sequence: Column.optional(),
    dispatchedAt: Column,
    respondedAt: Column.optional(),
    onSceneAt: Column.optional(),
    clearedAt: Column.optional(),
  }).refine((c) => c.location !== undefined || (c.latitude !== undefined && c.longitude !== undefined), { message: 'name location, or latitude and longitude' }),
  /** Call type text -> incident type; anything else becomes `defaultType`. */
  types: z.record(z.string(), IncidentType).default({}),
  defaultType: IncidentType.default('other'),
  /** Priority text -> P1-P4; anything else becomes `defaultPriority`. */
  priorities: z.record(z.string(), Priority).default({}),
  defaultPriority: Priority.default('P3'),
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
});
export type ImportCallsBody = z.infer<typeof ImportCallsBody>;

export const CallsImportSummary = z.object({
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
  /** Rows left out, with their line and why (at most the first 1,000). */
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type CallsImportSummary = z.infer<typeof CallsImportSummary>;
