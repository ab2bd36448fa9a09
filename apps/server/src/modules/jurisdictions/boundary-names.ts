/**
 * Chinese names for boundaries OSM left without one. Administrative boundary relations rarely carry
 * `name:zh` (none of Liechtenstein's do), while the place node at their centre often does
 * (`place=town` Vaduz has `name:zh`); a zh-CN screen would otherwise show every jurisdiction in Latin
 * letters. The relation's own tags always win; then its `label` node (a label point of this very
 * area); then its `admin_centre` node, but only when that node bears the boundary's own name: a
 * country's admin_centre is its capital (Liechtenstein's is Vaduz), whose name is not the country's.
 */

/** The Chinese name keys the web reads (`localName`: mainland forms first), as `names` keys (the tag less `name:`). */
export const ZH_NAME_KEYS = ['zh-CN', 'zh-Hans', 'zh'] as const;

/** The node member roles that may lend a boundary their names. */
export const PLACE_ROLES = new Set(['label', 'admin_centre']);

export interface PlaceMember { ref: number; role: string }

/** `names` (the relation's, keyed without `name:`) has a Chinese name the web would show. */
export function hasZhName(names: Record<string, string>): boolean {
  return ZH_NAME_KEYS.some((k) => Boolean(names[k]));
}

/**
 * The boundary's names with the Chinese ones of its label or same-named admin_centre node added
 * when it has none. `nodeTags`: the tags of the member nodes the file holds (an extract may cut them off).
 */
export function withPlaceZhNames(
  names: Record<string, string>,
  boundaryName: string,
  members: readonly PlaceMember[],
  nodeTags: ReadonlyMap<number, Record<string, string>>,
): Record<string, string> {
  if (hasZhName(names)) return names;
  const candidates = [...members.filter((m) => m.role === 'label'), ...members.filter((m) => m.role === 'admin_centre')];
  for (const m of candidates) {
    const tags = nodeTags.get(m.ref);
    if (!tags) continue;
    if (m.role === 'admin_centre' && tags.name !== boundaryName) continue;
    const zh = Object.fromEntries(ZH_NAME_KEYS.filter((k) => tags[`name:${k}`]).map((k) => [k, tags[`name:${k}`]!]));
    if (Object.keys(zh).length > 0) return { ...names, ...zh };
  }
  return names;
}
