import { z } from 'zod';
import { GeoJsonArea, Id, JurisdictionPath, Latitude, Longitude, StoredGeoJsonArea } from './common.js';

export const JURISDICTION_LEVELS = ['national', 'region', 'municipality', 'station'] as const;
export const JurisdictionLevel = z.enum(JURISDICTION_LEVELS);

export const Jurisdiction = z.object({
  id: Id,
  parentId: Id.nullable(),
  path: JurisdictionPath,
  name: z.string(),
  names: z.record(z.string(), z.string()),
  level: JurisdictionLevel,
  osmId: z.number().int().nullable(),
  /** The agency's own code for the area (boundary files, `import boundaries`); null when none was given. */
  code: z.string().nullable(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const JurisdictionDetail = Jurisdiction.extend({
  boundary: StoredGeoJsonArea.nullable(),
  areaKm2: z.number().nullable(),
});

export const JurisdictionNode: z.ZodType<Jurisdiction & { children: unknown[] }> = Jurisdiction.extend({
  get children() {
    return z.array(JurisdictionNode);
  },
});

export const LookupQuery = z.strictObject({
  lon: z.coerce.number().pipe(Longitude),
  lat: z.coerce.number().pipe(Latitude),
});

export const CreateJurisdictionBody = z.strictObject({
  parentId: Id,
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9_]{1,63}$/, 'lower-case letters, digits and _')
    .optional(),
  level: JurisdictionLevel,
  boundary: GeoJsonArea.optional(),
});
export type CreateJurisdictionBody = z.infer<typeof CreateJurisdictionBody>;

export const UpdateJurisdictionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    boundary: GeoJsonArea.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'at least one field is required');
