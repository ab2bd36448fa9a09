import { escapeHtml, PRINT_STYLE } from '../../platform/http/html.js';
import type { ReportRow } from './hazards-report.js';

const cells = (r: ReportRow) => [r.found, r.foundMajor, r.fixed, r.open, r.overdue].map((n) => `<td>${n}</td>`).join('');

/** A self-contained printable page of the hazard report: one row per child jurisdiction, then the total. */
export function hazardReportHtml(
  report: { total: ReportRow; rows: ReportRow[] },
  period: { from: string; to: string },
  generatedAt: Date,
): string {
  const { total } = report;
  const rows = report.rows.map((r) => `<tr><td>${escapeHtml(r.name)} <small>${escapeHtml(r.jurisdictionPath)}</small></td>${cells(r)}</tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hazards — ${escapeHtml(total.name)}</title>
<style>
${PRINT_STYLE}
</style></head><body>
<h1>Hazards — ${escapeHtml(total.name)}</h1>
<p>Found and fixed between ${escapeHtml(period.from)} and ${escapeHtml(period.to)}; open and overdue at ${generatedAt.toISOString()}.
${total.overdue} overdue of ${total.open} open.</p>
<table><thead><tr><th>Jurisdiction</th><th>Found</th><th>Of which major</th><th>Fixed</th><th>Open</th><th>Overdue</th></tr></thead>
<tbody>${rows.join('\n')}
<tr><th>${escapeHtml(total.name)} <small>${escapeHtml(total.jurisdictionPath)}</small></th>${cells(total)}</tr></tbody></table>
</body></html>
`;
}
