import type { AccountabilityTrace } from '@firebreak/contracts';
import { escapeHtml, PRINT_STYLE } from '../../platform/http/html.js';
import { traceLines, type TraceLine } from './trace-lines.js';

const TITLES: Record<TraceLine['section'], string> = {
  hazard: 'Open hazards at and near the place',
  task: 'Overdue tasks that concerned it',
  directive: 'Directives answered late or not at all',
  tier: 'Missed response tiers',
  dispatch: 'Units recommended and sent: by whom, ETA against actual',
  post: 'Responsible posts and who held them',
};

/** A self-contained printable page of the trace: the facts of the record, section by section, each with its audit entries. */
export function traceHtml(t: AccountabilityTrace): string {
  const r = t.reference;
  const lines = traceLines(t);
  const when = r.from === r.to ? `at ${r.to}` : `from ${r.from} to ${r.to}`;
  const sections = (Object.keys(TITLES) as TraceLine['section'][]).map((section) => {
    const mine = lines.filter((l) => l.section === section);
    const body = mine.length === 0
      ? '<tr><td colspan="3">None on record.</td></tr>'
      : mine.map((l) => `<tr><td>${escapeHtml(l.what)} <small>${escapeHtml(l.jurisdictionPath)} · ${escapeHtml(l.id)}</small></td><td>${escapeHtml(l.facts)}</td><td><small>${l.auditIds.map(escapeHtml).join('<br>')}</small></td></tr>`).join('\n');
    return `<h2>${TITLES[section]}</h2>
<table><thead><tr><th>What</th><th>Facts</th><th>Audit entries</th></tr></thead><tbody>
${body}
</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Accountability trace — ${escapeHtml(r.name)}</title>
<style>
${PRINT_STYLE}
td{text-align:left}
</style></head><body>
<h1>Accountability trace — ${escapeHtml(r.name)}</h1>
<p>The ${r.kind} ${escapeHtml(r.id)} in ${escapeHtml(r.jurisdictionPath)}, ${escapeHtml(when)}; places within ${r.radiusM} m.
Facts from the record as of ${escapeHtml(t.generatedAt)}; no assessment of any person.${t.omittedOutsideScope > 0 ? ` ${t.omittedOutsideScope} line(s) outside your scope are left out.` : ''}</p>
${sections.join('\n')}
</body></html>
`;
}
