import { createHash, createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { chainHash, rowMac, type AuditContent } from './chain.js';

/** What the audit hashes were defined as before the one-pass form: a JSON round trip, then RFC 8785. */
const reference = (v: unknown): string => canonicalize(JSON.parse(JSON.stringify(v))) ?? '';

/** Either the canonical text, or the fact that there is none (a lone surrogate, a BigInt, …). */
const outcome = (f: () => string): { text: string } | { threw: true } => {
  try {
    return { text: f() };
  } catch {
    return { threw: true };
  }
};

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

describe('canonicalJson', () => {
  it('gives the bytes of canonicalize after a JSON round trip, for any value inside an object', () => {
    fc.assert(
      fc.property(anything, (v) => {
        expect(outcome(() => canonicalJson({ v }))).toEqual(outcome(() => reference({ v })));
      }),
      { numRuns: 2000 },
    );
  });

  it('drops undefined members, writes array holes and non-finite numbers as null, and uses toJSON', () => {
    const at = new Date('2026-12-06T23:00:00.000Z');
    const value = { b: undefined, a: [1, undefined, Number.NaN, -0, () => 1], at, nested: { z: 1, y: { toJSON: (key: string) => `key ${key}` } } };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"a":[1,null,null,0,null],"at":"2026-12-06T23:00:00.000Z","nested":{"y":"key y","z":1}}');
  });

  it('orders keys by UTF-16 code units and refuses lone surrogates, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u{1F600}': 1, '\uFB33': 2, a: 3, B: 4 })).toBe(reference({ '\u{1F600}': 1, '\uFB33': 2, a: 3, B: 4 }));
    expect(() => canonicalJson({ a: '\uD800' })).toThrow(/surrogate/);
    expect(() => canonicalJson({ ['\uDC00']: 1 })).toThrow(/surrogate/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('the audit hashes over canonicalJson', () => {
  const content: fc.Arbitrary<AuditContent> = fc.record({
    seq: fc.nat(),
    id: fc.uuid(),
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: fc.option(fc.uuid(), { nil: null }),
    actorName: fc.option(fc.string(), { nil: null }),
    action: fc.string(),
    entityType: fc.string(),
    entityId: fc.option(fc.string(), { nil: null }),
    jurisdictionPath: fc.option(fc.string(), { nil: null }),
    before: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
    after: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
    requestId: fc.option(fc.string(), { nil: null }),
  });
  const key = Buffer.alloc(32, 7);
  const withNulls = (c: Partial<AuditContent>) => ({ ...c, before: c.before ?? null, after: c.after ?? null });

  it('are unchanged: every chain hash and row MAC already stored still verifies', () => {
    fc.assert(
      fc.property(content, fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')), (c, prev) => {
        expect(chainHash(prev, c)).toBe(createHash('sha256').update(prev).update(reference(withNulls(c))).digest('hex'));
        const { seq: _seq, ...recorded } = c;
        expect(rowMac(key, recorded)).toBe(createHmac('sha256', key).update(reference(withNulls(recorded))).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});
