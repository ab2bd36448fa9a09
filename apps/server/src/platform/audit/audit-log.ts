import { and, asc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';
import { GENESIS_HASH, verifyRows, type AuditContent, type ChainBreak, type StoredAuditRow } from './chain.js';

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
 * Records entries inside the command's transaction, unchained: the chainer links them into the
 * hash chain after commit (chainer.ts). No lock is taken here, so commands stay concurrent.
 */
export async function appendAudit(
  tx: Tx,
  actor: AuditActor,
  requestId: string | null,
  entries: AuditEntryInput[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date(Math.floor(now.getTime()));
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      id: uuidv7(),
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      jurisdictionPath: e.jurisdictionPath,
      // A JSON round trip drops `undefined`, so what is stored is what gets hashed.
      before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
      after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
      requestId,
    })),
  );
}

export type VerifyResult =
  | { ok: true; rows: number; pending: number; headHash: string }
  | { ok: false; rows: number; pending: number; broken: ChainBreak };

/**
 * Walks the whole chain in pages and names the first broken row. `pending` counts rows not yet
 * linked by the chainer (drain it first for a complete answer): they are not covered yet.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let last = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const [pendingRow] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(isNull(auditLog.seq));
  const pending = Number(pendingRow?.n ?? 0);
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.seq), gt(auditLog.seq, last.seq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, rows: count, pending, headHash: last.hash };
    const result = verifyRows(page.map(toStored), last);
    if (!result.ok) return { ok: false, rows: count + page.findIndex((r) => r.seq === result.broken.seq), pending, broken: result.broken };
    count += page.length;
    last = result.last;
  }
}

type AuditRow = typeof auditLog.$inferSelect;

/** The hashed content of a row, with the chain position it has or is about to get. */
export function toContent(r: AuditRow & { seq: number }): AuditContent {
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
  };
}

function toStored(r: AuditRow): StoredAuditRow {
  return { ...toContent({ ...r, seq: r.seq ?? 0 }), prevHash: r.prevHash ?? '', hash: r.hash ?? '' };
}
