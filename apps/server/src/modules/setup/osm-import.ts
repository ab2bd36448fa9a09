import type { SetupOsmReport } from '@firebreak/contracts';
import type { CommandContext, CommandDeps } from '../../platform/command.js';
import { importOsmFile, previewTree } from '../jurisdictions/index.js';
import { countOsmPlacesFile, importOsmPlacesFile } from '../places/index.js';

export interface SetupOsmOptions {
  countryCode?: string | undefined;
  levelsOption?: string | undefined;
  rootName?: string | undefined;
  levels: readonly string[];
  dryRun: boolean;
}

/**
 * `firebreak import osm` for the first-run wizard: the boundaries (clipped ones repaired, a root
 * made from the extract's bounds when it has no national boundary), then its key places. A dry
 * run does the boundary import in a transaction that is rolled back, and only counts the places
 * (they are placed in jurisdictions that do not exist yet).
 */
export async function setupFromOsm(deps: CommandDeps, ctx: CommandContext, file: string, opts: SetupOsmOptions): Promise<SetupOsmReport> {
  const summary = await importOsmFile(deps, ctx, file, {
    countryCode: opts.countryCode, levels: opts.levels, levelsOption: opts.levelsOption, rootName: opts.rootName, dryRun: opts.dryRun,
  });
  let keyPlaces: SetupOsmReport['keyPlaces'];
  if (opts.dryRun) {
    keyPlaces = { found: await countOsmPlacesFile(file), created: null, updated: null, outside: null };
  } else {
    const p = await importOsmPlacesFile(deps, ctx, file);
    keyPlaces = { found: p.created + p.updated + p.unchanged + p.outside, created: p.created, updated: p.updated, outside: p.outside };
  }
  const repairedIds = new Set(summary.clipped.map((c) => c.osmId));
  return {
    dryRun: opts.dryRun,
    mapping: { source: summary.mapping.source, levels: [...summary.mapping.byAdminLevel].sort((a, b) => a[0] - b[0]).map(([adminLevel, level]) => ({ adminLevel, level })) },
    unmapped: summary.unmapped,
    created: summary.created,
    updated: summary.updated,
    roots: summary.roots,
    extractRoot: summary.extractRoot,
    repaired: summary.clipped.map((c) => ({ osmId: c.osmId, name: c.name, missingWays: c.missingWays, replacedM: c.replacedM, decidedBy: c.decidedBy })),
    excluded: summary.excluded,
    skipped: summary.skipped,
    keyPlaces,
    preview: summary.preview ?? await previewTree(deps.db, summary.roots, repairedIds),
  };
}
