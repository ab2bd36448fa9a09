import type { AccountabilityTrace } from '@firebreak/contracts';

/** One fact of the trace as a flat line: what the CSV and the printable page both show. */
export interface TraceLine {
  section: 'hazard' | 'task' | 'directive' | 'tier' | 'post' | 'dispatch';
  id: string;
  jurisdictionPath: string;
  what: string;
  facts: string;
  auditIds: string[];
}

/** The trace as lines, section by section, in the order of the JSON. */
export function traceLines(t: AccountabilityTrace): TraceLine[] {
  return [
    ...t.hazards.map((h) => ({
      section: 'hazard' as const, id: h.id, jurisdictionPath: h.jurisdictionPath, what: `${h.title} (${h.grade}) at ${h.placeName ?? '—'}, ${h.distanceM ?? '?'} m`,
      facts: `raised ${h.raisedAt}; ${h.ageHours} h old; ${h.state}; due ${h.dueAt}${h.overdueSince ? `; overdue (past ${h.overdueSince})` : ''}`, auditIds: h.auditIds,
    })),
    ...t.tasks.map((x) => ({
      section: 'task' as const, id: x.id, jurisdictionPath: x.jurisdictionPath, what: `${x.title} (about the ${x.concern}${x.category ? ` ${x.category}` : ''})`,
      facts: `owner post ${x.ownerPostId}; ${x.status}; due ${x.dueAt}; overdue (past ${x.overdueSince})`, auditIds: x.auditIds,
    })),
    ...t.directives.map((d) => ({
      section: 'directive' as const, id: d.directiveId, jurisdictionPath: d.jurisdictionPath, what: d.title,
      facts: `${d.missed} due ${d.dueAt}; ${d.answeredAt ? `answered late at ${d.answeredAt}` : 'not answered'}`, auditIds: d.auditIds,
    })),
    ...t.tiers.map((x) => ({
      section: 'tier' as const, id: x.incidentId, jurisdictionPath: t.reference.jurisdictionPath, what: `tier ${x.tier}: ${x.label}`,
      facts: `deadline ${x.deadlineAt}; missed`, auditIds: x.auditIds,
    })),
    ...t.dispatch.map((d) => ({
      section: 'dispatch' as const, id: d.unitId, jurisdictionPath: t.reference.jurisdictionPath,
      what: `${d.callSign}${d.recommended === true ? ' (recommended)' : d.recommended === false ? ' (not recommended)' : ''}`,
      facts: d.sent === null ? 'recommended, not sent' : [
        `sent ${d.sent.at} by ${d.sent.byName ?? 'unknown'}`,
        `ETA ${d.sent.etaSeconds === null ? 'unknown' : `${d.sent.etaSeconds} s`}`,
        d.sent.onSceneAt ? `on scene ${d.sent.onSceneAt} (after ${d.sent.actualSeconds} s)` : 'never on scene',
        d.sent.clearedAt ? `cleared ${d.sent.clearedAt}` : null,
        d.sent.cancelledAt ? `cancelled ${d.sent.cancelledAt}` : null,
      ].filter((x) => x !== null).join('; '),
      auditIds: d.auditIds,
    })),
    ...t.posts.map((p) => ({
      section: 'post' as const, id: p.postId, jurisdictionPath: p.jurisdictionPath, what: `${p.title} (${p.kind})`,
      facts: p.holders.length === 0 ? 'vacant' : p.holders.map((h) => `${h.displayName} from ${h.from}${h.to ? ` to ${h.to}` : ''}`).join('; '), auditIds: p.auditIds,
    })),
  ];
}

export function traceCsv(t: AccountabilityTrace, csvField: (v: string | number) => string): string {
  const header = 'section,id,jurisdiction_path,what,facts,audit_ids';
  const lines = traceLines(t).map((l) => [l.section, l.id, l.jurisdictionPath, l.what, l.facts, l.auditIds.join(' ')].map(csvField).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
