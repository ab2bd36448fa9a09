import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { openSecret, sealSecret } from './mfa-secret-box.js';

const KEY = randomBytes(32);
const USER = '0190a1b2-0000-7000-8000-000000000001';

describe('TOTP secrets at rest', () => {
  it('are encrypted with the key and open again with it', () => {
    const sealed = sealSecret(KEY, USER, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(KEY, USER, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(KEY, USER, sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('do not open for another account, with another key, or without a key', () => {
    const sealed = sealSecret(KEY, USER, 'JBSWY3DPEHPK3PXP');
    expect(() => openSecret(KEY, '0190a1b2-0000-7000-8000-000000000002', sealed)).toThrow(AppError);
    expect(() => openSecret(randomBytes(32), USER, sealed)).toThrow(AppError);
    expect(() => openSecret(undefined, USER, sealed)).toThrow(AppError);
  });

  it('are kept as they are without a key (the server warns), and still read once a key is set', () => {
    const plain = sealSecret(undefined, USER, 'JBSWY3DPEHPK3PXP');
    expect(plain).toBe('plain:JBSWY3DPEHPK3PXP');
    expect(openSecret(undefined, USER, plain)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret(KEY, USER, plain)).toBe('JBSWY3DPEHPK3PXP');
  });
});
