import type { Place } from '@firebreak/contracts';
import { isGeneratedPlaceName } from '../../api/enums';
import type { JurisdictionNode } from '../../api/queries';

/** path -> name for every jurisdiction of my tree: screens show names, never paths. */
export function namesByPath(nodes: readonly JurisdictionNode[], out = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    out.set(n.path, n.name);
    namesByPath(n.children, out);
  }
  return out;
}

/** A jurisdiction's name with its parent's ("Vaduz · Oberland"); the path's last label only if the tree lacks it. */
export function jurisdictionLabel(path: string | null, names: ReadonlyMap<string, string>): string {
  if (!path) return '';
  const own = names.get(path) ?? path.split('.').at(-1)!;
  const parent = path.includes('.') ? names.get(path.slice(0, path.lastIndexOf('.'))) : undefined;
  return parent ? `${own} · ${parent}` : own;
}

/**
 * A key place as people can tell it apart: its name, or for one OSM left unnamed (the importer's
 * "fuel station (OSM node …)") its category and where it is, never the generated English name.
 */
export function placeLabel(p: Pick<Place, 'name' | 'category' | 'location'>, categoryName: (category: string) => string, unnamed: (category: string, at: string) => string): string {
  if (!isGeneratedPlaceName(p.name)) return p.name;
  return unnamed(categoryName(p.category), `${p.location[1].toFixed(4)}, ${p.location[0].toFixed(4)}`);
}
