import { z } from 'zod';
import { GeoJsonArea, Id, JurisdictionPath, Latitude, Longitude, StoredGeoJsonArea } from './common.js';

/**
 * A level of the organisation's hierarchy is configuration (FIREBREAK_LEVELS), not a fixed list:
 * the schema only checks the form of a key; the server checks it against the configured levels
 * (and that a child sits deeper than its parent), since only it knows them.
 */
export const LEVEL_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const JurisdictionLevel = z.string().regex(LEVEL_KEY_PATTERN, 'a level key: lower-case letters, digits and _, starting with a letter');
/** The levels when FIREBREAK_LEVELS is unset (and the demo country's). */
export const DEFAULT_JURISDICTION_LEVELS = ['national', 'region', 'municipality', 'station'] as const;
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 8;

export const LevelNames = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) });
export type LevelNames = z.infer<typeof LevelNames>;

/** Display names of well-known level keys; others are named in FIREBREAK_LEVEL_NAMES. */
export const BUILT_IN_LEVEL_NAMES: Readonly<Record<string, LevelNames>> = {
  national: { en: 'National', 'zh-CN': '国家级' },
  ministry: { en: 'Ministry', 'zh-CN': '部级' },
  state: { en: 'State', 'zh-CN': '州' },
  province: { en: 'Province', 'zh-CN': '省' },
  region: { en: 'Region', 'zh-CN': '地区' },
  prefecture: { en: 'Prefecture', 'zh-CN': '地级市' },
  city: { en: 'City', 'zh-CN': '市' },
  county: { en: 'County', 'zh-CN': '县' },
  district: { en: 'District', 'zh-CN': '区县' },
  municipality: { en: 'Municipality', 'zh-CN': '市镇' },
  township: { en: 'Township', 'zh-CN': '乡镇' },
  station: { en: 'Station', 'zh-CN': '站所' },
  police_station: { en: 'Police station', 'zh-CN': '派出所' },
  fire_station: { en: 'Fire station', 'zh-CN': '消防站' },
};

/** One configured level: its key (stored on each jurisdiction), its depth (1 = the root) and its names. */
export const LevelInfo = z.object({ key: JurisdictionLevel, depth: z.number().int().min(1).max(MAX_LEVELS), names: LevelNames });
export type LevelInfo = z.infer<typeof LevelInfo>;
/** `GET /jurisdictions/levels`: the deployment's levels, root first. */
export const LevelsResponse = z.array(LevelInfo);

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

/**
 * `GET /jurisdictions/names?paths=a,b`: what the web shows for paths it meets outside the caller's
 * tree (an issuer above, a neighbour lending a unit) — names are no secret, paths are no words.
 */
export const JurisdictionNamesQuery = z.strictObject({
  paths: z
    .string()
    .max(40_000)
    .transform((s) => [...new Set(s.split(',').map((p) => p.trim()).filter(Boolean))])
    .pipe(z.array(JurisdictionPath).min(1).max(200)),
});
export const JurisdictionName = z.object({
  path: JurisdictionPath,
  name: z.string(),
  /** The name in other languages (OSM `name:<lang>`), as on `Jurisdiction`. */
  names: z.record(z.string(), z.string()),
  /** The parent's name, for telling apart two jurisdictions of the same name; null at the root. */
  parent: z.object({ name: z.string(), names: z.record(z.string(), z.string()) }).nullable(),
  /** Another jurisdiction of the deployment has the same name: show the parent beside it. */
  ambiguous: z.boolean(),
});
export type JurisdictionName = z.infer<typeof JurisdictionName>;

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
