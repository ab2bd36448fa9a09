import type { AccountabilityTrace } from '@firebreak/contracts';
import { can, type Actor } from '../../platform/auth/access.js';
import { auditTrailOf, type AuditTrailEntry } from '../../platform/audit/audit-trail.js';
import type { Queryable } from '../../platform/db/client.js';
import { during, lifeOf, type Window } from './model.js';
import { dispatchOf } from './trace-dispatch.js';
import { hazardCandidates, incidentsNear, placesNear, postsHeld, targetsAbove, taskCandidates, type Around } from './trace.queries.js';
import type { IncidentType, Priority } from '@firebreak/contracts';

export interface Reference {
  kind: 'incident' | 'place';
  id: string;
  name: string;
  /** What an incident reference is, for words in the reader's language. */
  incident?: { type: IncidentType; priority: Priority; address: string | null };
  jurisdictionPath: string;
  location: [number, number];
  /** The incident's own tiers (incident kind only); a place's window looks for incidents near it. */
  tiers?: { tier: number; label: string; minutes?: number; requirement?: 'responded' | 'on_scene'; units?: number; deadlineAt: string; missedAt: string | null }[];
}

const HOUR = 3_600_000;
const HAZARD_OPEN = ['open', 'rectifying', 'submitted'];
const HAZARD_OWED = ['open', 'rectifying'];
const TASK_OPEN = (s: string) => s !== 'done';

const iso = (d: Date | string) => new Date(d).toISOString();
const ancestorsOf = (path: string) => path.split('.').map((_, i, labels) => labels.slice(0, i + 1).join('.'));

function byEntity(trail: AuditTrailEntry[]): Map<string, AuditTrailEntry[]> {
  const out = new Map<string, AuditTrailEntry[]>();
  for (const e of trail) out.set(e.entityId, [...(out.get(e.entityId) ?? []), e]);
  return out;
}

/**
 * The accountability trace: what the record says was open, late and missed at and near a place in a
 * window (an incident: at the instant its call was received), and who held the responsible posts.
 * States of hazards and tasks are read back from their audit entries (model.ts), so a fix made
 * after the window, or a hazard raised after it, does not change the answer. Lines outside the
 * caller's `accountability:read` scope are left out and counted.
 */
export async function traceOf(q: Queryable, actor: Actor, ref: Reference, w: Window, radiusM: number, now: Date): Promise<AccountabilityTrace> {
  const around: Around = { lon: ref.location[0], lat: ref.location[1], radiusM, ...w };
  let omitted = 0;
  const inScope = (path: string) => can(actor, 'accountability:read', path) || (omitted++, false);

  const hazardRows = await hazardCandidates(q, around);
  const hazardTrail = byEntity(await auditTrailOf(q, 'hazard', hazardRows.map((h) => h.id), w.to));
  const hazards = hazardRows.flatMap((h) => {
    const trail = hazardTrail.get(h.id) ?? [];
    const p = during(lifeOf(trail), w, (s) => HAZARD_OPEN.includes(s), (s) => HAZARD_OWED.includes(s));
    if (!p.open || !p.atEnd || !inScope(h.path)) return [];
    const raisedAt = new Date(h.raised_at);
    return [{
      id: h.id, title: h.title, grade: h.grade, placeId: h.place_id, placeName: h.place_name, distanceM: Math.round(Number(h.distance_m)), jurisdictionPath: h.path,
      raisedAt: raisedAt.toISOString(), ageHours: Math.round(((p.lastOpenAt!.getTime() - raisedAt.getTime()) / HOUR) * 10) / 10,
      state: p.atEnd.state as AccountabilityTrace['hazards'][number]['state'], dueAt: p.atEnd.dueAt.toISOString(),
      overdueSince: p.overdueSince?.toISOString() ?? null, auditIds: trail.map((e) => e.auditId),
    }];
  });

  const near = await placesNear(q, around);
  const nearIds = new Set(near.map((p) => p.id));
  const nearCategories = new Set(near.map((p) => p.category));
  const taskRows = await taskCandidates(q, around, ref.jurisdictionPath, near);
  const taskTrail = byEntity(await auditTrailOf(q, 'task', taskRows.map((t) => t.id), w.to));
  const tasks = taskRows.flatMap((t) => {
    const trail = taskTrail.get(t.id) ?? [];
    const p = during(lifeOf(trail), w, TASK_OPEN, TASK_OPEN);
    if (!p.overdueSince || !p.atEnd || !inScope(t.path)) return [];
    const concern = t.place_id && nearIds.has(t.place_id) ? 'place' as const : t.category && nearCategories.has(t.category) ? 'category' as const : 'jurisdiction' as const;
    return [{
      id: t.id, title: t.title, directiveId: t.directive_id, concern, placeId: t.place_id, category: t.category, jurisdictionPath: t.path,
      ownerPostId: p.atEnd.owner!, status: p.atEnd.state, dueAt: p.atEnd.dueAt.toISOString(), overdueSince: p.overdueSince.toISOString(), auditIds: trail.map((e) => e.auditId),
    }];
  });

  const targets = await targetsAbove(q, around, ref.jurisdictionPath);
  const directiveTrail = byEntity(await auditTrailOf(q, 'directive', [...new Set(targets.map((t) => t.directive_id))], w.to));
  const directives = targets.flatMap((t) => {
    const missed = ([['acknowledgement', t.ack_due_at, t.acknowledged_at], ['report', t.report_due_at, t.reported_at]] as const).filter(([, due, answered]) => {
      const d = new Date(due);
      const a = answered === null ? null : new Date(answered);
      // Late at some instant of the window: past the deadline and not yet answered.
      return d < w.to && (a === null || (a > w.from && a > d));
    });
    if (missed.length === 0 || !inScope(t.path)) return [];
    const auditIds = (directiveTrail.get(t.directive_id) ?? []).filter((e) => e.action === 'directives.issued' || e.jurisdictionPath === t.path).map((e) => e.auditId);
    return missed.map(([kind, due, answered]) => ({
      directiveId: t.directive_id, title: t.title, jurisdictionPath: t.path, missed: kind, dueAt: iso(due), answeredAt: answered === null ? null : iso(answered), auditIds,
    }));
  });

  const incidentsWithTiers = ref.kind === 'incident' ? [{ id: ref.id, path: ref.jurisdictionPath, tiers: ref.tiers ?? [] }] : await incidentsNear(q, around);
  const incidentTrail = byEntity(await auditTrailOf(q, 'incident', incidentsWithTiers.map((i) => i.id)));
  const tiers = incidentsWithTiers.flatMap((i) => i.tiers.filter((t) => t.missedAt !== null && inScope(i.path)).map((t) => ({
    incidentId: i.id, tier: t.tier, label: t.label, minutes: t.minutes ?? null, requirement: t.requirement ?? null, units: t.units ?? null, deadlineAt: t.deadlineAt, missedAt: t.missedAt!,
    auditIds: (incidentTrail.get(i.id) ?? []).filter((e) => ['incidents.tier_missed', 'incidents.escalated'].includes(e.action) && (e.after as { tier?: number } | null)?.tier === t.tier).map((e) => e.auditId),
  })));

  // The incident's own units: recommended, sent, by whom, ETA against actual (a place's trace has none).
  const dispatch = ref.kind === 'incident' && inScope(ref.jurisdictionPath) ? await dispatchOf(q, ref.id, incidentTrail.get(ref.id) ?? []) : [];

  // Responsible posts: of the reference jurisdiction and every level above it, and of the places where the listed hazards are.
  const postPaths = [...new Set([...ancestorsOf(ref.jurisdictionPath), ...hazards.map((h) => h.jurisdictionPath)])];
  const holdings = await postsHeld(q, around, postPaths);
  const postTrail = byEntity(await auditTrailOf(q, 'post', [...new Set(holdings.map((h) => h.post_id))], w.to));
  const byPost = new Map<string, AccountabilityTrace['posts'][number] | null>();
  for (const h of holdings) {
    if (!byPost.has(h.post_id)) {
      byPost.set(h.post_id, inScope(h.path)
        ? { postId: h.post_id, title: h.title, kind: h.kind, jurisdictionPath: h.path, holders: [], auditIds: (postTrail.get(h.post_id) ?? []).map((e) => e.auditId) }
        : null);
    }
    const post = byPost.get(h.post_id);
    if (post && h.user_id) post.holders.push({ userId: h.user_id, displayName: h.display_name ?? '', from: iso(h.from_at!), to: h.to_at === null ? null : iso(h.to_at) });
  }
  const posts = [...byPost.values()].filter((p) => p !== null);

  return {
    reference: { kind: ref.kind, id: ref.id, name: ref.name, incident: ref.incident ?? null, jurisdictionPath: ref.jurisdictionPath, location: ref.location, from: w.from.toISOString(), to: w.to.toISOString(), radiusM },
    generatedAt: now.toISOString(),
    hazards, tasks, directives, tiers, posts, dispatch, omittedOutsideScope: omitted,
  };
}
