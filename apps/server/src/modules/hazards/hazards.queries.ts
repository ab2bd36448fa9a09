import type { Hazard, HazardState } from '@firebreak/contracts';
import { and, asc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { places } from '../places/index.js';
import { DEFAULT_DEADLINES, type DeadlineDays } from './deadlines.js';
import { hazardDeadlinePolicies, hazardExtensions, hazards } from './hazards.tables.js';
import { STILL_OWED, type HazardFacts } from './model.js';

const columns = {
  id: hazards.id,
  placeId: hazards.placeId,
  placeName: places.name,
  jurisdictionPath: sql<string>`${hazards.jurisdictionPath}::text`,
  grade: hazards.grade,
  state: hazards.state,
  title: hazards.title,
  description: hazards.description,
  inspectionId: hazards.inspectionId,
  checklistItemKey: hazards.checklistItemKey,
  supervisionVisitId: hazards.supervisionVisitId,
  raisedBy: hazards.raisedBy,
  raisedAt: hazards.raisedAt,
  dueAt: hazards.dueAt,
  rectificationPlan: hazards.rectificationPlan,
  interimControls: hazards.interimControls,
  stopUse: hazards.stopUse,
  fixNote: hazards.fixNote,
  submittedBy: hazards.submittedBy,
  verificationNote: hazards.verificationNote,
  escalatedTo: sql<string | null>`${hazards.escalatedToPath}::text`,
  supervisedBy: sql<string | null>`${hazards.supervisedByPath}::text`,
  version: hazards.version,
  updatedAt: hazards.updatedAt,
};

export type HazardRow = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(q: Queryable, where: SQL | undefined, limit: number) {
  return q.select(columns).from(hazards).leftJoin(places, eq(places.id, hazards.placeId)).where(where).orderBy(asc(hazards.id)).limit(limit);
}

async function present(q: Queryable, list: HazardRow[], now: Date): Promise<Hazard[]> {
  const ids = list.map((h) => h.id);
  const extensions = ids.length === 0 ? [] : await q.select().from(hazardExtensions).where(inArray(hazardExtensions.hazardId, ids)).orderBy(asc(hazardExtensions.requestedAt));
  return list.map((h) => ({
    id: h.id,
    placeId: h.placeId,
    placeName: h.placeName,
    jurisdictionPath: h.jurisdictionPath,
    grade: h.grade,
    state: h.state,
    title: h.title,
    description: h.description,
    inspectionId: h.inspectionId,
    checklistItemKey: h.checklistItemKey,
    supervisionVisitId: h.supervisionVisitId,
    raisedBy: h.raisedBy,
    raisedAt: h.raisedAt.toISOString(),
    dueAt: h.dueAt.toISOString(),
    overdue: STILL_OWED.includes(h.state) && h.dueAt < now,
    rectificationPlan: h.rectificationPlan,
    interimControls: h.interimControls,
    stopUse: h.stopUse,
    fixNote: h.fixNote,
    submittedBy: h.submittedBy,
    verificationNote: h.verificationNote,
    escalatedTo: h.escalatedTo,
    supervisedBy: h.supervisedBy,
    extensions: extensions.filter((e) => e.hazardId === h.id).map((e) => ({
      id: e.id,
      state: e.state,
      reason: e.reason,
      requestedDueAt: e.requestedDueAt.toISOString(),
      requestedBy: e.requestedBy,
      requestedAt: e.requestedAt.toISOString(),
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt?.toISOString() ?? null,
      note: e.note,
    })),
    version: h.version,
    updatedAt: h.updatedAt.toISOString(),
  }));
}

export async function findHazardRow(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<HazardRow | undefined> {
  if (opts.lock) await q.execute(sql`select 1 from hazards where id = ${id} for update`);
  const [row] = await selectRows(q, eq(hazards.id, id), 1);
  return row;
}

export async function findHazard(q: Queryable, id: string, now: Date): Promise<Hazard | undefined> {
  const row = await findHazardRow(q, id);
  return row ? (await present(q, [row], now))[0] : undefined;
}

export async function pendingExtensionOf(q: Queryable, hazardId: string) {
  const [row] = await q.select().from(hazardExtensions).where(and(eq(hazardExtensions.hazardId, hazardId), eq(hazardExtensions.state, 'pending')));
  return row;
}

/** The facts the state machine decides on. */
export async function factsOf(q: Queryable, row: HazardRow): Promise<HazardFacts> {
  const pending = await pendingExtensionOf(q, row.id);
  return {
    grade: row.grade,
    state: row.state,
    dueAt: row.dueAt,
    rectificationPlan: row.rectificationPlan,
    interimControls: row.interimControls,
    stopUse: row.stopUse,
    fixNote: row.fixNote,
    verificationNote: row.verificationNote,
    pendingExtension: pending ? { requestedDueAt: pending.requestedDueAt } : null,
    supervisedBy: row.supervisedBy,
  };
}

export interface HazardFilter {
  roots: string[];
  underPath?: string | undefined;
  placeId?: string | undefined;
  state?: HazardState[] | undefined;
  grade?: 'general' | 'major' | undefined;
  overdue?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listHazards(q: Queryable, f: HazardFilter, now: Date): Promise<{ items: Hazard[]; nextCursor: string | null }> {
  const owedAndLate = and(inArray(hazards.state, [...STILL_OWED]), lt(hazards.dueAt, now));
  const where = and(
    withinRoots(hazards.jurisdictionPath, f.roots),
    f.underPath ? withinRoots(hazards.jurisdictionPath, [f.underPath]) : undefined,
    f.placeId ? eq(hazards.placeId, f.placeId) : undefined,
    f.state ? inArray(hazards.state, f.state) : undefined,
    f.grade ? eq(hazards.grade, f.grade) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? owedAndLate : sql`not (${owedAndLate})`,
    f.cursor ? gt(hazards.id, f.cursor) : undefined,
  );
  const list = await selectRows(q, where, f.limit + 1);
  const page = await present(q, list.slice(0, f.limit), now);
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}

/**
 * A jurisdiction's board: hazards of its subtree whose fix is overdue, and major hazards it (or
 * a level under it) has listed for supervision, until closed. Most overdue first. Each half is
 * its own query so that each uses its index: overdue ones walk hazards_owed_due_idx in deadline
 * order (an index-only filter on the path), supervised ones the partial GiST index.
 */
export async function boardOf(q: Queryable, path: string, now: Date, limit: number) {
  const overdue = sql`h.state in ('open', 'rectifying') and h.due_at < ${now} and h.jurisdiction_path <@ ${path}::ltree`;
  const supervised = sql`h.supervised_by_path <@ ${path}::ltree and h.supervised_by_path is not null and h.state <> 'closed'`;
  const [counts] = await rows<{ overdue: number; supervised: number }>(q, sql`select
    (select count(*) from hazards h where ${overdue})::int as overdue,
    (select count(*) from hazards h where ${supervised})::int as supervised`);
  const ids = await rows<{ id: string }>(q, sql`select id from (
      (select h.id, h.due_at from hazards h where ${overdue} order by h.due_at, h.id limit ${limit})
      union
      (select h.id, h.due_at from hazards h where ${supervised} order by h.due_at, h.id limit ${limit})) x
    order by due_at, id limit ${limit}`);
  const list = ids.length === 0 ? [] : await selectRows(q, inArray(hazards.id, ids.map((r) => r.id)), limit);
  list.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  return { jurisdictionPath: path, overdue: Number(counts?.overdue ?? 0), supervised: Number(counts?.supervised ?? 0), items: await present(q, list, now) };
}

/** The deadlines in force at a jurisdiction: its own, else the nearest ancestor's, else the default. */
export async function deadlinesAt(q: Queryable, path: string): Promise<DeadlineDays & { definedAt: string | null }> {
  const [row] = await q
    .select({ generalDays: hazardDeadlinePolicies.generalDays, majorDays: hazardDeadlinePolicies.majorDays, definedAt: sql<string>`${hazardDeadlinePolicies.jurisdictionPath}::text` })
    .from(hazardDeadlinePolicies)
    .where(sql`${hazardDeadlinePolicies.jurisdictionPath} @> ${path}::ltree`)
    .orderBy(sql`nlevel(${hazardDeadlinePolicies.jurisdictionPath}) desc`)
    .limit(1);
  return row ?? { ...DEFAULT_DEADLINES, definedAt: null };
}
