import type { Directive, DirectiveTarget } from '@firebreak/contracts';
import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { acknowledgementOverdue, reportOverdue } from './model.js';
import { directiveTargets, directives } from './directives.tables.js';

const directiveColumns = {
  id: directives.id,
  issuerJurisdictionId: directives.issuerJurisdictionId,
  issuerPath: sql<string>`${directives.issuerPath}::text`,
  title: directives.title,
  content: directives.content,
  requiredActions: directives.requiredActions,
  ackDueAt: directives.ackDueAt,
  reportDueAt: directives.reportDueAt,
  issuedBy: directives.issuedBy,
  issuedAt: directives.issuedAt,
};
export type DirectiveRow = Awaited<ReturnType<typeof directiveRow>> & object;

const targetColumns = {
  id: directiveTargets.id,
  jurisdictionId: directiveTargets.jurisdictionId,
  jurisdictionPath: sql<string>`${directiveTargets.jurisdictionPath}::text`,
  state: directiveTargets.state,
  deliveredAt: directiveTargets.deliveredAt,
  acknowledgedAt: directiveTargets.acknowledgedAt,
  acknowledgedBy: directiveTargets.acknowledgedBy,
  acknowledgementNote: directiveTargets.acknowledgementNote,
  reportedAt: directiveTargets.reportedAt,
  reportedBy: directiveTargets.reportedBy,
  report: directiveTargets.report,
  ackEscalatedAt: directiveTargets.ackEscalatedAt,
  reportEscalatedAt: directiveTargets.reportEscalatedAt,
};
export type TargetRow = Awaited<ReturnType<typeof targetRows>>[number];

export async function directiveRow(q: Queryable, id: string) {
  const [row] = await q.select(directiveColumns).from(directives).where(eq(directives.id, id));
  return row;
}

function targetRows(q: Queryable, directiveId: string) {
  return q.select(targetColumns).from(directiveTargets).where(eq(directiveTargets.directiveId, directiveId)).orderBy(asc(directiveTargets.jurisdictionPath));
}

/** One target of a directive, locked for a command. */
export async function targetFor(q: Queryable, directiveId: string, jurisdictionId: string): Promise<TargetRow | undefined> {
  await q.execute(sql`select 1 from directive_targets where directive_id = ${directiveId} and jurisdiction_id = ${jurisdictionId} for update`);
  const [row] = await q.select(targetColumns).from(directiveTargets).where(and(eq(directiveTargets.directiveId, directiveId), eq(directiveTargets.jurisdictionId, jurisdictionId)));
  return row;
}

/** One target of a directive, read only (the roll-up's own line). */
export async function targetRow(q: Queryable, directiveId: string, jurisdictionId: string): Promise<TargetRow | undefined> {
  const [row] = await q.select(targetColumns).from(directiveTargets).where(and(eq(directiveTargets.directiveId, directiveId), eq(directiveTargets.jurisdictionId, jurisdictionId)));
  return row;
}

/**
 * SQL condition on a target `t`: it lies within one of the subtrees at `roots`. By the jurisdictions of
 * those subtrees (their GiST on the path), then the targets' B-trees on `jurisdiction_id`: directive_targets
 * has no GiST of its own, which cost every national directive 3,000 GiST inserts (migration 0046). A target's
 * path is its jurisdiction's, and a jurisdiction's path never changes.
 */
export function targetedWithin(roots: string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`t.jurisdiction_id = any(array(select j.id from jurisdictions j where ${withinRoots(sql`j.path`, roots)}))`;
}

/** Has the directive a target within any of the subtrees at `roots`? Indexed probes, not the whole target list. */
export async function hasTargetWithin(q: Queryable, directiveId: string, roots: string[]): Promise<boolean> {
  if (roots.length === 0) return false;
  const [row] = await rows<{ found: boolean }>(q, sql`select exists (select 1 from directive_targets t where t.directive_id = ${directiveId} and ${targetedWithin(roots)}) as found`);
  return row?.found === true;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentTarget(d: { ackDueAt: Date; reportDueAt: Date }, t: TargetRow, now: Date): DirectiveTarget {
  const deadlines = { state: t.state, ackDueAt: d.ackDueAt, reportDueAt: d.reportDueAt };
  return {
    jurisdictionId: t.jurisdictionId,
    jurisdictionPath: t.jurisdictionPath,
    state: t.state,
    deliveredAt: t.deliveredAt.toISOString(),
    acknowledgedAt: iso(t.acknowledgedAt),
    acknowledgedBy: t.acknowledgedBy,
    acknowledgementNote: t.acknowledgementNote,
    reportedAt: iso(t.reportedAt),
    reportedBy: t.reportedBy,
    report: t.report,
    acknowledgementOverdue: acknowledgementOverdue(deadlines, now),
    reportOverdue: reportOverdue(deadlines, now),
    acknowledgementEscalatedAt: iso(t.ackEscalatedAt),
    reportEscalatedAt: iso(t.reportEscalatedAt),
  };
}

function presentDirective(d: NonNullable<DirectiveRow>) {
  return {
    id: d.id, issuerJurisdictionId: d.issuerJurisdictionId, issuerPath: d.issuerPath, title: d.title, content: d.content, requiredActions: d.requiredActions,
    acknowledgeBy: d.ackDueAt.toISOString(), reportBy: d.reportDueAt.toISOString(), issuedBy: d.issuedBy, issuedAt: d.issuedAt.toISOString(),
  };
}

export async function findDirective(q: Queryable, id: string, now: Date): Promise<Directive | undefined> {
  const d = await directiveRow(q, id);
  if (!d) return undefined;
  return { ...presentDirective(d), targets: (await targetRows(q, id)).map((t) => presentTarget(d, t, now)) };
}

/**
 * One page of a directive's targets in path order, after the path `cursor`; only those within the
 * subtrees at `roots` when given (a reader below the issuer sees its own targets, not its siblings').
 */
export async function targetPage(q: Queryable, d: NonNullable<DirectiveRow>, cursor: string | undefined, limit: number, now: Date, roots?: string[]): Promise<{ items: DirectiveTarget[]; nextCursor: string | null }> {
  const where = and(
    eq(directiveTargets.directiveId, d.id),
    cursor === undefined ? undefined : gt(directiveTargets.jurisdictionPath, sql`${cursor}::ltree`),
    roots === undefined ? undefined : roots.length === 0 ? sql`false` : sql`${directiveTargets.jurisdictionId} = any(array(select j.id from jurisdictions j where ${withinRoots(sql`j.path`, roots)}))`,
  );
  const list = await q.select(targetColumns).from(directiveTargets).where(where).orderBy(asc(directiveTargets.jurisdictionPath)).limit(limit + 1);
  const items = list.slice(0, limit).map((t) => presentTarget(d, t, now));
  return { items, nextCursor: list.length > limit ? items.at(-1)!.jurisdictionPath : null };
}

/** Directives issued in, or sent to, the subtrees at `roots`; newest first. */
export async function listDirectives(q: Queryable, roots: string[], limit: number) {
  const targeted = sql`exists (select 1 from directive_targets t where t.directive_id = ${directives.id} and ${targetedWithin(roots)})`;
  const list = await q.select(directiveColumns).from(directives)
    .where(sql`(${withinRoots(directives.issuerPath, roots)} or ${targeted})`)
    .orderBy(desc(directives.id)).limit(limit);
  return list.map(presentDirective);
}

export interface RollupRow {
  jurisdictionId: string;
  jurisdictionPath: string;
  name: string;
  targets: number;
  acknowledged: number;
  reported: number;
  acknowledgementOverdue: number;
  reportOverdue: number;
}

/**
 * For each child of the jurisdiction `node`: the targets in its subtree, counted by status. One pass
 * over the directive's targets under `node` (by its index), each counted for the child its path
 * passes through, instead of an ltree containment join per child over every directive's targets.
 */
export async function childRollup(q: Queryable, d: { id: string; ackDueAt: Date; reportDueAt: Date }, node: { id: string; path: string }, now: Date): Promise<RollupRow[]> {
  const late = (due: Date) => sql`${due}::timestamptz < ${now}::timestamptz`;
  const depth = node.path.split('.').length;
  const list = await rows<RollupRow>(q, sql`select c.id as "jurisdictionId", c.path::text as "jurisdictionPath", c.name,
      k.targets, k.acknowledged, k.reported, k."acknowledgementOverdue", k."reportOverdue"
    from (
      select subpath(t.jurisdiction_path, 0, ${depth + 1}::int) as child,
        count(*)::int as targets,
        count(*) filter (where t.state <> 'delivered')::int as acknowledged,
        count(*) filter (where t.state = 'reported')::int as reported,
        count(*) filter (where t.state = 'delivered' and ${late(d.ackDueAt)})::int as "acknowledgementOverdue",
        count(*) filter (where t.state <> 'reported' and ${late(d.reportDueAt)})::int as "reportOverdue"
      from directive_targets t
      where t.directive_id = ${d.id} and nlevel(t.jurisdiction_path) > ${depth}::int and subpath(t.jurisdiction_path, 0, ${depth}::int) = ${node.path}::ltree
      group by 1
    ) k
    join jurisdictions c on c.parent_id = ${node.id} and c.path = k.child
    order by c.path`);
  return list;
}
