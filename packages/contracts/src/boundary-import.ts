import { z } from 'zod';
import { JurisdictionLevel } from './jurisdictions.js';
import { JurisdictionPath } from './common.js';

const FieldName = z.string().trim().min(1).max(100);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true').default(false);

/**
 * `POST /jurisdictions/boundary-imports`: the file is the request body (application/octet-stream,
 * or the format's own type); what its columns mean comes in the query, as the CLI's options.
 */
export const BoundaryImportQuery = z.strictObject({
  /** The file's name: its extension says the format (.geojson/.json, .zip of a Shapefile, .gpkg). */
  filename: z.string().trim().min(1).max(200).regex(/\.(geojson|json|zip|gpkg)$/i, 'a .geojson, .json, .zip (Shapefile) or .gpkg file'),
  nameField: FieldName,
  codeField: FieldName,
  /** The parent's code (in the file, or stored), or a stored jurisdiction's path. */
  parentField: FieldName.optional(),
  /** The parent of features without a parent value; also the scope the caller must administer. */
  parentPath: JurisdictionPath,
  level: JurisdictionLevel.optional(),
  levelField: FieldName.optional(),
  layer: z.string().trim().min(1).max(200).optional(),
  /** Text encoding of a Shapefile's attributes (e.g. gb18030), over its .cpg and detection. */
  encoding: z.string().trim().min(1).max(40).optional(),
  /** Check only: say what would be created, updated and rejected; write nothing. */
  dryRun: flag,
  /** Import the features that fit even when others are rejected (else a rejection imports nothing). */
  allowPartial: flag,
});
export type BoundaryImportQuery = z.infer<typeof BoundaryImportQuery>;

export const BoundaryFeatureOutcome = z.object({
  /** 1-based position of the feature in the file. */
  index: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  /** Where it is (or would be) in the tree; null when rejected before a place was found. */
  path: z.string().nullable(),
  reason: z.string().nullable(),
  /** Square metres cut off within the 50 m tolerance to keep it inside its parent and off its siblings. */
  clippedM2: z.number(),
});
export type BoundaryFeatureOutcome = z.infer<typeof BoundaryFeatureOutcome>;

export const BoundaryImportReport = z.object({
  file: z.string(),
  format: z.enum(['geojson', 'shapefile', 'geopackage']),
  layer: z.string().nullable(),
  /** EPSG code the file's geometries were read in. */
  srid: z.number().int(),
  /** A Shapefile's attribute encoding and how it was decided. */
  encoding: z.string().nullable(),
  /** Nothing was written: a dry run, or rejections without allowPartial. */
  dryRun: z.boolean(),
  written: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  notes: z.array(z.string()),
  features: z.array(BoundaryFeatureOutcome),
});
export type BoundaryImportReport = z.infer<typeof BoundaryImportReport>;
