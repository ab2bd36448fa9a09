import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';

/**
 * TOTP secrets at rest. With MFA_SECRET_KEY they are AES-256-GCM encrypted, bound to their account
 * (the user id is the additional data, so a row copied onto another account does not decrypt).
 * Without a key they are stored as they are (`plain:`) and the server warns at start: a database
 * dump then holds every second factor.
 */
export function sealSecret(key: Buffer | undefined, userId: string, secret: string): string {
  if (!key) return `plain:${secret}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(userId));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

export function openSecret(key: Buffer | undefined, userId: string, sealed: string): string {
  if (sealed.startsWith('plain:')) return sealed.slice('plain:'.length);
  if (!sealed.startsWith('v1:') || !key) {
    throw new AppError('INTERNAL', 'A TOTP secret is encrypted but MFA_SECRET_KEY is not set (or is another key)');
  }
  const raw = Buffer.from(sealed.slice(3), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(userId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError('INTERNAL', 'A TOTP secret does not decrypt with MFA_SECRET_KEY', { cause });
  }
}
