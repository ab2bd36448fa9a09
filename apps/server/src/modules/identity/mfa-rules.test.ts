import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptedStep, isTotpCode, mfaRequiredFor, newRecoveryCode, newTotpSecret, normaliseCode, otpauthUri, totpAt } from './mfa-rules.js';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; at T = 59 s the
// 8-digit code is 94287082, so the 6-digit one is its last six digits.
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;

describe('TOTP rules', () => {
  it('computes the RFC 6238 test vector', () => {
    expect(totpAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
  });

  it('accepts a code of this step or one step either side, and says which step it is', () => {
    const at = new Date(1_111_111_109_000); // step 37037036
    expect(acceptedStep(RFC_SECRET, '081804', at, null)).toBe(37_037_036);
    expect(acceptedStep(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() - 30_000)), at, null)).toBe(37_037_035);
    expect(acceptedStep(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() + 30_000)), at, null)).toBe(37_037_037);
    expect(acceptedStep(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
  });

  it('refuses a code of a step already used, or older (replay)', () => {
    const at = new Date(1_111_111_109_000);
    expect(acceptedStep(RFC_SECRET, '081804', at, 37_037_036)).toBeNull();
    expect(acceptedStep(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() - 30_000)), at, 37_037_036)).toBeNull();
    expect(acceptedStep(RFC_SECRET, totpAt(RFC_SECRET, new Date(at.getTime() + 30_000)), at, 37_037_036)).toBe(37_037_037);
  });

  it('refuses what is not six digits', () => {
    const at = new Date(59_000);
    for (const bad of ['28708', '2870820', 'abcdef', '']) expect(acceptedStep(RFC_SECRET, bad, at, null)).toBeNull();
    expect(isTotpCode(normaliseCode(' 287 082 '))).toBe(true);
  });

  it('makes an otpauth URI apps read: issuer, account, secret, 6 digits, 30 s', () => {
    const secret = newTotpSecret();
    const uri = new URL(otpauthUri(secret, 'Firebreak', 'admin'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Firebreak');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('admin');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits, RFC 4226's recommended length
  });
});

describe('recovery codes', () => {
  it('are xxxxx-xxxxx from an unambiguous alphabet, and differ', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are read regardless of case, spaces and dashes', () => {
    expect(normaliseCode('AbCdE-fGhJk')).toBe('abcdefghjk');
    expect(normaliseCode(' abcde fghjk ')).toBe('abcdefghjk');
  });
});

describe('who must use MFA', () => {
  it('anyone holding one of the required roles', () => {
    expect(mfaRequiredFor(['dispatcher', 'administrator'], ['administrator', 'auditor'])).toBe(true);
    expect(mfaRequiredFor(['dispatcher'], ['administrator', 'auditor'])).toBe(false);
    expect(mfaRequiredFor(['administrator'], [])).toBe(false);
  });
});
