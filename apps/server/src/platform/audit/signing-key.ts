import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit key: an Ed25519 private key that signs tree heads (checkpoint.ts) and from which
 * the key that MACs every audit row at insert is derived (HKDF). It lives in configuration or,
 * on the embedded default only, in a file of the data folder — never in the database, so that
 * whoever can write the database cannot sign or MAC.
 */
export interface AuditKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 over the raw public key: names the key in every checkpoint. */
  keyId: string;
  /** HMAC-SHA-256 key for audit rows, derived from the private key. */
  macKey: Buffer;
  /** Where the key came from, for the startup log. */
  source: string;
}

/** PKCS#8 PEM, or base64 of the raw 32-byte seed (as `firebreak audit keygen` prints). */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const key = createPrivateKey(trimmed);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
    return key;
  }
  const seed = Buffer.from(trimmed, 'base64');
  if (seed.length !== 32 || seed.toString('base64').replace(/=+$/, '') !== trimmed.replace(/=+$/, '')) {
    throw new Error('is neither a PEM private key nor base64 of a 32-byte Ed25519 seed');
  }
  // PKCS#8 of an Ed25519 key is a fixed 16-byte prefix followed by the seed (RFC 8410).
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A public key given as PEM (SPKI) or base64 of the raw 32 bytes. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const key = createPublicKey(trimmed);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`public key is ${key.asymmetricKeyType ?? 'symmetric'}, not Ed25519`);
    return key;
  }
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32) throw new Error('public key is neither PEM nor base64 of 32 raw bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

export const keyIdOf = (publicKey: KeyObject): string => createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);

export function auditKeysFrom(privateKey: KeyObject, source: string): AuditKeys {
  const publicKey = createPublicKey(privateKey);
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const macKey = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), 'firebreak audit row mac v1', 32));
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), macKey, source };
}

/** A fresh key as base64 of its 32-byte seed. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('base64');
}

export const KEY_FILE_NAME = 'audit-signing-key';

/**
 * The embedded default's key: `<dataDir>/audit-signing-key`, created (mode 0600) on first start.
 * Weaker than a configured key: whoever can read the data folder can also sign, and the
 * embedded database lives in that same folder.
 */
export function dataDirSigningKey(dataDir: string): AuditKeys {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${generateSigningKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process of this data folder wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  return auditKeysFrom(parseSigningKey(readFileSync(file, 'utf8')), `key file ${file} (generated; set AUDIT_SIGNING_KEY for a key kept off this machine's data folder)`);
}
