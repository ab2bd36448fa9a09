import { sign, verify, type KeyObject } from 'node:crypto';
import { AuditCheckpoint } from '@firebreak/contracts';
import canonicalize from 'canonicalize';
import { and, asc, desc, gt, isNotNull, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Queryable } from '../db/client.js';
import { auditCheckpoints, auditLog } from '../db/platform.tables.js';
import { writeOutbox } from '../events/outbox.js';
import { consistencyProof, leafHash, subtreeRoot, verifyConsistency } from './merkle.js';
import { keyIdOf, rawPublicKey, type AuditKeys } from './signing-key.js';
import { every } from '../jobs/sweep.js';

/**
 * Signed checkpoints of the audit log (ADR 0005): the Merkle tree of RFC 9162 over the chained
 * rows in seq order — leaf i is the row's chain hash — and an Ed25519-signed tree head. A head
 * kept outside the database proves later that the log still holds exactly those rows.
 */

/** What is signed: a domain label, then the canonical JSON of the head without key or signature. */
function signedBytes(head: Pick<AuditCheckpoint, 'version' | 'treeSize' | 'rootHash' | 'timestamp' | 'keyId'>): Buffer {
  const { version, treeSize, rootHash, timestamp, keyId } = head;
  return Buffer.from(`firebreak audit tree head\n${canonicalize({ version, treeSize, rootHash, timestamp, keyId })}`);
}

export function signTreeHead(keys: AuditKeys, treeSize: number, root: Buffer, at: Date): AuditCheckpoint {
  const head = { version: 1 as const, treeSize, rootHash: root.toString('hex'), timestamp: at.toISOString(), keyId: keys.keyId };
  return { ...head, publicKey: rawPublicKey(keys.publicKey).toString('base64'), signature: sign(null, signedBytes(head), keys.privateKey).toString('base64') };
}

/** True when the head was signed by `trusted` (the key named in the head itself is not trusted). */
export function treeHeadSignedBy(head: AuditCheckpoint, trusted: KeyObject): boolean {
  if (head.keyId !== keyIdOf(trusted)) return false;
  return verify(null, signedBytes(head), trusted, Buffer.from(head.signature, 'base64'));
}

export class LogShapeError extends Error {}

/**
 * The leaf hashes of the chained rows 1..upTo (all of them when unset), read in pages. A gap in
 * seq is refused: the tree is defined over an unbroken sequence (the chain verifier names gaps).
 */
export async function auditLeaves(q: Queryable, upTo?: number, pageSize = 10_000): Promise<Buffer[]> {
  const leaves: Buffer[] = [];
  for (;;) {
    const page = await q
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(and(isNotNull(auditLog.seq), gt(auditLog.seq, leaves.length), upTo === undefined ? undefined : lte(auditLog.seq, upTo)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== leaves.length + 1) throw new LogShapeError(`the chain has no row ${leaves.length + 1} (next is ${row.seq})`);
      leaves.push(leafHash(Buffer.from(row.hash ?? '', 'hex')));
    }
    if (page.length < pageSize) return leaves;
  }
}

/**
 * Signs the current tree head and records it with an `audit.checkpoint` event, in one
 * transaction. Not a `runCommand`: a checkpoint is the audit log's own receipt, and an audit row
 * for it would grow the log it signs (every periodic checkpoint would find a new row to sign).
 * Returns the stored head when the tree has not grown since it (`fresh` false).
 */
export async function writeCheckpoint(db: Db, keys: AuditKeys, now: Date): Promise<{ head: AuditCheckpoint; fresh: boolean }> {
  const leaves = await auditLeaves(db);
  const head = signTreeHead(keys, leaves.length, subtreeRoot(leaves), now);
  const [last] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.treeSize)).limit(1);
  if (last && last.treeSize === head.treeSize && last.rootHash === head.rootHash && last.keyId === head.keyId) {
    return { head: { version: 1, treeSize: last.treeSize, rootHash: last.rootHash, timestamp: last.signedAt.toISOString(), keyId: last.keyId, publicKey: head.publicKey, signature: last.signature }, fresh: false };
  }
  const fresh = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(auditCheckpoints)
      .values({ treeSize: head.treeSize, rootHash: head.rootHash, signedAt: now, keyId: head.keyId, signature: head.signature })
      .onConflictDoNothing()
      .returning({ treeSize: auditCheckpoints.treeSize });
    // Another node signed this size at the same moment: its head is the one published.
    if (inserted.length === 0) return false;
    await writeOutbox(tx, [{ type: 'audit.checkpoint', jurisdictionPath: null, data: head }], now);
    return true;
  });
  return { head, fresh };
}

export type CheckpointVerdict =
  | { ok: true; checkpointSize: number; currentSize: number; currentRoot: string; proof: string[] }
  | { ok: false; reason: 'bad_signature' | 'truncated' | 'root_mismatch' | 'not_consistent' | 'chain_gap'; detail: string };

/**
 * Does the log still contain the checkpoint's tree? The signature must verify under `trusted`;
 * the first `treeSize` rows must hash to its root (catches deletion, truncation and any rewrite,
 * recomputed hashes or not); and the current tree must extend it (RFC 9162 consistency proof,
 * which is also what a witness holding only heads would be given).
 */
export async function verifyCheckpoint(db: Db, head: AuditCheckpoint, trusted: KeyObject): Promise<CheckpointVerdict> {
  if (!treeHeadSignedBy(head, trusted)) {
    return { ok: false, reason: 'bad_signature', detail: `the checkpoint is not signed by the trusted key ${keyIdOf(trusted)} (it names key ${head.keyId})` };
  }
  let leaves: Buffer[];
  try {
    leaves = await auditLeaves(db);
  } catch (err) {
    if (err instanceof LogShapeError) return { ok: false, reason: 'chain_gap', detail: err.message };
    throw err;
  }
  if (leaves.length < head.treeSize) {
    return { ok: false, reason: 'truncated', detail: `the checkpoint covers ${head.treeSize} rows; the log has ${leaves.length}` };
  }
  const oldRoot = subtreeRoot(leaves, 0, head.treeSize);
  if (oldRoot.toString('hex') !== head.rootHash) {
    return { ok: false, reason: 'root_mismatch', detail: `the first ${head.treeSize} rows hash to ${oldRoot.toString('hex')}, the checkpoint to ${head.rootHash}: rows were changed, removed or replaced` };
  }
  const currentRoot = subtreeRoot(leaves);
  const proof = consistencyProof(leaves, head.treeSize);
  if (!verifyConsistency({ size: head.treeSize, root: Buffer.from(head.rootHash, 'hex') }, { size: leaves.length, root: currentRoot }, proof)) {
    return { ok: false, reason: 'not_consistent', detail: `the tree of ${leaves.length} rows does not extend the checkpoint's` };
  }
  return { ok: true, checkpointSize: head.treeSize, currentSize: leaves.length, currentRoot: currentRoot.toString('hex'), proof: proof.map((p) => p.toString('hex')) };
}

/** Parses a checkpoint file's text; the error names the field. */
export function parseCheckpoint(text: string): AuditCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`);
  }
  const parsed = AuditCheckpoint.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * `serve`'s periodic checkpoint: every `minutes`, drain the chainer and sign the head if the log
 * grew. Several nodes may run it; the table's key (tree size) keeps one head per size.
 */
export function scheduleCheckpoints(opts: { db: Db; keys: AuditKeys; drain: () => Promise<unknown>; clock: () => Date; minutes: number; log: Logger }): () => void {
  if (opts.minutes <= 0) return () => undefined;
  return every(opts.minutes * 60_000, async () => {
    await opts.drain();
    const { head, fresh } = await writeCheckpoint(opts.db, opts.keys, opts.clock());
    if (fresh) opts.log.info({ treeSize: head.treeSize, rootHash: head.rootHash, keyId: head.keyId }, 'audit checkpoint signed');
  }, opts.log, 'audit checkpoint failed; retried at the next interval');
}
