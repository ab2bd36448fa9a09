import type { AccountabilityTrace } from '@firebreak/contracts';
import { escapeHtml, PRINT_STYLE } from '../../platform/http/html.js';
import { referenceName, traceLines, type TraceLine } from './trace-lines.js';
import type { TraceSpeech } from './trace-words.js';

const SECTIONS: TraceLine['section'][] = ['hazard', 'task', 'directive', 'tier', 'dispatch', 'post'];

/** A self-contained printable page of the trace, in the reader's language: the facts of the record, section by section, each with its audit entries. */
export function traceHtml(t: AccountabilityTrace, s: TraceSpeech): string {
  const { w } = s;
  const r = t.reference;
  const lines = traceLines(t, s);
  const name = referenceName(t, w);
  const when = r.from === r.to ? w.at(s.date(r.to)) : w.window(s.date(r.from), s.date(r.to));
  const sections = SECTIONS.map((section) => {
    const mine = lines.filter((l) => l.section === section);
    const body = mine.length === 0
      ? `<tr><td colspan="3">${escapeHtml(w.none)}</td></tr>`
      : mine.map((l) => `<tr><td>${escapeHtml(l.what)} <small>${escapeHtml(s.place(l.jurisdictionPath))} · ${escapeHtml(l.id)}</small></td><td>${escapeHtml(l.facts)}</td><td><small>${l.auditIds.map(escapeHtml).join('<br>')}</small></td></tr>`).join('\n');
    return `<h2>${escapeHtml(w.sections[section])}</h2>
<table><thead><tr><th>${escapeHtml(w.heads.what)}</th><th>${escapeHtml(w.heads.facts)}</th><th>${escapeHtml(w.heads.audit)}</th></tr></thead><tbody>
${body}
</tbody></table>`;
  });
  const intro = w.intro({ what: name, where: s.place(r.jurisdictionPath), when, radius: r.radiusM, generated: s.date(t.generatedAt) })
    + (t.omittedOutsideScope > 0 ? w.omitted(t.omittedOutsideScope) : '');
  return `<!doctype html>
<html lang="${s.lang}"><head><meta charset="utf-8"><title>${escapeHtml(w.title)} — ${escapeHtml(name)}</title>
<style>
${PRINT_STYLE}
td{text-align:left}
</style></head><body>
<h1>${escapeHtml(w.title)} — ${escapeHtml(name)}</h1>
<p>${escapeHtml(intro)} <small>${escapeHtml(r.id)}</small></p>
${sections.join('\n')}
</body></html>
`;
}
