import type { Campaign, CoverageCounts } from '@firebreak/contracts';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { can, isWithin, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { places } from '../places/index.js';
import { campaignAssignments, campaigns } from './campaigns.tables.js';
import { rollUp, type CounterRow } from './coverage.js';
import { BUCKET_SECONDS, type ProgressBucket } from './progress.js';

type Row = typeof campaigns.$inferSelect;

export const presentCampaign = (c: Row): Campaign => ({
  id: c.id, title: c.title, issuerPath: c.issuerPath, categories: c.categories as Campaign['categories'], scopePaths: c.scopePaths,
  startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), dueAt: c.dueAt.toISOString(), missedAt: c.missedAt.toISOString(),
  assignments: c.assignmentCount, createdAt: c.createdAt.toISOString(),
});

export async function findCampaign(q: Queryable, id: string): Promise<Campaign | undefined> {
  const [row] = await q.select().from(campaigns).where(eq(campaigns.id, id));
  return row ? presentCampaign(row) : undefined;
}

/** Whether any of the scope roots overlaps the campaign's scope (a campaign from above that covers me). */
export const touches = (c: Pick<Campaign, 'scopePaths'>, roots: string[]): boolean =>
  c.scopePaths.some((s) => roots.some((r) => isWithin(r, s) || isWithin(s, r)));

/** A campaign is visible when issued in the actor's scope, or when its scope reaches into it. */
export const campaignVisibleTo = (actor: Actor, c: Campaign): boolean =>
  can(actor, 'places:read', c.issuerPath) || touches(c, scopeRoots(actor, 'places:read'));

/** Campaigns issued within the roots, or issued above them with a scope that reaches into them. */
export async function listCampaigns(q: Queryable, roots: string[]): Promise<Campaign[]> {
  if (roots.length === 0) return [];
  const list = await q.select().from(campaigns).orderBy(asc(campaigns.startsAt), asc(campaigns.id));
  return list.map(presentCampaign).filter((c) => roots.some((r) => isWithin(c.issuerPath, r)) || touches(c, roots));
}

/**
 * Coverage of a campaign under `path`, from the counters, with `depth` levels of jurisdictions
 * below it; deeper counters are summed into their ancestor at the cut (in SQL), so even the
 * national view reads a few thousand rows at most.
 */
export async function coverageUnder(q: Queryable, campaignId: string, path: string, depth = 2) {
  const cut = path.split('.').length + depth;
  const counters = await rows<CounterRow>(q, sql`select subpath(jurisdiction_path, 0, least(nlevel(jurisdiction_path), ${cut}))::text as path,
      nlevel(jurisdiction_path) > ${cut} as folded, category,
      sum(total)::int as total, sum(inspected)::int as inspected, sum(missed)::int as missed
    from campaign_coverage where campaign_id = ${campaignId} and jurisdiction_path <@ ${path}::ltree
    group by 1, 2, 3`);
  const names = await rows<{ path: string; name: string }>(q, sql`select path::text as path, name from jurisdictions where path <@ ${path}::ltree and nlevel(path) <= ${cut}`);
  return rollUp(path, counters, new Map(names.map((n) => [n.path, n.name])));
}

/** The campaign's coverage counters summed over each of `paths`' subtrees (zero where it has no places). */
export async function coverageWithin(q: Queryable, campaignId: string, paths: string[]): Promise<Map<string, CoverageCounts>> {
  if (paths.length === 0) return new Map();
  const list = await rows<CoverageCounts & { path: string }>(q, sql`select p.path::text as path, coalesce(sum(c.total), 0)::int as total,
      coalesce(sum(c.inspected), 0)::int as inspected, coalesce(sum(c.missed), 0)::int as missed
    from unnest(ARRAY[${sql.join([...new Set(paths)].map((p) => sql`${p}`), sql`, `)}]::ltree[]) as p(path)
    left join campaign_coverage c on c.campaign_id = ${campaignId} and c.jurisdiction_path <@ p.path
    group by p.path`);
  return new Map(list.map(({ path, ...counts }) => [path, counts]));
}

export async function listAssignments(
  q: Queryable,
  campaignId: string,
  f: { roots: string[]; underPath?: string | undefined; status?: 'pending' | 'done' | 'missed' | undefined; cursor?: string | undefined; limit: number },
) {
  const list = await q
    .select({
      id: campaignAssignments.id, placeId: campaignAssignments.placeId, placeName: places.name, category: campaignAssignments.category,
      jurisdictionPath: sql<string>`${campaignAssignments.jurisdictionPath}::text`, dueAt: campaignAssignments.dueAt, missedAt: campaignAssignments.missedAt,
      status: campaignAssignments.status, inspectionId: campaignAssignments.inspectionId, doneAt: campaignAssignments.doneAt,
    })
    .from(campaignAssignments)
    .innerJoin(places, eq(places.id, campaignAssignments.placeId))
    .where(and(
      eq(campaignAssignments.campaignId, campaignId),
      withinRoots(campaignAssignments.jurisdictionPath, f.roots),
      f.underPath ? withinRoots(campaignAssignments.jurisdictionPath, [f.underPath]) : undefined,
      f.status ? eq(campaignAssignments.status, f.status) : undefined,
      f.cursor ? gt(campaignAssignments.id, f.cursor) : undefined,
    ))
    .orderBy(asc(campaignAssignments.id))
    .limit(f.limit + 1);
  const page = list.slice(0, f.limit).map((a) => ({
    ...a, category: a.category as 'school', dueAt: a.dueAt.toISOString(), missedAt: a.missedAt.toISOString(), doneAt: a.doneAt?.toISOString() ?? null,
  }));
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}

/**
 * What a campaign's progress chart counts under `path`, per 15-minute bucket (`progress.ts` makes
 * local days of them): assignments done (by `done_at`) and missed (by their missed time), the
 * hazards its inspections raised (by `raised_at`) and those verified rectified (by `verified_at`).
 */
export async function progressBuckets(q: Queryable, campaignId: string, path: string): Promise<{ total: number; buckets: ProgressBucket[] }> {
  const bucket = (column: string) => sql.raw(`(floor(extract(epoch from ${column}) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS})::float8`);
  const buckets = await rows<ProgressBucket>(q, sql`
    with a as (
      select status, done_at, missed_at, inspection_id from campaign_assignments
      where campaign_id = ${campaignId} and jurisdiction_path <@ ${path}::ltree),
    h as (
      select raised_at, verified_at from hazards
      where inspection_id in (select inspection_id from a where inspection_id is not null))
    select 'inspected' as kind, ${bucket('done_at')} as bucket, count(*)::int as n from a where status = 'done' and done_at is not null group by 2
    union all select 'missed', ${bucket('missed_at')}, count(*)::int from a where status = 'missed' group by 2
    union all select 'found', ${bucket('raised_at')}, count(*)::int from h group by 2
    union all select 'rectified', ${bucket('verified_at')}, count(*)::int from h where verified_at is not null group by 2`);
  const [sum] = await rows<{ total: number }>(q, sql`select coalesce(sum(total), 0)::int as total from campaign_coverage
    where campaign_id = ${campaignId} and jurisdiction_path <@ ${path}::ltree`);
  return { total: sum?.total ?? 0, buckets: buckets.map((b) => ({ ...b, bucket: Number(b.bucket) })) };
}
