import type { Campaign, CoverageCounts, CoverageNodeShape, PlaceCategory } from '@firebreak/contracts';
import { escapeHtml as escape, PRINT_STYLE } from '../../platform/http/html.js';
import type { CoverageReportSpeech } from './report-words.js';

/** A self-contained printable page in the reader's language and zone: the campaign, then coverage by jurisdiction (by name) and category. */
export function coverageHtml(campaign: Campaign, root: CoverageNodeShape, generatedAt: Date, s: CoverageReportSpeech): string {
  const { w, number: n } = s;
  const pct = (c: CoverageCounts) => (c.total === 0 ? '–' : `${n((100 * c.inspected) / c.total, 1)} %`);
  const categoryName = (c: string) => w.category[c as PlaceCategory] ?? c;
  const categories = [...new Set(Object.keys(root.byCategory))].sort();
  const rows: string[] = [];
  const walk = (node: CoverageNodeShape, depth: number) => {
    const cells = categories.map((c) => {
      const x = node.byCategory[c];
      return `<td>${x ? `${n(x.inspected)}/${n(x.total)}` : ''}</td>`;
    });
    rows.push(`<tr><td style="padding-left:${depth * 1.2}em">${escape(s.place(node.path, node.name))}</td><td>${n(node.total)}</td><td>${n(node.inspected)}</td><td>${n(node.missed)}</td><td>${pct(node)}</td>${cells.join('')}</tr>`);
    node.children.forEach((c) => walk(c, depth + 1));
  };
  walk(root, 0);
  const facts = w.facts({
    issuer: s.place(campaign.issuerPath), categories: campaign.categories.map(categoryName).join(s.lang === 'zh-CN' ? '、' : ', '),
    from: s.day(campaign.startsAt), to: s.day(campaign.endsAt), due: s.day(campaign.dueAt), missed: s.day(campaign.missedAt),
  });
  const summary = w.summary({
    where: s.place(root.path, root.name), inspected: n(root.inspected), total: n(root.total), percent: pct(root), missed: n(root.missed), generated: s.date(generatedAt),
  });
  const h = w.heads;
  return `<!doctype html>
<html lang="${s.lang}"><head><meta charset="utf-8"><title>${escape(campaign.title)} — ${escape(w.coverageTitle)}</title>
<style>
${PRINT_STYLE}
</style></head><body>
<h1>${escape(campaign.title)}</h1>
<p>${escape(facts)}</p>
<p>${escape(summary)}</p>
<table><thead><tr>${[h.jurisdiction, h.inScope, h.inspected, h.missed, h.coverage, ...categories.map(categoryName)].map((x) => `<th>${escape(x)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</body></html>
`;
}
