import type { CoverageCounts, CoverageNodeShape } from '@firebreak/contracts';
import type { CoverageReportSpeech } from './report-words.js';

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const percent = (c: CoverageCounts) => (c.total === 0 ? '' : ((100 * c.inspected) / c.total).toFixed(1));

/**
 * One line per jurisdiction of the roll-up and category ("all" first), depth-first. The header and the
 * jurisdiction's name are the reader's; the path, the category's key and the numbers stay as they are,
 * so a spreadsheet joins on them in any language.
 */
export function coverageCsv(root: CoverageNodeShape, s: CoverageReportSpeech): string {
  const h = s.w.columns;
  const lines = [[h.path, h.name, h.category, h.inScope, h.inspected, h.missed, h.pending, h.percent].map(csvField).join(',')];
  const line = (n: CoverageNodeShape, category: string, c: CoverageCounts) =>
    lines.push([n.path, s.place(n.path, n.name), category, c.total, c.inspected, c.missed, c.total - c.inspected - c.missed, percent(c)].map(csvField).join(','));
  const walk = (n: CoverageNodeShape) => {
    line(n, 'all', n);
    for (const [category, c] of Object.entries(n.byCategory).sort(([a], [b]) => a.localeCompare(b))) line(n, category, c);
    n.children.forEach(walk);
  };
  walk(root);
  return `${lines.join('\r\n')}\r\n`;
}
