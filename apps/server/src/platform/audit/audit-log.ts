import { and, asc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';
import { GENESIS_HASH, macMatches, rowMac, verifyRows, type AuditContent, type ChainBreak, type RecordedContent, type StoredAuditRow } from './chain.js';

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
 * Each row carries the MAC of its content under the audit key (`macKey`): the proof that this
 * application wrote it, which the chainer checks before it links the row.
 */
export async function appendAudit(
  tx: Tx,
  actor: AuditActor,
  requestId: string | null,
  entries: AuditEntryInput[],
  now: Date,
  macKey: Buffer,
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(auditRows(actor, requestId, entries, now, macKey));
}

/** The rows `appendAudit` inserts, each with its MAC: for a caller that writes them in a statement of its own. */
export function auditRows(actor: AuditActor, requestId: string | null, entries: AuditEntryInput[], now: Date, macKey: Buffer) {
  const at = new Date(Math.floor(now.getTime()));
  return entries.map((e) => {
    const row = {
      id: uuidv7(),
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      jurisdictionPath: e.jurisdictionPath,
      // Stored as JSON.stringify writes them (jsonb), and hashed by canonicalJson, which gives the bytes
      // of that JSON round trip (undefined dropped, toJSON applied) in one walk: no copy through JSON
      // here (it was 1 % of the busy time of bench:command, docs/benchmarks.md).
      before: e.before === undefined ? null : e.before,
      after: e.after === undefined ? null : e.after,
      requestId,
    };
    return { ...row, mac: rowMac(macKey, recordedContent(row)) };
  });
}

export type VerifyResult =
  | { ok: true; rows: number; pending: number; headHash: string }
  | { ok: false; rows: number; pending: number; broken: ChainBreak };

/**
 * Walks the whole chain in pages and names the first broken row. `pending` counts rows not yet
 * linked by the chainer (drain it first for a complete answer): they are not covered yet, but
 * each must carry a valid MAC — one that does not was inserted behind the application's back,
 * and the chain is reported broken (`forged_unchained`) even if every chained row is sound.
 */
export async function verifyAuditChain(db: Db, macKey: Buffer, pageSize = 5000): Promise<VerifyResult> {
  let last = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const unchained = await checkUnchained(db, macKey, pageSize);
  const pending = unchained.pending;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.seq), gt(auditLog.seq, last.seq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (page.length === 0) {
      if (unchained.forged) return { ok: false, rows: count, pending, broken: unchained.forged };
      return { ok: true, rows: count, pending, headHash: last.hash };
    }
    const result = verifyRows(page.map(toStored), last);
    if (!result.ok) return { ok: false, rows: count + page.findIndex((r) => r.seq === result.broken.seq), pending, broken: result.broken };
    count += page.length;
    last = result.last;
  }
}

type AuditRow = typeof auditLog.$inferSelect;

/** Counts the unchained rows and names the first whose MAC is missing or wrong. */
async function checkUnchained(db: Db, macKey: Buffer, pageSize: number): Promise<{ pending: number; forged: ChainBreak | undefined }> {
  let pending = 0;
  let forgedCount = 0;
  let firstForged: string | undefined;
  for await (const page of unchainedPages(db, pageSize)) {
    pending += page.length;
    for (const row of page) {
      if (macMatches(macKey, recordedContent(row), row.mac)) continue;
      forgedCount += 1;
      firstForged ??= row.id;
    }
  }
  return { pending, forged: firstForged === undefined ? undefined : { seq: null, reason: 'forged_unchained', id: firstForged, count: forgedCount } };
}

/** Unchained rows in the order the chainer links them, (at, id), a page at a time. */
export async function* unchainedPages(q: Db | Tx, pageSize: number): AsyncGenerator<AuditRow[]> {
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const page = await q
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.seq), after ? sql`(${auditLog.at}, ${auditLog.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    const lastRow = page[page.length - 1]!;
    after = { at: lastRow.at, id: lastRow.id };
  }
}

/** What a row's MAC covers: its recorded content, without a chain position. */
export function recordedContent(r: Omit<AuditRow, 'seq' | 'prevHash' | 'hash' | 'mac'>): RecordedContent {
  return {
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

/** The hashed content of a row, with the chain position it has or is about to get. */
export function toContent(r: AuditRow & { seq: number }): AuditContent {
  return { seq: r.seq, ...recordedContent(r) };
}

function toStored(r: AuditRow): StoredAuditRow {
  return { ...toContent({ ...r, seq: r.seq ?? 0 }), prevHash: r.prevHash ?? '', hash: r.hash ?? '' };
}
