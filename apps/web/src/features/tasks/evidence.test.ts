import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_LIMIT, EVIDENCE_TYPES, evidenceProblem, toBase64 } from './evidence';

describe('evidence files for a progress report', () => {
  it('accepts what the contract accepts', () => {
    expect([...EVIDENCE_TYPES]).toEqual([...EVIDENCE_MEDIA_TYPES]);
    expect(EVIDENCE_LIMIT).toBe(EVIDENCE_MAX_BYTES);
  });

  it('names why a file would be refused', () => {
    expect(evidenceProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(evidenceProblem({ type: 'application/pdf', size: EVIDENCE_LIMIT })).toBeNull();
    expect(evidenceProblem({ type: 'application/pdf', size: EVIDENCE_LIMIT + 1 })).toBe('size');
    expect(evidenceProblem({ type: 'text/plain', size: 10 })).toBe('type');
    expect(evidenceProblem({ type: '', size: 10 })).toBe('type');
  });

  it('encodes bytes as base64, also past one chunk', () => {
    expect(toBase64(new TextEncoder().encode('%PDF-1.4'))).toBe('JVBERi0xLjQ=');
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(Buffer.from(toBase64(big), 'base64').equals(Buffer.from(big))).toBe(true);
  });
});
