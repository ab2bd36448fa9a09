import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseSigningKey } from './platform/audit/signing-key.js';

/**
 * The audit signing key of config.ts (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE): checked at
 * boot, with the other settings' problems, and never quoted in a message.
 */

export type AuditKeyEnv = { AUDIT_SIGNING_KEY?: string | undefined; AUDIT_SIGNING_KEY_FILE?: string | undefined; DATABASE_URL?: string | undefined; DATABASE_OWNER_URL?: string | undefined };

function auditKeyText(e: AuditKeyEnv): string | undefined {
  if (e.AUDIT_SIGNING_KEY !== undefined) return e.AUDIT_SIGNING_KEY;
  return e.AUDIT_SIGNING_KEY_FILE === undefined ? undefined : readFileSync(e.AUDIT_SIGNING_KEY_FILE, 'utf8');
}

/** The audit key's problem, if any (the key itself is never part of a message). */
export function auditKeyProblem(e: AuditKeyEnv): string | undefined {
  if (e.DATABASE_OWNER_URL !== undefined && e.DATABASE_URL === undefined) return 'DATABASE_OWNER_URL: set only together with DATABASE_URL';
  if (e.AUDIT_SIGNING_KEY !== undefined && e.AUDIT_SIGNING_KEY_FILE !== undefined) return 'AUDIT_SIGNING_KEY_FILE: set either AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both';
  const name = e.AUDIT_SIGNING_KEY !== undefined ? 'AUDIT_SIGNING_KEY' : 'AUDIT_SIGNING_KEY_FILE';
  try {
    const text = auditKeyText(e);
    if (text !== undefined) parseSigningKey(text);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `${name}: ${code ? `cannot read ${e.AUDIT_SIGNING_KEY_FILE} (${code})` : (err as Error).message}`;
  }
}

export function auditSigningKey(e: AuditKeyEnv): KeyObject | undefined {
  const text = auditKeyText(e);
  return text === undefined ? undefined : parseSigningKey(text);
}
