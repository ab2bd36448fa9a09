import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext, CommandDeps } from '../../platform/command.js';
import type { GeoJsonArea } from '@firebreak/contracts';
import { readExtractBounds } from './extract-bounds.js';
import { importAdminBoundaries, type ImportSummary } from './import-osm.js';
import { readAdminBoundaries, type ReadProgress } from './osm-boundaries.js';

/** The bundled demo country: Liechtenstein, © OpenStreetMap contributors (ODbL 1.0). */
export const DEMO_PBF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/osm/liechtenstein.osm.pbf');
export const DEMO_COUNTRY_CODE = 'li';

export interface ImportOsmFileOptions {
  countryCode?: string | undefined;
  /** The area of interest (extract-bounds.ts `parseWithin`): boundaries wholly outside it are left out. */
  within?: GeoJsonArea | undefined;
  /** Name of the root made from the extract when it holds no national boundary. */
  rootName?: string | undefined;
  onProgress?: (p: ReadProgress) => void;
}

/**
 * Reads an OSM PBF file and builds or refreshes the jurisdiction tree from its boundaries. The
 * extract's bounds let boundaries it cut be closed along them, and give a file without a national
 * boundary its root.
 */
export async function importOsmFile(deps: CommandDeps, ctx: CommandContext, file: string, opts: ImportOsmFileOptions = {}): Promise<ImportSummary> {
  const boundaries = await readAdminBoundaries(file, { onProgress: opts.onProgress });
  const { area: bounds } = await readExtractBounds(file);
  return importAdminBoundaries(deps, ctx, boundaries, { countryCode: opts.countryCode, rootName: opts.rootName, within: opts.within, bounds });
}
