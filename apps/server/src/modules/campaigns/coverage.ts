import type { CoverageCounts, CoverageNodeShape } from '@firebreak/contracts';

export interface CounterRow extends CoverageCounts {
  path: string;
  category: string;
  /** The counts are of places below `path` (folded in by a depth cut), not at it. */
  folded?: boolean;
}

const zero = (): CoverageCounts => ({ total: 0, inspected: 0, missed: 0 });
const add = (into: CoverageCounts, c: CoverageCounts) => {
  into.total += c.total;
  into.inspected += c.inspected;
  into.missed += c.missed;
};

/**
 * Rolls counters up the tree under `rootPath`: each node holds its own places, the places folded
 * below it, and the sum of its children, in total and by category. `names` gives the
 * jurisdictions of the subtree; nodes without any places in scope are left out.
 */
export function rollUp(rootPath: string, counters: CounterRow[], names: Map<string, string>): CoverageNodeShape {
  const nodes = new Map<string, CoverageNodeShape>();
  const nodeAt = (path: string): CoverageNodeShape => {
    let n = nodes.get(path);
    if (!n) {
      n = { path, name: names.get(path) ?? path, ...zero(), own: zero(), below: zero(), byCategory: {}, children: [] };
      nodes.set(path, n);
      if (path !== rootPath) nodeAt(path.slice(0, path.lastIndexOf('.'))).children.push(n);
    }
    return n;
  };
  nodeAt(rootPath);
  for (const c of counters) {
    add(c.folded ? nodeAt(c.path).below : nodeAt(c.path).own, c);
    for (let p = c.path; ; p = p.slice(0, p.lastIndexOf('.'))) {
      const n = nodeAt(p);
      add(n, c);
      add((n.byCategory[c.category] ??= zero()), c);
      if (p === rootPath) break;
    }
  }
  for (const n of nodes.values()) n.children.sort((a, b) => a.path.localeCompare(b.path));
  return nodes.get(rootPath)!;
}
