/** A jurisdiction tree as the API answers it (only what the walk reads). */
export interface TreeNode { id: string; children: TreeNode[] }

/**
 * The ids of the jurisdictions below the roots down to `depth` levels, depth first, so that with the roots there are at
 * most `limit`: the overlay's boundaries beside the roots' own (which the first view needs first, on their own).
 */
export function idsBelowRoots(roots: readonly TreeNode[], depth: number, limit: number): string[] {
  const ids: string[] = [];
  const room = limit - roots.length;
  const walk = (nodes: readonly TreeNode[], level: number) => {
    for (const n of nodes) {
      if (ids.length >= room) return;
      ids.push(n.id);
      if (level < depth) walk(n.children, level + 1);
    }
  };
  for (const r of roots) walk(r.children, 1);
  return ids;
}
