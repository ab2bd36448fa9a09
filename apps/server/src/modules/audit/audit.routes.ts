import { AuditEntry, AuditQuery } from '@firebreak/contracts';
import { and, asc, eq, gt, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { verifyAuditChain } from '../../platform/audit/audit-log.js';
import { auditLog } from '../../platform/db/platform.tables.js';
import type { Platform } from '../../platform/kernel.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';

const VerifyResponse = z.object({ ok: z.boolean(), rows: z.number().int(), pending: z.number().int(), headHash: z.string().optional(), broken: z.unknown().optional() });

/** The audit rows under these roots; rows with no jurisdiction (logins, imports of nothing) belong to national scope only. */
export function auditScope(roots: readonly string[]): SQL | undefined {
  const national = roots.some((p) => !p.includes('.'));
  return national ? or(withinRoots(auditLog.jurisdictionPath, [...roots]), isNull(auditLog.jurisdictionPath)) : withinRoots(auditLog.jurisdictionPath, [...roots]);
}

export async function auditRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/audit', {
    schema: { operationId: 'listAuditEntries', tags: ['audit'], summary: 'Audit trail within my scope (auditors)', querystring: AuditQuery, response: { 200: z.array(AuditEntry) } },
    config: { access: 'audit:read' },
  }, async (request) => {
    const q = request.query;
    const conditions: (SQL | undefined)[] = [
      auditScope(scopeRoots(actorOf(request), 'audit:read')),
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
      q.afterSeq !== undefined ? gt(auditLog.seq, q.afterSeq) : undefined,
    ];
    const list = await platform.db.select().from(auditLog).where(and(...conditions)).orderBy(sql`${auditLog.seq} asc nulls last`, asc(auditLog.at), asc(auditLog.id)).limit(q.limit);
    return list.map((e) => ({ ...e, at: e.at.toISOString() }));
  });

  r.get('/audit/verify', {
    schema: { operationId: 'verifyAuditChain', tags: ['audit'], summary: 'Verify the whole hash chain (auditors)', response: { 200: VerifyResponse } },
    config: { access: 'audit:read' },
  }, async () => {
    await platform.auditChainer.drain();
    return verifyAuditChain(platform.db, platform.auditKeys.macKey);
  });
}
