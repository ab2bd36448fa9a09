import type { StaffMember } from '@firebreak/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { grantsOf } from './actor.queries.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { mfaFactors } from './mfa.tables.js';
import { users } from './staff.tables.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  kind: users.kind,
  jurisdictionId: users.jurisdictionId,
  jurisdictionPath: sql<string>`${jurisdictions.path}::text`,
  disabledAt: users.disabledAt,
  // One indexed probe per row (mfa_factors is keyed by user): the Staff list shows who has a second factor.
  mfaEnrolled: sql<boolean>`exists (select 1 from ${mfaFactors} where ${mfaFactors.userId} = ${users.id} and ${mfaFactors.confirmedAt} is not null)`,
  createdAt: users.createdAt,
};

type Row = { [K in keyof typeof columns]: unknown } & {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'device';
  jurisdictionId: string;
  jurisdictionPath: string;
  disabledAt: Date | null;
  mfaEnrolled: boolean;
  createdAt: Date;
};

async function present(q: Queryable, row: Row): Promise<StaffMember> {
  const grants = await grantsOf(q, row.id);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    kind: row.kind,
    jurisdictionId: row.jurisdictionId,
    jurisdictionPath: row.jurisdictionPath,
    disabled: row.disabledAt !== null,
    mfaEnrolled: row.mfaEnrolled === true,
    createdAt: row.createdAt.toISOString(),
    grants: grants.map((g) => ({ id: g.id, role: g.role, jurisdictionId: g.jurisdictionId, jurisdictionPath: g.path, jurisdictionName: g.jurisdictionName })),
  };
}

/** The display names of accounts by id, for records that name who did something (no grants, no scope: a name only). */
export async function displayNamesOf(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await q.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(found.map((u) => [u.id, u.displayName]));
}

export async function findStaff(q: Queryable, id: string): Promise<StaffMember | undefined> {
  const [row] = await q.select(columns).from(users).innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId)).where(eq(users.id, id));
  return row ? present(q, row as Row) : undefined;
}

export async function listStaff(
  q: Queryable,
  roots: string[],
  opts: { underPath?: string; kind?: 'staff' | 'device'; limit: number; offset: number },
): Promise<StaffMember[]> {
  const conditions = [withinRoots(jurisdictions.path, roots)];
  if (opts.underPath) conditions.push(withinRoots(jurisdictions.path, [opts.underPath]));
  if (opts.kind) conditions.push(eq(users.kind, opts.kind));
  const list = await q
    .select(columns)
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(opts.limit)
    .offset(opts.offset);
  return Promise.all(list.map((r) => present(q, r as Row)));
}

export async function findUserByUsername(q: Queryable, username: string) {
  const [row] = await q.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}
