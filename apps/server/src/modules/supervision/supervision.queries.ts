import type { SupervisionSubject, SupervisionVisit } from '@firebreak/contracts';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import type { Queryable } from '../../platform/db/client.js';
import { hazards } from '../hazards/index.js';
import { findSubject } from './subjects.js';
import { supervisionFindings, supervisionVisits } from './supervision.tables.js';

const OWED = ['open', 'rectifying'];

const visitColumns = {
  id: supervisionVisits.id,
  subjectType: supervisionVisits.subjectType,
  subjectId: supervisionVisits.subjectId,
  jurisdictionPath: sql<string>`${supervisionVisits.jurisdictionPath}::text`,
  visitedAt: supervisionVisits.visitedAt,
  visitedBy: supervisionVisits.visitedBy,
  summary: supervisionVisits.summary,
  verifiedHazardIds: supervisionVisits.verifiedHazardIds,
  createdAt: supervisionVisits.createdAt,
};
type VisitRow = Awaited<ReturnType<typeof selectVisits>>[number];

function selectVisits(q: Queryable, where: SQL | undefined, limit: number) {
  return q.select(visitColumns).from(supervisionVisits).where(where).orderBy(desc(supervisionVisits.id)).limit(limit);
}

/** Visits with their findings and where each required correction stands now (from its hazard record). */
async function present(q: Queryable, list: VisitRow[], now: Date): Promise<SupervisionVisit[]> {
  if (list.length === 0) return [];
  const findings = await q.select({
    visitId: supervisionFindings.visitId, id: supervisionFindings.id, description: supervisionFindings.description,
    hazardId: hazards.id, grade: hazards.grade, title: hazards.title, state: hazards.state, dueAt: hazards.dueAt,
  }).from(supervisionFindings).leftJoin(hazards, eq(hazards.id, supervisionFindings.correctionHazardId))
    .where(inArray(supervisionFindings.visitId, list.map((v) => v.id))).orderBy(asc(supervisionFindings.ordinal));
  const names = new Map<string, string>();
  for (const v of list) if (!names.has(v.subjectId)) names.set(v.subjectId, (await findSubject(q, v.subjectType, v.subjectId))?.name ?? '');
  return list.map((v) => ({
    id: v.id, subjectType: v.subjectType, subjectId: v.subjectId, subjectName: names.get(v.subjectId)!, jurisdictionPath: v.jurisdictionPath,
    visitedAt: v.visitedAt.toISOString(), visitedBy: v.visitedBy, summary: v.summary,
    findings: findings.filter((f) => f.visitId === v.id).map((f) => ({
      id: f.id, description: f.description,
      correction: f.hazardId === null ? null : {
        hazardId: f.hazardId, grade: f.grade!, title: f.title!, state: f.state!, dueAt: f.dueAt!.toISOString(), overdue: OWED.includes(f.state!) && f.dueAt! < now,
      },
    })),
    verified: v.verifiedHazardIds, createdAt: v.createdAt.toISOString(),
  }));
}

export async function findVisit(q: Queryable, id: string, now: Date): Promise<SupervisionVisit | undefined> {
  return (await present(q, await selectVisits(q, eq(supervisionVisits.id, id), 1), now))[0];
}

/** The ids of every visit of one subject. */
export async function visitsOfSubject(q: Queryable, type: SupervisionSubject, id: string): Promise<string[]> {
  const list = await q.select({ id: supervisionVisits.id }).from(supervisionVisits)
    .where(and(eq(supervisionVisits.subjectType, type), eq(supervisionVisits.subjectId, id)));
  return list.map((v) => v.id);
}

export interface VisitFilter {
  roots: string[];
  underPath?: string | undefined;
  subjectType?: SupervisionSubject | undefined;
  subjectId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Visits in scope, newest first. */
export async function listVisits(q: Queryable, f: VisitFilter, now: Date): Promise<{ items: SupervisionVisit[]; nextCursor: string | null }> {
  const where = and(
    withinRoots(supervisionVisits.jurisdictionPath, f.roots),
    f.underPath ? withinRoots(supervisionVisits.jurisdictionPath, [f.underPath]) : undefined,
    f.subjectType ? eq(supervisionVisits.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(supervisionVisits.subjectId, f.subjectId) : undefined,
    f.cursor ? lt(supervisionVisits.id, f.cursor) : undefined,
  );
  const list = await selectVisits(q, where, f.limit + 1);
  const page = await present(q, list.slice(0, f.limit), now);
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}
