import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_JURISDICTION_LEVELS, type GeoJsonArea } from '@firebreak/contracts';
import type { CommandContext, CommandDeps } from '../../platform/command.js';
import { ALL_ADMIN_LEVELS, mapAdminLevels, parseLevelsOption, unmappedLevels, type AdminLevelMapping, type UnmappedLevel } from './admin-levels.js';
import { readExtractBounds } from './extract-bounds.js';
import { importAdminBoundaries, type ImportSummary } from './import-osm.js';
import { DEMO_JURISDICTION_NAMES } from './demo-names.js';
import { readAdminBoundaries, type ReadProgress } from './osm-boundaries.js';

/** The bundled demo country: Liechtenstein, © OpenStreetMap contributors (ODbL 1.0). */
export const DEMO_PBF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/osm/liechtenstein.osm.pbf');
export const DEMO_COUNTRY_CODE = 'li';

export interface ImportOsmFileOptions {
  countryCode?: string | undefined;
  /** The configured levels (FIREBREAK_LEVELS), root first. */
  levels?: readonly string[];
  /** `--levels 2:national,4:province,…`: over the country's preset. */
  levelsOption?: string | undefined;
  /** The area of interest (extract-bounds.ts `parseWithin`): boundaries wholly outside it are left out. */
  within?: GeoJsonArea | undefined;
  /** Name of the root made from the extract when it holds no national boundary. */
  rootName?: string | undefined;
  /** Write nothing: answer what the import would do, with a preview of the tree (import-osm.ts). */
  dryRun?: boolean | undefined;
  onProgress?: (p: ReadProgress) => void;
  /**
   * Names by OSM relation id laid under the file's own. Default: the demo country's Chinese names (demo-names.ts),
   * keyed by relation ids OSM keeps stable, so any import holding those boundaries (the bundled demo, a re-import of
   * it from the CLI, a newer Liechtenstein extract) keeps them, and others are untouched.
   */
  names?: ReadonlyMap<number, Readonly<Record<string, string>>> | undefined;
}

export interface OsmImportSummary extends ImportSummary {
  /** Which admin_levels became which levels, and why. */
  mapping: AdminLevelMapping;
  /** admin_levels present in the file that became no jurisdiction. */
  unmapped: UnmappedLevel[];
}

/**
 * Reads an OSM PBF file and builds or refreshes the jurisdiction tree from its boundaries, each
 * admin_level laid onto a configured level (admin-levels.ts; `levelsOption` is `--levels`). The
 * extract's bounds let boundaries it cut be closed along them, and give a file without a national
 * boundary its root.
 */
export async function importOsmFile(
  deps: CommandDeps,
  ctx: CommandContext,
  file: string,
  opts: ImportOsmFileOptions = {},
): Promise<OsmImportSummary> {
  const levels = opts.levels ?? DEFAULT_JURISDICTION_LEVELS;
  // Checked before the file is read: a typo should not cost a pass over a country's extract.
  const override = opts.levelsOption === undefined ? undefined : parseLevelsOption(opts.levelsOption, levels);
  const all = await readAdminBoundaries(file, { adminLevels: [...ALL_ADMIN_LEVELS], onProgress: opts.onProgress });
  const extraNames = opts.names ?? DEMO_JURISDICTION_NAMES;
  const mapping = mapAdminLevels({ levels, countryCode: opts.countryCode, present: all.map((b) => b.adminLevel), override });
  const boundaries = all.filter((b) => mapping.byAdminLevel.has(b.adminLevel))
    .map((b) => (extraNames.has(b.osmId) ? { ...b, names: { ...extraNames.get(b.osmId), ...b.names } } : b));
  const { area: bounds } = await readExtractBounds(file);
  const summary = await importAdminBoundaries(deps, ctx, boundaries, {
    countryCode: opts.countryCode, rootName: opts.rootName, within: opts.within, bounds, dryRun: opts.dryRun,
    levelOf: (a) => mapping.byAdminLevel.get(a)!, rootLevel: levels[0]!,
  });
  return { ...summary, mapping, unmapped: unmappedLevels(all, mapping) };
}
