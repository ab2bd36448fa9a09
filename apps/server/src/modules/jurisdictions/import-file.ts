import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext, CommandDeps } from '../../platform/command.js';
import { importAdminBoundaries, type ImportSummary } from './import-osm.js';
import { readAdminBoundaries, type ReadProgress } from './osm-boundaries.js';

/** The bundled demo country: Liechtenstein, © OpenStreetMap contributors (ODbL 1.0). */
export const DEMO_PBF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/osm/liechtenstein.osm.pbf');
export const DEMO_COUNTRY_CODE = 'li';

/** Reads an OSM PBF file and builds or refreshes the jurisdiction tree from its boundaries. */
export async function importOsmFile(
  deps: CommandDeps,
  ctx: CommandContext,
  file: string,
  opts: { countryCode?: string; onProgress?: (p: ReadProgress) => void } = {},
): Promise<ImportSummary> {
  const boundaries = await readAdminBoundaries(file, { onProgress: opts.onProgress });
  return importAdminBoundaries(deps, ctx, boundaries, { countryCode: opts.countryCode });
}
