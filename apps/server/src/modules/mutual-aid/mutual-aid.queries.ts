import type { MutualAidAgreement, UnitKind } from '@firebreak/contracts';
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { aidLentTo, AID_HOLDER_PERMISSION, scopeRoots, type ActorGrant, type AidGrant } from '../../platform/auth/access.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import type { Queryable } from '../../platform/db/client.js';
import { mutualAidAgreements as t } from './mutual-aid.tables.js';

const columns = {
  id: t.id,
  providingJurisdictionId: t.providingJurisdictionId,
  providingJurisdictionPath: sql<string>`${t.providingPath}::text`,
  requestingJurisdictionId: t.requestingJurisdictionId,
  requestingJurisdictionPath: sql<string>`${t.requestingPath}::text`,
  unitKinds: t.unitKinds,
  mutual: t.mutual,
  note: t.note,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  revokedAt: t.revokedAt,
  version: t.version,
};

type Row = Omit<MutualAidAgreement, 'createdAt' | 'revokedAt' | 'unitKinds'> & { createdAt: Date; revokedAt: Date | null; unitKinds: UnitKind[] };

const present = (r: Row): MutualAidAgreement => ({ ...r, createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null });

export async function findAgreement(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<MutualAidAgreement | undefined> {
  const query = q.select(columns).from(t).where(eq(t.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ? present(row as Row) : undefined;
}

/** Agreements either side of which lies in `roots` (and, with `touching`, either side in that subtree). */
export async function listAgreements(q: Queryable, f: { roots: string[]; touching?: string | undefined; state: 'active' | 'revoked' | 'all' }): Promise<MutualAidAgreement[]> {
  const where: (SQL | undefined)[] = [
    or(withinRoots(t.providingPath, f.roots), withinRoots(t.requestingPath, f.roots)),
    f.touching ? or(withinRoots(t.providingPath, [f.touching]), withinRoots(t.requestingPath, [f.touching])) : undefined,
    f.state === 'active' ? isNull(t.revokedAt) : f.state === 'revoked' ? isNotNull(t.revokedAt) : undefined,
  ];
  const list = await q.select(columns).from(t).where(and(...where)).orderBy(asc(t.id)).limit(1000);
  return list.map((r) => present(r as Row));
}

/**
 * What the agreements in force lend to someone with these grants (resolved with the actor on
 * every request: a revoked agreement lends nothing from the next request on).
 */
export async function aidFor(q: Queryable, grants: readonly ActorGrant[]): Promise<AidGrant[]> {
  const roots = scopeRoots({ grants } as never, AID_HOLDER_PERMISSION);
  if (roots.length === 0) return [];
  const list = await q
    .select({ id: t.id, providingPath: sql<string>`${t.providingPath}::text`, requestingPath: sql<string>`${t.requestingPath}::text`, unitKinds: t.unitKinds, mutual: t.mutual })
    .from(t)
    .where(and(isNull(t.revokedAt), or(withinRoots(t.requestingPath, roots), and(eq(t.mutual, true), withinRoots(t.providingPath, roots)))));
  return aidLentTo(grants, list);
}
