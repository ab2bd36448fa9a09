import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import canonicalize from 'canonicalize';
import type { MigrationLevel } from '../db/migration-level.js';

/**
 * A Firebreak backup file: one header line, the manifest as one line of JSON, then the payload
 * (a PGlite data folder as tar.gz, or a pg_dump custom-format archive). The manifest carries the
 * payload's length and SHA-256 (a truncated or altered file is refused before anything is
 * written) and is signed with the audit key (a manifest and payload rewritten together are too).
 */
export const BACKUP_MAGIC = 'FIREBREAK-BACKUP 1';

export interface BackupManifest {
  format: 1;
  /** The Firebreak version that wrote it (apps/server/package.json). */
  version: string;
  backend: 'pglite' | 'postgres';
  createdAt: string;
  migrations: MigrationLevel;
  /** Rows per table at the snapshot: restore and verify compare them. */
  counts: Record<string, number>;
  audit: {
    chained: number;
    unchained: number;
    headSeq: number | null;
    headHash: string | null;
    /** The newest signed checkpoint stored in the database at the snapshot. */
    checkpoint: { treeSize: number; rootHash: string; signedAt: string; keyId: string } | null;
  };
  /**
   * Embedded default without AUDIT_SIGNING_KEY: the data folder's generated audit key, which the
   * restored chain's MACs need. Then the signature proves integrity only (whoever holds the file
   * holds the key); with AUDIT_SIGNING_KEY set, the key never enters the file.
   */
  embeddedKey?: string;
  payload: { encoding: 'pglite-datadir-tar-gzip' | 'pg_dump-custom'; bytes: number; sha256: string };
  keyId: string;
  signature: string;
}

export class BackupFileError extends Error {}

const signedBytes = (m: Omit<BackupManifest, 'signature'>): Buffer => Buffer.from(`firebreak backup manifest\n${canonicalize(m)}`);

export function signManifest(m: Omit<BackupManifest, 'signature' | 'keyId'>, keyId: string, key: KeyObject): BackupManifest {
  const unsigned = { ...m, keyId };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key).toString('base64') };
}

export function manifestSignedBy(m: BackupManifest, keyId: string, trusted: KeyObject): boolean {
  if (m.keyId !== keyId) return false;
  const { signature, ...unsigned } = m;
  try {
    return verify(null, signedBytes(unsigned), trusted, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function headerOf(m: BackupManifest): Buffer {
  return Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(m)}\n`);
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Reads and checks the header of a backup file: its manifest and where the payload starts. */
export function readHeader(file: string): { manifest: BackupManifest; payloadOffset: number; fileBytes: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new BackupFileError(`${file}: cannot be read (${(err as Error).message})`);
  }
  try {
    const head = Buffer.alloc(Math.min(1 << 20, statSync(file).size));
    readSync(fd, head, 0, head.length, 0);
    const first = head.indexOf(0x0a);
    if (first < 0 || head.subarray(0, first).toString() !== BACKUP_MAGIC) throw new BackupFileError(`${file} is not a Firebreak backup (no "${BACKUP_MAGIC}" header)`);
    const second = head.indexOf(0x0a, first + 1);
    if (second < 0) throw new BackupFileError(`${file} is truncated: its manifest is cut off`);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(head.subarray(first + 1, second).toString()) as BackupManifest;
    } catch {
      throw new BackupFileError(`${file}: the manifest is not valid JSON (tampered or corrupted)`);
    }
    if (manifest.format !== 1 || typeof manifest.payload?.bytes !== 'number' || typeof manifest.payload.sha256 !== 'string') {
      throw new BackupFileError(`${file}: manifest format ${String(manifest.format)} is not one this version reads (made by Firebreak ${String(manifest.version)})`);
    }
    const fileBytes = statSync(file).size;
    const expected = second + 1 + manifest.payload.bytes;
    if (fileBytes < expected) throw new BackupFileError(`${file} is truncated: ${fileBytes} bytes of the ${expected} its manifest announces`);
    if (fileBytes > expected) throw new BackupFileError(`${file} has ${fileBytes - expected} bytes more than its manifest announces (tampered or corrupted)`);
    return { manifest, payloadOffset: second + 1, fileBytes };
  } finally {
    closeSync(fd);
  }
}

/** Numeric comparison of dotted versions (`0.10.0` > `0.9.3`); pre-release tags are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('-')[0]!.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
