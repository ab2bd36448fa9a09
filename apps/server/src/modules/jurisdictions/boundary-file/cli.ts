import type { BoundaryImportReport } from '@firebreak/contracts';
import type { Command } from 'commander';
import type { Platform } from '../../../platform/kernel.js';
import { importBoundaryFile } from './import-boundaries.js';
import { mapFeatures } from './plan.js';
import { loadSourceFile, readBoundaryFile } from './read-file.js';

/** Exit code when features were rejected (nothing written without --allow-partial; the rejected ones left out with it). */
export const BOUNDARY_REJECTED_EXIT = 3;

type WithPlatform = <T>(job: (p: Platform) => Promise<T>) => Promise<T>;

interface Flags {
  nameField: string;
  codeField: string;
  parentField?: string;
  parentPath?: string;
  level?: string;
  levelField?: string;
  layer?: string;
  encoding?: string;
  dryRun?: boolean;
  allowPartial?: boolean;
}

/** `firebreak import boundaries <file>`: the wiring lives here so that main.ts only registers it. */
export function registerBoundaryImport(importCommand: Command, withPlatform: WithPlatform, say: (line: string) => void): void {
  importCommand
    .command('boundaries <file>')
    .description('build or refresh jurisdictions (e.g. police-station areas) from an agency\'s boundary file: GeoJSON (.geojson/.json), a Shapefile (.shp with .dbf/.prj/.cpg beside it, or a .zip of them) or a GeoPackage (.gpkg); matched by code, so a re-run updates in place')
    .requiredOption('--name-field <attr>', 'attribute holding the area\'s name')
    .requiredOption('--code-field <attr>', 'attribute holding the agency\'s unique code for the area (stored; a re-import matches on it)')
    .option('--parent-field <attr>', 'attribute holding the parent: a code in the file, a stored jurisdiction\'s code, or a path such as li.oberland.vaduz')
    .option('--parent-path <path>', 'parent of the features with no parent value, e.g. li.oberland.vaduz')
    .option('--level <level>', 'level of every imported area, one of FIREBREAK_LEVELS (default: the level below its parent\'s)')
    .option('--level-field <attr>', 'attribute holding each area\'s level (over --level)')
    .option('--layer <name>', 'the GeoPackage layer, or the Shapefile in a .zip, when there are several')
    .option('--encoding <label>', 'text encoding of a Shapefile\'s attributes, e.g. gb18030 or windows-1252 (default: the .cpg, else detected)')
    .option('--dry-run', 'check only: say per feature what would be created, updated or rejected and why; write nothing')
    .option('--allow-partial', 'import the features that fit even when others are rejected (without it one rejection imports nothing)')
    .action(async (file: string, flags: Flags) => {
      const src = await loadSourceFile(file);
      // Read once before the database opens: a file that is not what its name says, or a mapping
      // to attributes it lacks, fails at once.
      mapFeatures((await readBoundaryFile(src, flags)).features, flags);
      const report = await withPlatform((p) => importBoundaryFile(p.command, { actor: null, actorName: 'cli', requestId: null }, src, flags, p.config.levels));
      for (const line of describeBoundaryImport(report, flags)) say(line);
      if (report.rejected > 0) process.exitCode = BOUNDARY_REJECTED_EXIT;
    });
}

/** The console report: what was read, then one line per feature, then the figures and what to do. */
export function describeBoundaryImport(r: BoundaryImportReport, flags: { dryRun?: boolean | undefined; allowPartial?: boolean | undefined }): string[] {
  const read = `${r.file} (${r.format}${r.layer ? `, layer ${r.layer}` : ''}${r.srid !== 4326 ? `, EPSG:${r.srid}` : ''}${r.encoding ? `, ${r.encoding}` : ''})`;
  const out = [flags.dryRun ? `Dry run of ${read}: nothing written` : r.written ? `Imported ${read}` : `Nothing imported from ${read}`];
  for (const n of r.notes) out.push(`  ${n}`);
  const would = r.written ? '' : 'would be ';
  for (const f of r.features) {
    const who = `#${f.index} ${f.code ?? '(no code)'} ${f.name ?? '(no name)'}`;
    if (f.outcome === 'rejected') out.push(`  rejected  ${who}: ${f.reason}`);
    else out.push(`  ${f.outcome.padEnd(9)} ${who} -> ${f.path}${f.clippedM2 > 0 ? ` (${f.clippedM2.toLocaleString('en')} m² cut off within the 50 m tolerance)` : ''}`);
  }
  out.push(`${r.created} ${would}created, ${r.updated} ${would}updated, ${r.unchanged} unchanged, ${r.rejected} rejected`);
  if (r.rejected > 0 && !flags.allowPartial) out.push(flags.dryRun ? 'The import would stop here: fix the features above, or pass --allow-partial to import the rest' : 'Nothing imported: fix the features above, or pass --allow-partial to import the rest');
  return out;
}
