import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash of the (virtual) row before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed: every column of the row except the hash itself. */
export interface AuditContent {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** sha256(previous hash + RFC 8785 canonical JSON of the row), hex. */
export function chainHash(prevHash: string, content: AuditContent): string {
  const canonical = canonicalize(normalise(content));
  return createHash('sha256').update(prevHash).update(canonical ?? '').digest('hex');
}

/**
 * HMAC-SHA-256 of a row's recorded content (everything but its chain position), keyed with the
 * audit key's MAC key: written by the command that inserts the row, checked by the chainer before
 * it links the row. A row inserted behind the application's back has no valid MAC.
 */
export function rowMac(macKey: Buffer, content: RecordedContent): string {
  const { seq: _seq, ...recorded } = content as Partial<AuditContent>;
  return createHmac('sha256', macKey).update(canonicalize(normalise(recorded)) ?? '').digest('hex');
}

export type RecordedContent = Omit<AuditContent, 'seq'>;

export function macMatches(macKey: Buffer, content: RecordedContent, mac: string | null): boolean {
  if (mac === null || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(rowMac(macKey, content), 'hex'), Buffer.from(mac, 'hex'));
}

/** JSON round trip, so that what is hashed equals what jsonb gives back (undefined dropped). */
function normalise(content: Partial<AuditContent>): unknown {
  return JSON.parse(JSON.stringify({ ...content, before: content.before ?? null, after: content.after ?? null }));
}

export interface StoredAuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; reason: 'sequence_gap'; expectedSeq: number }
  /** An unchained row without a valid MAC: not written by a command of this application. */
  | { seq: null; reason: 'forged_unchained'; id: string; count: number }
  | { seq: number; reason: 'prev_hash_mismatch' }
  | { seq: number; reason: 'hash_mismatch' };

/**
 * Checks rows in seq order, continuing from `prev`. Returns the first break, or the state to
 * continue with (the verifier streams the table in pages).
 */
export function verifyRows(
  rowsInOrder: StoredAuditRow[],
  prev: { seq: number; hash: string },
): { ok: true; last: { seq: number; hash: string } } | { ok: false; broken: ChainBreak } {
  let last = prev;
  for (const row of rowsInOrder) {
    if (row.seq !== last.seq + 1) {
      return { ok: false, broken: { seq: row.seq, reason: 'sequence_gap', expectedSeq: last.seq + 1 } };
    }
    if (row.prevHash !== last.hash) return { ok: false, broken: { seq: row.seq, reason: 'prev_hash_mismatch' } };
    const { prevHash, hash, ...content } = row;
    if (chainHash(prevHash, content) !== hash) return { ok: false, broken: { seq: row.seq, reason: 'hash_mismatch' } };
    last = { seq: row.seq, hash };
  }
  return { ok: true, last };
}
