import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { KEY_FILE_NAME, auditKeysFrom, dataDirSigningKey, generateSigningKey, parsePublicKey, parseSigningKey, rawPublicKey } from './signing-key.js';
import { signTreeHead, treeHeadSignedBy } from './checkpoint.js';
import { EMPTY_ROOT } from './merkle.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('the audit signing key', () => {
  it('reads a base64 seed and the PEM of the same key as one key', () => {
    const seed = generateSigningKey();
    const fromSeed = parseSigningKey(seed);
    const pem = fromSeed.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromPem = parseSigningKey(pem);
    const a = auditKeysFrom(fromSeed, 'test');
    const b = auditKeysFrom(fromPem, 'test');
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(b.keyId).toBe(a.keyId);
    expect(b.macKey.equals(a.macKey)).toBe(true);
    // The MAC key is derived, never the seed itself.
    expect(a.macKey.equals(Buffer.from(seed, 'base64'))).toBe(false);
    const message = Buffer.from('tree head');
    expect(verify(null, message, parsePublicKey(rawPublicKey(a.publicKey).toString('base64')), sign(null, message, fromPem))).toBe(true);
  });

  it('refuses a short seed, garbage and a key of another algorithm', () => {
    expect(() => parseSigningKey(Buffer.alloc(31).toString('base64'))).toThrow(/32-byte Ed25519 seed/);
    expect(() => parseSigningKey('not a key')).toThrow(/32-byte Ed25519 seed/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/rsa key, not Ed25519/);
  });

  it('signs tree heads that verify only under the same key and unchanged', () => {
    const keys = auditKeysFrom(parseSigningKey(generateSigningKey()), 'test');
    const other = auditKeysFrom(parseSigningKey(generateSigningKey()), 'test');
    const head = signTreeHead(keys, 0, EMPTY_ROOT, new Date('2026-12-01T00:00:00Z'));
    expect(treeHeadSignedBy(head, keys.publicKey)).toBe(true);
    expect(treeHeadSignedBy(head, other.publicKey)).toBe(false);
    expect(treeHeadSignedBy({ ...head, timestamp: '2026-12-01T00:00:01.000Z' }, keys.publicKey)).toBe(false);
  });

  it('on the embedded default, generates a key file readable by its owner only, and reuses it', () => {
    const first = dataDirSigningKey(dir);
    const file = path.join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(dataDirSigningKey(dir).keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });

  it('configuration: from the variable or a file, one of the two, and a bad one is named', () => {
    const seed = generateSigningKey();
    const file = path.join(dir, 'configured-key');
    writeFileSync(file, seed);
    const keyId = auditKeysFrom(parseSigningKey(seed), 'x').keyId;
    expect(auditKeysFrom(loadConfig({ AUDIT_SIGNING_KEY: seed }).audit.signingKey!, 'x').keyId).toBe(keyId);
    expect(auditKeysFrom(loadConfig({ AUDIT_SIGNING_KEY_FILE: file }).audit.signingKey!, 'x').keyId).toBe(keyId);
    expect(loadConfig({}).audit).toEqual({ signingKey: undefined, checkpointMinutes: 60 });
    expect(problemsOf({ AUDIT_SIGNING_KEY: seed, AUDIT_SIGNING_KEY_FILE: file })).toEqual(['AUDIT_SIGNING_KEY_FILE: set either AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both']);
    expect(problemsOf({ AUDIT_SIGNING_KEY: 'abc' })).toEqual(['AUDIT_SIGNING_KEY: is neither a PEM private key nor base64 of a 32-byte Ed25519 seed']);
    expect(problemsOf({ AUDIT_SIGNING_KEY_FILE: path.join(dir, 'missing') })).toEqual([`AUDIT_SIGNING_KEY_FILE: cannot read ${path.join(dir, 'missing')} (ENOENT)`]);
    expect(problemsOf({ AUDIT_CHECKPOINT_MINUTES: '-1' })[0]).toMatch(/^AUDIT_CHECKPOINT_MINUTES: /);
  });

  it('configuration: the owner URL defaults to DATABASE_URL and needs it', () => {
    const url = 'postgres://app@db:5432/firebreak';
    expect(loadConfig({ DATABASE_URL: url }).databaseOwnerUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: url, DATABASE_OWNER_URL: 'postgres://owner@db:5432/firebreak' }).databaseOwnerUrl).toBe('postgres://owner@db:5432/firebreak');
    expect(problemsOf({ DATABASE_OWNER_URL: url })).toEqual(['DATABASE_OWNER_URL: set only together with DATABASE_URL']);
  });
});
