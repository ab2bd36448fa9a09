import { RESPONSE_LEVELS, type CasualtyTally, type ResponseLevel, type SitrepRollup } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { isWithin } from '../../platform/auth/access.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';

export interface RollupRow {
  id: string; title: string; level: ResponseLevel; exercise: boolean; path: string; dueAt: Date | string | null;
  seq: number | null; submittedAt: Date | string | null; late: boolean | null; casualties: CasualtyTally | null;
  committed: number | null; requested: number | null; situation: string | null;
}

/**
 * The roll-up's one read: every active major incident under the roots with its latest SITREP
 * (a lateral index probe on `(major_incident_id, seq)` per incident). The benchmark runs this very
 * statement as its bare-SQL peer.
 */
export function rollupSql(roots: readonly string[], exercise: boolean | undefined): SQL {
  return sql`select m.id, m.title, m.level, m.exercise, m.jurisdiction_path::text as path, m.sitrep_due_at as "dueAt",
      s.seq, s.submitted_at as "submittedAt", s.late, s.casualties, (s.body->'resourcesCommitted'->>'units')::int as committed,
      (s.body->'resourcesRequested'->>'units')::int as requested, left(s.body->>'situation', 280) as situation
    from major_incidents m
    left join lateral (select x.seq, x.submitted_at, x.late, x.casualties, x.body from major_incident_sitreps x
      where x.major_incident_id = m.id order by x.seq desc limit 1) s on true
    where m.state = 'active' and ${withinRoots(sql`m.jurisdiction_path`, [...roots])} ${exercise === undefined ? sql`` : sql`and m.exercise = ${exercise}`}
    order by m.level, s.submitted_at desc nulls first, m.id`;
}

const zero = (): CasualtyTally => ({ immediate: 0, delayed: 0, minor: 0, deceased: 0, total: 0 });
type Figures = Omit<SitrepRollup['totals'], 'byLevel'>;
const emptyFigures = (): Figures => ({ active: 0, casualties: zero(), unitsCommitted: 0, unitsRequested: 0, sitrepsOverdue: 0, withoutSitrep: 0 });

function add(f: Figures, r: RollupRow, overdue: boolean): void {
  f.active += 1;
  if (r.casualties) for (const k of ['immediate', 'delayed', 'minor', 'deceased', 'total'] as const) f.casualties[k] += r.casualties[k];
  f.unitsCommitted += r.committed ?? 0;
  f.unitsRequested += r.requested ?? 0;
  if (overdue) f.sitrepsOverdue += 1;
  if (r.seq === null) f.withoutSitrep += 1;
}

/** The area a place counts under: its ancestor one level below the root it lies in (the root itself when it is that deep). */
function areaOf(path: string, roots: readonly string[]): string {
  const root = roots.find((r) => isWithin(path, r)) ?? path;
  return path.split('.').slice(0, root.split('.').length + 1).join('.');
}

export async function sitrepRollup(q: Queryable, roots: readonly string[], exercise: boolean | undefined, now: Date): Promise<SitrepRollup> {
  const list = await rows<RollupRow>(q, rollupSql(roots, exercise));
  const totals = { ...emptyFigures(), byLevel: Object.fromEntries(RESPONSE_LEVELS.map((l) => [l, 0])) as Record<ResponseLevel, number> };
  const areas = new Map<string, Figures>();
  const incidents = list.map((r) => {
    const dueAt = r.dueAt === null ? null : new Date(r.dueAt);
    const overdue = dueAt !== null && dueAt < now;
    add(totals, r, overdue);
    totals.byLevel[r.level] += 1;
    const area = areaOf(r.path, roots);
    if (!areas.has(area)) areas.set(area, emptyFigures());
    add(areas.get(area)!, r, overdue);
    return {
      id: r.id, title: r.title, level: r.level, exercise: r.exercise, jurisdictionPath: r.path, sitrepDueAt: dueAt?.toISOString() ?? null, overdue,
      last: r.seq === null ? null : {
        seq: r.seq, submittedAt: new Date(r.submittedAt!).toISOString(), late: r.late!, casualties: r.casualties!, unitsCommitted: r.committed ?? 0,
        unitsRequested: r.requested ?? 0, situation: r.situation ?? '',
      },
    };
  });
  const names = areas.size === 0 ? [] : await rows<{ path: string; name: string }>(q, sql`select path::text as path, name from jurisdictions
    where path::text in (${sql.join([...areas.keys()].map((p) => sql`${p}`), sql`, `)})`);
  return {
    generatedAt: now.toISOString(),
    totals,
    areas: [...areas.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, f]) => ({ path, name: names.find((n) => n.path === path)?.name ?? path, ...f })),
    incidents,
  };
}
