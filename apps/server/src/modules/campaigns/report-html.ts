import type { Campaign, CoverageCounts, CoverageNodeShape } from '@firebreak/contracts';
import { escapeHtml as escape, PRINT_STYLE } from '../../platform/http/html.js';

const pct = (c: CoverageCounts) => (c.total === 0 ? '–' : `${((100 * c.inspected) / c.total).toFixed(1)} %`);

/** A self-contained printable page: the campaign, then coverage by jurisdiction and category. */
export function coverageHtml(campaign: Campaign, root: CoverageNodeShape, generatedAt: Date): string {
  const categories = [...new Set(Object.keys(root.byCategory))].sort();
  const rows: string[] = [];
  const walk = (n: CoverageNodeShape, depth: number) => {
    const cells = categories.map((c) => {
      const x = n.byCategory[c];
      return `<td>${x ? `${x.inspected}/${x.total}` : ''}</td>`;
    });
    rows.push(`<tr><td style="padding-left:${depth * 1.2}em">${escape(n.name)} <small>${escape(n.path)}</small></td><td>${n.total}</td><td>${n.inspected}</td><td>${n.missed}</td><td>${pct(n)}</td>${cells.join('')}</tr>`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(root, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(campaign.title)} — coverage</title>
<style>
${PRINT_STYLE}
</style></head><body>
<h1>${escape(campaign.title)}</h1>
<p>Issued by ${escape(campaign.issuerPath)} · categories: ${campaign.categories.map(escape).join(', ')} · period ${campaign.startsAt.slice(0, 10)} – ${campaign.endsAt.slice(0, 10)} · due ${campaign.dueAt.slice(0, 10)} · missed after ${campaign.missedAt.slice(0, 10)}</p>
<p>Coverage of ${escape(root.name)}: ${root.inspected} of ${root.total} places inspected (${pct(root)}), ${root.missed} missed. Generated ${generatedAt.toISOString()}.</p>
<table><thead><tr><th>Jurisdiction</th><th>In scope</th><th>Inspected</th><th>Missed</th><th>Coverage</th>${categories.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</body></html>
`;
}
