import type { ImportSummary } from './import-osm.js';

/** The CLI's account of an OSM boundary import, one line each. */
export function describeOsmImport(s: ImportSummary): string[] {
  const lines = [`Imported: ${s.created} created, ${s.updated} updated, roots: ${s.roots.join(', ') || '(none)'}`];
  if (s.extractRoot) lines.push(`  root ${s.extractRoot.path} (${s.extractRoot.name}) ${s.extractRoot.created ? 'made' : 'refreshed'} from the extract's area: the file has no national boundary`);
  for (const c of s.clipped) {
    lines.push(`  repaired ${c.name} (relation ${c.osmId}): clipped by the extract (${c.missingWays} member ways missing), closed along its bounds over ${formatMetres(c.replacedM)} (inside told by ${c.decidedBy})`);
  }
  for (const x of s.excluded) lines.push(`  excluded ${x.name} (relation ${x.osmId}): ${x.reason}`);
  for (const x of s.skipped) lines.push(`  skipped ${x.name} (relation ${x.osmId}): ${x.reason}`);
  return lines;
}

function formatMetres(m: number): string {
  return m >= 10_000 ? `${(m / 1000).toFixed(1)} km` : `${m} m`;
}
