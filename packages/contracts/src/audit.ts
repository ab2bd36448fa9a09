import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';

export const AuditEntry = z.object({
  /** Position in the hash chain; null for a row committed a moment ago and not yet linked. */
  seq: z.number().int().nullable(),
  id: Id,
  at: Timestamp,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  jurisdictionPath: JurisdictionPath.nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Id.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The audit entries a trace line cites (`?ids=a,b,c`, up to 200), for whoever may read the trace. */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const CitedAuditQuery = z.strictObject({
  ids: z.string().regex(new RegExp(`^${UUID}(,${UUID}){0,199}$`), 'up to 200 audit entry ids, separated by commas'),
});
export type CitedAuditQuery = z.infer<typeof CitedAuditQuery>;

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');

/**
 * A signed tree head of the audit log (RFC 9162-style Merkle tree over the chained rows): the
 * `audit.checkpoint` event's data and the JSON `firebreak audit checkpoint` prints. Kept outside
 * the database (a file, a witness), it lets `audit verify --checkpoint` detect deletion,
 * truncation and rewriting of the rows it covers.
 */
export const AuditCheckpoint = z.strictObject({
  version: z.literal(1),
  /** The first `treeSize` chained rows (seq 1..treeSize) are the leaves. */
  treeSize: z.number().int().min(0),
  rootHash: Hex32,
  timestamp: Timestamp,
  /** First 16 hex digits of SHA-256 over the raw Ed25519 public key. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** The raw Ed25519 public key, base64 — for convenience only: verify against a key you trust. */
  publicKey: z.string().max(100),
  /** Ed25519 signature (base64) over the canonical JSON of version, treeSize, rootHash, timestamp and keyId. */
  signature: z.string().max(200),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;
