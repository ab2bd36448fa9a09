import { z } from 'zod';
import { LevelsResponse } from './jurisdictions.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').default(false);

/** `GET /setup/status`: is this a fresh deployment (first run without the demo) still to be set up? */
export const SetupStatus = z.object({
  /** No jurisdiction but the bare root a first start makes, and no units. */
  empty: z.boolean(),
  demo: z.boolean(),
  levels: LevelsResponse,
  /** The roots of the tree (a fresh deployment: the bare root). */
  roots: z.array(z.object({ path: z.string(), name: z.string(), hasBoundary: z.boolean() })),
  units: z.number().int(),
  jurisdictions: z.number().int(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

/** `POST /setup/osm-import`: the .osm.pbf file is the body; the CLI's `import osm` options in the query. */
export const SetupOsmQuery = z.strictObject({
  /** Label of the root (and the admin_level preset: us, cn, de, fr, li, …). */
  countryCode: z.string().trim().regex(/^[a-z]{2,3}$/i, 'two or three letters, e.g. us').optional(),
  /** `2:national,4:province,…` over the country's preset. */
  levels: z.string().trim().min(1).max(200).optional(),
  /** Name of the root made from the extract when it holds no national boundary. */
  rootName: z.string().trim().min(1).max(120).optional(),
  dryRun: flag,
});
export type SetupOsmQuery = z.infer<typeof SetupOsmQuery>;

const Named = z.object({ osmId: z.number(), name: z.string(), reason: z.string() });

export const SetupOsmReport = z.object({
  dryRun: z.boolean(),
  /** Which OSM admin_levels became which configured levels, and why (`source`). */
  mapping: z.object({ source: z.string(), levels: z.array(z.object({ adminLevel: z.number().int(), level: z.string() })) }),
  /** admin_levels in the file that no level takes: not imported. */
  unmapped: z.array(z.object({ adminLevel: z.number().int(), count: z.number().int(), names: z.array(z.string()) })),
  created: z.number().int(),
  updated: z.number().int(),
  roots: z.array(z.string()),
  extractRoot: z.object({ path: z.string(), name: z.string(), created: z.boolean() }).nullable(),
  /** Boundaries the extract cut, closed along its bounds: how many metres, and what told inside from outside. */
  repaired: z.array(z.object({ osmId: z.number(), name: z.string(), missingWays: z.number().int(), replacedM: z.number(), decidedBy: z.string() })),
  excluded: z.array(Named),
  skipped: z.array(Named),
  /** Key places (schools, fuel stations, …) in the file; a dry run only counts them. */
  keyPlaces: z.object({ found: z.number().int(), created: z.number().int().nullable(), updated: z.number().int().nullable(), outside: z.number().int().nullable() }),
  /** The tree as the import leaves it (a dry run: would leave it), boundaries simplified for a map. */
  preview: z.array(z.object({
    path: z.string(), name: z.string(), level: z.string(), parentPath: z.string().nullable(), osmId: z.number().nullable(), repaired: z.boolean(), boundary: z.unknown(),
  })),
});
export type SetupOsmReport = z.infer<typeof SetupOsmReport>;
