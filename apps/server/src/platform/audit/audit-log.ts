import { asc, desc, gt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';
import { GENESIS_HASH, chainHash, verifyRows, type AuditContent, type ChainBreak, type StoredAuditRow } from './chain.js';

/** Arbitrary constant: the transaction lock that orders appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_470_002;

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionPath: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  id: string | null;
  name: string | null;
}

/**
 * Appends entries to the chain inside the caller's transaction. The lock is held until commit,
 * so appends are serialised: call this last in a command to keep that window short.
 */
export async function appendAudit(
  tx: Tx,
  actor: AuditActor,
  requestId: string | null,
  entries: AuditEntryInput[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let prev = head ?? { seq: 0, hash: GENESIS_HASH };
  const at = new Date(Math.floor(now.getTime()));
  const values = entries.map((e) => {
    const content: AuditContent = {
      seq: prev.seq + 1,
      id: uuidv7(),
      at: at.toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      jurisdictionPath: e.jurisdictionPath,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId,
    };
    const hash = chainHash(prev.hash, content);
    const row = { ...content, at, prevHash: prev.hash, hash };
    prev = { seq: content.seq, hash };
    return row;
  });
  await tx.insert(auditLog).values(values);
}

export type VerifyResult =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; broken: ChainBreak };

/** Walks the whole chain in pages and names the first broken row. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let last = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, last.seq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) return { ok: true, rows: count, headHash: last.hash };
    const result = verifyRows(page.map(toStored), last);
    if (!result.ok) return { ok: false, rows: count, broken: result.broken };
    count += page.length;
    last = result.last;
  }
}

function toStored(r: typeof auditLog.$inferSelect): StoredAuditRow {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    jurisdictionPath: r.jurisdictionPath,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}
