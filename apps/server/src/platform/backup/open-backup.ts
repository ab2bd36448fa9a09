import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { AuditCheckpoint } from '@firebreak/contracts';
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditCheckpoints } from '../db/platform.tables.js';
import { codeLevel, databaseLevel, newerThanCode } from '../db/migration-level.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { verifyCheckpoint } from '../audit/checkpoint.js';
import { auditKeysFrom, parseSigningKey, rawPublicKey, type AuditKeys } from '../audit/signing-key.js';
import { BackupFileError, compareVersions, manifestSignedBy, readHeader, type BackupManifest } from './backup-file.js';
import { PRODUCT_VERSION } from './backup.js';
import { countDifferences, describeState } from './state.js';
import { runOn } from '../db/migration-level.js';

/** Which audit key a restore trusts: the configured one, else the one the file carries, else the node's key file. */
export interface Trust {
  configured: AuditKeys | undefined;
  /** The key file of the target's data folder (PostgreSQL without AUDIT_SIGNING_KEY). */
  dataDirKey: () => AuditKeys;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  keys: AuditKeys;
  /** Copies the (checked) payload to `to`. */
  extractPayload(to: string): Promise<void>;
}

/**
 * Everything that can be checked before a byte is written: the header, the length (truncation),
 * the payload's SHA-256, the manifest's signature, and that this code is not older than the file.
 */
export async function openBackup(file: string, trust: Trust): Promise<OpenedBackup> {
  const { manifest, payloadOffset } = readHeader(file);
  if (compareVersions(manifest.version, PRODUCT_VERSION) > 0) {
    throw new BackupFileError(`${file} was made by Firebreak ${manifest.version}, newer than this ${PRODUCT_VERSION}: restore it with that version or later`);
  }
  const problem = newerThanCode(manifest.migrations, codeLevel());
  if (problem) throw new BackupFileError(`${file}: ${problem}`);
  const payload = () => createReadStream(file, { start: payloadOffset });
  const hash = createHash('sha256');
  await pipeline(payload(), hash);
  const actual = hash.digest('hex');
  if (actual !== manifest.payload.sha256) {
    throw new BackupFileError(`${file} is damaged or was altered: its payload's SHA-256 is ${actual}, the manifest says ${manifest.payload.sha256}`);
  }
  const keys = keysFor(file, manifest, trust);
  if (!manifestSignedBy(manifest, keys.keyId, keys.publicKey)) {
    throw new BackupFileError(`${file}: the manifest's signature does not verify under audit key ${keys.keyId} (${manifest.keyId === keys.keyId ? 'the manifest was altered' : `it names key ${manifest.keyId}`})`);
  }
  return { manifest, keys, extractPayload: (to) => pipeline(payload(), createWriteStream(to, { flags: 'wx' })) };
}

function keysFor(file: string, manifest: BackupManifest, trust: Trust): AuditKeys {
  if (trust.configured) {
    if (trust.configured.keyId !== manifest.keyId) {
      throw new BackupFileError(`${file} was signed with audit key ${manifest.keyId}; AUDIT_SIGNING_KEY is key ${trust.configured.keyId}. Set the key the backed-up deployment used`);
    }
    return trust.configured;
  }
  if (manifest.embeddedKey) {
    try {
      return auditKeysFrom(parseSigningKey(manifest.embeddedKey), 'the backup file');
    } catch {
      throw new BackupFileError(`${file}: the audit key it carries is not a valid key (tampered or corrupted)`);
    }
  }
  const own = trust.dataDirKey();
  if (own.keyId !== manifest.keyId) {
    throw new BackupFileError(`${file} was signed with audit key ${manifest.keyId}, this node's is ${own.keyId}: set AUDIT_SIGNING_KEY to the deployment's key`);
  }
  return own;
}

export interface RestoredCheck {
  problems: string[];
  chainedRows: number;
  checkpoint: string;
}

/**
 * A restored database against its manifest: migration level, rows per table, the audit chain
 * (every link and MAC), its head, and the newest stored checkpoint — or `external`, one kept
 * elsewhere — proved contained in the restored log.
 */
export async function checkRestored(db: Db, manifest: BackupManifest, keys: AuditKeys, external?: AuditCheckpoint): Promise<RestoredCheck> {
  const problems: string[] = [];
  const level = await databaseLevel(db);
  if (level.count !== manifest.migrations.count || level.when !== manifest.migrations.when) {
    problems.push(`migration level ${level.count} (${level.tag ?? 'unknown'}) restored, ${manifest.migrations.count} (${manifest.migrations.tag ?? 'unknown'}) backed up`);
  }
  const state = await describeState(runOn(db));
  problems.push(...countDifferences(manifest.counts, state.counts));
  const chain = await verifyAuditChain(db, keys.macKey);
  if (!chain.ok) problems.push(`audit chain broken: ${chain.broken.reason}${chain.broken.seq === null ? '' : ` at seq ${chain.broken.seq}`}`);
  else if (manifest.audit.headHash !== null && chain.headHash !== manifest.audit.headHash) problems.push(`audit chain head ${chain.headHash}, the backup's ${manifest.audit.headHash}`);
  let checkpoint = 'no signed checkpoint in the backup';
  const [stored] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.treeSize)).limit(1);
  const head: AuditCheckpoint | undefined = external ?? (stored ? {
    version: 1, treeSize: stored.treeSize, rootHash: stored.rootHash, timestamp: stored.signedAt.toISOString(), keyId: stored.keyId,
    publicKey: rawPublicKey(keys.publicKey).toString('base64'), signature: stored.signature,
  } : undefined);
  if (head) {
    const verdict = await verifyCheckpoint(db, head, keys.publicKey);
    if (verdict.ok) checkpoint = `the log contains the signed checkpoint of ${verdict.checkpointSize} rows${external ? ' (the one given)' : ''} and extends it to ${verdict.currentSize}`;
    else problems.push(`checkpoint ${verdict.reason}: ${verdict.detail}`);
  }
  return { problems, chainedRows: chain.rows, checkpoint };
}
