import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

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
  return linkHash(prevHash, recordedCanonical(content), content.seq);
}

/**
 * The chain hash from the row's recorded canonical form (`recordedCanonical`) and its position:
 * `seq` sorts after every recorded key (RFC 8785 orders keys by code unit; `requestId` is the
 * last of them), so the canonical row is the recorded one with `"seq":n` appended. The chainer
 * checks the MAC and links the row from one canonical form instead of building it twice.
 */
export function linkHash(prevHash: string, recorded: string, seq: number): string {
  return createHash('sha256').update(prevHash).update(`${recorded.slice(0, -1)},"seq":${canonicalJson(seq)}}`).digest('hex');
}

/** RFC 8785 canonical JSON of a row's recorded content (a `seq`, if given, is left out), as JSON carries it. */
export function recordedCanonical(content: RecordedContent): string {
  const { seq: _seq, ...recorded } = content as Partial<AuditContent>;
  // An absent before/after is null, as the column stores it; canonicalJson drops undefined as jsonb would.
  return canonicalJson({ ...recorded, before: recorded.before ?? null, after: recorded.after ?? null });
}

/**
 * HMAC-SHA-256 of a row's recorded content (everything but its chain position), keyed with the
 * audit key's MAC key: written by the command that inserts the row, checked by the chainer before
 * it links the row. A row inserted behind the application's back has no valid MAC.
 */
export function rowMac(macKey: Buffer, content: RecordedContent): string {
  return macOf(macKey, recordedCanonical(content));
}

function macOf(macKey: Buffer, recorded: string): string {
  return createHmac('sha256', macKey).update(recorded).digest('hex');
}

export type RecordedContent = Omit<AuditContent, 'seq'>;

export function macMatches(macKey: Buffer, content: RecordedContent, mac: string | null): boolean {
  return canonicalMacMatches(macKey, recordedCanonical(content), mac);
}

/** `macMatches` for a recorded canonical form already built (`recordedCanonical`). */
export function canonicalMacMatches(macKey: Buffer, recorded: string, mac: string | null): boolean {
  if (mac === null || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(macOf(macKey, recorded), 'hex'), Buffer.from(mac, 'hex'));
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
