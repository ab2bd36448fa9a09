import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';

export interface AuditTrailEntry {
  auditId: string;
  entityId: string;
  at: Date;
  action: string;
  actorName: string | null;
  jurisdictionPath: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit entries of some entities of one type, oldest first, optionally only those recorded
 * by `upTo`: the record from which a history, or the state of things at an instant, is read.
 * Rows are linked into the hash chain (seq) shortly after commit; until then, time orders them.
 */
export async function auditTrailOf(q: Queryable, entityType: string, entityIds: readonly string[], upTo?: Date): Promise<AuditTrailEntry[]> {
  if (entityIds.length === 0) return [];
  const list = await q
    .select({
      auditId: auditLog.id, entityId: auditLog.entityId, at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName,
      jurisdictionPath: sql<string | null>`${auditLog.jurisdictionPath}::text`, before: auditLog.before, after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, [...entityIds]), upTo ? lte(auditLog.at, upTo) : undefined))
    .orderBy(asc(auditLog.at), sql`${auditLog.seq} asc nulls last`, asc(auditLog.id));
  return list.map((e) => ({ ...e, entityId: e.entityId! }));
}
