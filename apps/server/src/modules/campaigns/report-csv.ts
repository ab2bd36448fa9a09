import type { CoverageCounts, CoverageNodeShape } from '@firebreak/contracts';

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const percent = (c: CoverageCounts) => (c.total === 0 ? '' : ((100 * c.inspected) / c.total).toFixed(1));

/** One line per jurisdiction of the roll-up and category ("all" first), depth-first. */
export function coverageCsv(root: CoverageNodeShape): string {
  const lines = [['jurisdiction_path', 'jurisdiction', 'category', 'in_scope', 'inspected', 'missed', 'pending', 'coverage_percent'].join(',')];
  const line = (n: CoverageNodeShape, category: string, c: CoverageCounts) =>
    lines.push([n.path, n.name, category, c.total, c.inspected, c.missed, c.total - c.inspected - c.missed, percent(c)].map(csvField).join(','));
  const walk = (n: CoverageNodeShape) => {
    line(n, 'all', n);
    for (const [category, c] of Object.entries(n.byCategory).sort(([a], [b]) => a.localeCompare(b))) line(n, category, c);
    n.children.forEach(walk);
  };
  walk(root);
  return `${lines.join('\r\n')}\r\n`;
}
