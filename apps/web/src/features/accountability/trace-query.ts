import type { AccountabilityTrace } from '@firebreak/contracts';
import { localToIso } from '../issue/issue-form';

/** What the trace form holds: an incident, or a place with a window (datetime-local values) and a radius. */
export interface TraceDraft {
  mode: 'incident' | 'place';
  incidentId: string | null;
  placeId: string | null;
  from: string;
  to: string;
  radiusM: number | string;
}

/** The server's default and bounds for `radiusM` (TraceQuery). */
export const DEFAULT_RADIUS_M = 300;
export const MAX_RADIUS_M = 5000;

/**
 * The form -> the page's search string (also the API's query string), or the fields to fix first.
 * Problems are i18n keys by field.
 */
export function traceSearch(d: TraceDraft): { search: string; problems: null } | { search: null; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const radius = Number(d.radiusM);
  if (d.radiusM === '' || !Number.isInteger(radius) || radius < 0 || radius > MAX_RADIUS_M) problems.radiusM = 'accountability.form.badRadius';
  const p = new URLSearchParams();
  if (d.mode === 'incident') {
    if (!d.incidentId) problems.incidentId = 'accountability.form.required';
    else p.set('incidentId', d.incidentId);
  } else {
    const from = localToIso(d.from);
    const to = localToIso(d.to);
    if (!d.placeId) problems.placeId = 'accountability.form.required';
    if (!from) problems.from = 'accountability.form.required';
    if (!to) problems.to = 'accountability.form.required';
    else if (from && to < from) problems.to = 'accountability.form.toBeforeFrom';
    if (d.placeId && from && to) {
      p.set('placeId', d.placeId);
      p.set('from', from);
      p.set('to', to);
    }
  }
  if (Object.keys(problems).length) return { search: null, problems };
  p.set('radiusM', String(radius));
  return { search: p.toString(), problems: null };
}

/** The page's search params -> the API query string, or null when they name nothing to trace. */
export function traceQueryOf(params: URLSearchParams): string | null {
  const p = new URLSearchParams();
  for (const k of ['incidentId', 'placeId', 'from', 'to', 'radiusM']) {
    const v = params.get(k);
    if (v) p.set(k, v);
  }
  return p.has('incidentId') || p.has('placeId') ? p.toString() : null;
}

/** Each section of the trace, the type of record its lines are audit entries of, in the order the page shows them. */
export const SECTIONS = [
  { key: 'tiers', entityType: 'incident' },
  { key: 'dispatch', entityType: 'incident' },
  { key: 'hazards', entityType: 'hazard' },
  { key: 'tasks', entityType: 'task' },
  { key: 'directives', entityType: 'directive' },
  { key: 'posts', entityType: 'post' },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** The record a line is about (what `GET /audit?entityId=` names) and the audit entries it cites. */
export function lineAudit<S extends SectionKey>(section: S, line: AccountabilityTrace[S][number]): { entityType: string; entityId: string; auditIds: string[] } {
  const entityType = SECTIONS.find((s) => s.key === section)!.entityType;
  const l = line as { id?: string; incidentId?: string; directiveId?: string | null; postId?: string };
  const entityId = section === 'tiers' || section === 'dispatch' ? l.incidentId! : section === 'directives' ? l.directiveId! : section === 'posts' ? l.postId! : l.id!;
  return { entityType, entityId, auditIds: line.auditIds };
}

/** The in-app page of a line's audit entries. */
export function auditPath(a: { entityType: string; entityId: string; auditIds: readonly string[] }): string {
  const q = a.auditIds.length ? `?ids=${a.auditIds.join(',')}` : '';
  return `/accountability/audit/${a.entityType}/${a.entityId}${q}`;
}

/** Lines per section: the counts the section headers show. */
export function sectionCounts(t: AccountabilityTrace): Record<SectionKey, number> {
  return { tiers: t.tiers.length, dispatch: t.dispatch.length, hazards: t.hazards.length, tasks: t.tasks.length, directives: t.directives.length, posts: t.posts.length };
}

/** Hours as the trace states ages: "5 h" under two days, else "3 d 4 h". */
export function ageParts(hours: number): { days: number; hours: number } {
  const whole = Math.max(0, Math.floor(hours));
  return whole < 48 ? { days: 0, hours: whole } : { days: Math.floor(whole / 24), hours: whole % 24 };
}
