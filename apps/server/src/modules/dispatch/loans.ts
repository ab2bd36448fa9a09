import type { Recommendation } from '@firebreak/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { unitLoans } from './loans.tables.js';

export type LoanMark = NonNullable<Recommendation['lent']>;

/** The units lent for this incident now, by unit id. */
export async function loansFor(q: Queryable, incidentId: string): Promise<Map<string, LoanMark>> {
  const list = await q.select({ unitId: unitLoans.unitId, requestId: unitLoans.requestId, lendingJurisdictionPath: sql<string>`${unitLoans.lendingPath}::text` })
    .from(unitLoans).where(and(eq(unitLoans.incidentId, incidentId), isNull(unitLoans.releasedAt)));
  return new Map(list.map((l) => [l.unitId, { requestId: l.requestId, lendingJurisdictionPath: l.lendingJurisdictionPath }]));
}

/**
 * Lends units for one incident (the caller has checked who may lend them and that they are
 * available). Returns the ids of units already lent for it, lending none then: a double grant.
 */
export async function lendUnits(tx: Tx, loan: { incidentId: string; requestId: string; lendingPath: string; lentBy: string | null; now: Date; unitIds: readonly string[] }): Promise<string[]> {
  const live = await loansFor(tx, loan.incidentId);
  const already = loan.unitIds.filter((id) => live.has(id));
  if (already.length > 0) return already;
  for (const unitId of loan.unitIds) {
    await tx.insert(unitLoans).values({ id: uuidv7(), incidentId: loan.incidentId, unitId, requestId: loan.requestId, lendingPath: loan.lendingPath, lentBy: loan.lentBy, lentAt: loan.now });
  }
  return [];
}

/** Ends the loans of an incident (all, or one request's): returns how many ended. */
export async function releaseLoans(tx: Tx, f: { incidentId: string; requestId?: string; now: Date }): Promise<number> {
  const ended = await tx.update(unitLoans).set({ releasedAt: f.now })
    .where(and(eq(unitLoans.incidentId, f.incidentId), isNull(unitLoans.releasedAt), f.requestId ? eq(unitLoans.requestId, f.requestId) : undefined))
    .returning({ id: unitLoans.id });
  return ended.length;
}
