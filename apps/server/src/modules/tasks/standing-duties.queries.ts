import type { PlaceCategory, StandingDuty } from '@firebreak/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { standingDuties } from './tasks.tables.js';

const columns = {
  id: standingDuties.id,
  ownerPostId: standingDuties.ownerPostId,
  jurisdictionPath: sql<string>`${standingDuties.jurisdictionPath}::text`,
  title: standingDuties.title,
  category: sql<PlaceCategory | null>`${standingDuties.category}`,
  everyDays: standingDuties.everyDays,
  startsAt: standingDuties.startsAt,
  endsAt: standingDuties.endsAt,
  nextPeriodAt: standingDuties.nextPeriodAt,
  createdAt: standingDuties.createdAt,
};
type Row = Awaited<ReturnType<typeof findStandingDutyRow>>;

const present = (d: NonNullable<Row>): StandingDuty => ({
  ...d,
  startsAt: d.startsAt.toISOString(),
  endsAt: d.endsAt?.toISOString() ?? null,
  nextPeriodAt: d.nextPeriodAt.toISOString(),
  createdAt: d.createdAt.toISOString(),
});

async function findStandingDutyRow(q: Queryable, id: string) {
  const [row] = await q.select(columns).from(standingDuties).where(eq(standingDuties.id, id));
  return row;
}

export async function findStandingDuty(q: Queryable, id: string): Promise<StandingDuty | undefined> {
  const row = await findStandingDutyRow(q, id);
  return row ? present(row) : undefined;
}

/** The standing duties of posts at or under `path`. */
export async function standingDutiesUnder(q: Queryable, path: string): Promise<StandingDuty[]> {
  const list = await q.select(columns).from(standingDuties).where(withinRoots(standingDuties.jurisdictionPath, [path])).orderBy(asc(standingDuties.jurisdictionPath), asc(standingDuties.id));
  return list.map(present);
}
