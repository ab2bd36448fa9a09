import type { AccountabilityTrace } from '@firebreak/contracts';
import type { TraceSpeech, TraceWords } from './trace-words.js';

/** One fact of the trace as a flat line: what the CSV and the printable page both show, in the reader's words. */
export interface TraceLine {
  section: 'hazard' | 'task' | 'directive' | 'tier' | 'post' | 'dispatch';
  id: string;
  jurisdictionPath: string;
  what: string;
  facts: string;
  auditIds: string[];
}

const word = <K extends string>(table: Record<K, string>, key: string): string => (table as Record<string, string>)[key] ?? key;

/** The trace as lines, section by section, in the order of the JSON. */
export function traceLines(t: AccountabilityTrace, s: TraceSpeech): TraceLine[] {
  const { w, date } = s;
  return [
    ...t.hazards.map((h) => ({
      section: 'hazard' as const, id: h.id, jurisdictionPath: h.jurisdictionPath,
      what: w.hazardWhat(h.title, w.grade[h.grade], h.placeName ?? w.unknownPlace, h.distanceM === null ? '?' : `${h.distanceM} m`),
      facts: w.hazardFacts({ raised: date(h.raisedAt), hours: h.ageHours, state: w.hazardState[h.state], due: date(h.dueAt), overdueSince: h.overdueSince ? date(h.overdueSince) : null }),
      auditIds: h.auditIds,
    })),
    ...t.tasks.map((x) => ({
      section: 'task' as const, id: x.id, jurisdictionPath: x.jurisdictionPath,
      what: w.taskWhat(x.title, `${w.concern[x.concern]}${x.category ? ` · ${word(w.placeCategory, x.category)}` : ''}`),
      facts: w.taskFacts({ post: x.ownerPostId, status: word(w.taskStatus, x.status), due: date(x.dueAt), overdueSince: date(x.overdueSince) }),
      auditIds: x.auditIds,
    })),
    ...t.directives.map((d) => ({
      section: 'directive' as const, id: d.directiveId, jurisdictionPath: d.jurisdictionPath, what: d.title,
      facts: w.directiveFacts({ missed: w.missedAnswer[d.missed], due: date(d.dueAt), answeredAt: d.answeredAt ? date(d.answeredAt) : null }), auditIds: d.auditIds,
    })),
    ...t.tiers.map((x) => ({
      section: 'tier' as const, id: x.incidentId, jurisdictionPath: t.reference.jurisdictionPath,
      // The deployment's label is one language's words: the goal from its requirement where the record has it.
      what: w.tierWhat(x.tier, x.requirement ? w.goal(x.requirement, x.units ?? 1) : x.label),
      facts: w.tierFacts(date(x.deadlineAt)), auditIds: x.auditIds,
    })),
    ...t.dispatch.map((d) => ({
      section: 'dispatch' as const, id: d.unitId, jurisdictionPath: t.reference.jurisdictionPath,
      what: `${d.callSign}${d.recommended === true ? ` (${w.recommended.yes})` : d.recommended === false ? ` (${w.recommended.no})` : ''}`,
      facts: d.sent === null ? w.notSent : w.sentFacts({
        at: date(d.sent.at), by: d.sent.byName, eta: d.sent.etaSeconds, onScene: d.sent.onSceneAt ? date(d.sent.onSceneAt) : null,
        actual: d.sent.actualSeconds, cleared: d.sent.clearedAt ? date(d.sent.clearedAt) : null, cancelled: d.sent.cancelledAt ? date(d.sent.cancelledAt) : null,
      }),
      auditIds: d.auditIds,
    })),
    ...t.posts.map((p) => ({
      section: 'post' as const, id: p.postId, jurisdictionPath: p.jurisdictionPath, what: `${p.title} (${w.postKind[p.kind]})`,
      facts: p.holders.length === 0 ? w.vacant : p.holders.map((h) => w.holder(h.displayName, date(h.from), h.to ? date(h.to) : null)).join('; '), auditIds: p.auditIds,
    })),
  ];
}

/** What the trace is about, in words: the incident's priority, type and address, or the place's name. */
export function referenceName(t: AccountabilityTrace, w: TraceWords): string {
  const i = t.reference.incident;
  return i ? [i.priority, w.incidentType[i.type], i.address].filter(Boolean).join(' · ') : t.reference.name;
}

/**
 * One line per fact. The text (what, facts) is in the reader's words; the ids, the section's key and
 * the jurisdiction's path stay as they are, so a spreadsheet joins on them in any language. The header
 * is the reader's: English keeps the column names scripts already read.
 */
export function traceCsv(t: AccountabilityTrace, s: TraceSpeech, csvField: (v: string | number) => string): string {
  const c = s.w.columns;
  const header = [c.section, c.id, c.path, c.what, c.facts, c.audit].map(csvField).join(',');
  const lines = traceLines(t, s).map((l) => [l.section, l.id, l.jurisdictionPath, l.what, l.facts, l.auditIds.join(' ')].map(csvField).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
