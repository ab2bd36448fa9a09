import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash, macMatches, rowMac, verifyRows, type AuditContent, type StoredAuditRow } from './chain.js';

type Body = Omit<AuditContent, 'seq'>;

const nullableText = fc.option(fc.string({ maxLength: 20 }), { nil: null });
const body: fc.Arbitrary<Body> = fc.record({
  id: fc.uuid(),
  at: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorName: nullableText,
  action: fc.string({ minLength: 1, maxLength: 30 }),
  entityType: fc.string({ minLength: 1, maxLength: 20 }),
  entityId: nullableText,
  jurisdictionPath: nullableText,
  before: fc.jsonValue({ maxDepth: 2 }),
  after: fc.jsonValue({ maxDepth: 2 }),
  requestId: nullableText,
});

/** Links bodies into a valid chain, exactly as appendAudit does. */
function buildChain(bodies: Body[]): StoredAuditRow[] {
  let prevHash = GENESIS_HASH;
  return bodies.map((b, i) => {
    const content: AuditContent = { ...b, seq: i + 1 };
    const hash = chainHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

const verify = (rows: StoredAuditRow[]) => verifyRows(rows, { seq: 0, hash: GENESIS_HASH });
const chain = fc.array(body, { minLength: 1, maxLength: 8 }).map(buildChain);

/** A value that differs from the original in every representation (as jsonb would store it). */
const CONTENT_TAMPERS: Record<Exclude<keyof AuditContent, 'seq'>, (row: StoredAuditRow) => Partial<StoredAuditRow>> = {
  id: (r) => ({ id: flipFirst(r.id) }),
  at: (r) => ({ at: new Date(Date.parse(r.at) + 1).toISOString() }),
  actorId: (r) => ({ actorId: r.actorId === null ? '00000000-0000-7000-8000-000000000000' : null }),
  actorName: (r) => ({ actorName: `${r.actorName ?? ''}x` }),
  action: (r) => ({ action: `${r.action}x` }),
  entityType: (r) => ({ entityType: `${r.entityType}x` }),
  entityId: (r) => ({ entityId: `${r.entityId ?? ''}x` }),
  jurisdictionPath: (r) => ({ jurisdictionPath: `${r.jurisdictionPath ?? ''}x` }),
  before: (r) => ({ before: { tampered: r.before ?? null } }),
  after: (r) => ({ after: { tampered: r.after ?? null } }),
  requestId: (r) => ({ requestId: `${r.requestId ?? ''}x` }),
};
const contentField = fc.constantFrom(...(Object.keys(CONTENT_TAMPERS) as (keyof typeof CONTENT_TAMPERS)[]));

/** A chain and a position in it. */
const chainAndIndex = (minLength: number) =>
  fc.array(body, { minLength, maxLength: 8 }).map(buildChain).chain((rows) => fc.tuple(fc.constant(rows), fc.nat({ max: rows.length - 1 })));

const flipFirst = (hex: string): string => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;

function withRow(rows: StoredAuditRow[], i: number, change: Partial<StoredAuditRow>): StoredAuditRow[] {
  return rows.map((r, j) => (j === i ? { ...r, ...change } : r));
}

describe('audit hash chain', () => {
  it('verifies an untouched chain and returns its head', () => {
    fc.assert(
      fc.property(chain, (rows) => {
        const last = rows[rows.length - 1]!;
        expect(verify(rows)).toEqual({ ok: true, last: { seq: last.seq, hash: last.hash } });
      }),
    );
  });

  it('verifies a chain read in pages, each continuing from the previous one', () => {
    fc.assert(
      fc.property(chainAndIndex(2), ([rows, cut]) => {
        const first = verifyRows(rows.slice(0, cut), { seq: 0, hash: GENESIS_HASH });
        if (!first.ok) throw new Error('first page broken');
        expect(verifyRows(rows.slice(cut), first.last)).toEqual(verify(rows));
      }),
    );
  });

  it('detects a change to any hashed field of any row, at that row', () => {
    fc.assert(
      fc.property(chainAndIndex(1), contentField, ([rows, i], field) => {
        const tampered = withRow(rows, i, CONTENT_TAMPERS[field](rows[i]!));
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 1, reason: 'hash_mismatch' } });
      }),
    );
  });

  it('detects a changed stored hash, at that row', () => {
    fc.assert(
      fc.property(chainAndIndex(1), ([rows, i]) => {
        const tampered = withRow(rows, i, { hash: flipFirst(rows[i]!.hash) });
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 1, reason: 'hash_mismatch' } });
      }),
    );
  });

  it('detects a changed prevHash, at that row, even when the row hash is recomputed to match it', () => {
    fc.assert(
      fc.property(chainAndIndex(1), fc.boolean(), ([rows, i], rehash) => {
        const { prevHash: _old, hash: _hash, ...content } = rows[i]!;
        const prevHash = chainHash(GENESIS_HASH, { ...content, action: 'forged' });
        const tampered = withRow(rows, i, { prevHash, ...(rehash ? { hash: chainHash(prevHash, content) } : {}) });
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 1, reason: 'prev_hash_mismatch' } });
      }),
    );
  });

  it('detects a changed seq, at the row where the sequence breaks', () => {
    fc.assert(
      fc.property(chainAndIndex(1), fc.integer({ min: -5, max: 20 }), ([rows, i], seq) => {
        fc.pre(seq !== i + 1);
        const tampered = withRow(rows, i, { seq });
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq, reason: 'sequence_gap', expectedSeq: i + 1 } });
      }),
    );
  });

  it('detects a deleted row that is not the last, at the row after it', () => {
    fc.assert(
      fc.property(chainAndIndex(2), ([rows, i]) => {
        fc.pre(i < rows.length - 1);
        const tampered = rows.filter((_, j) => j !== i);
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 2, reason: 'sequence_gap', expectedSeq: i + 1 } });
      }),
    );
  });

  it('gives a different head when the last row is deleted, so an anchored head hash exposes it', () => {
    fc.assert(
      fc.property(chain, (rows) => {
        fc.pre(rows.length >= 2);
        const result = verify(rows.slice(0, -1));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.last.hash).not.toBe(rows[rows.length - 1]!.hash);
      }),
    );
  });

  it('detects two rows swapped (seq numbers kept in place), at the first of them', () => {
    const chainAndTwoIndexes = fc
      .array(body, { minLength: 2, maxLength: 8 })
      .map(buildChain)
      .chain((rows) => fc.tuple(fc.constant(rows), fc.uniqueArray(fc.nat({ max: rows.length - 1 }), { minLength: 2, maxLength: 2 })));
    fc.assert(
      fc.property(chainAndTwoIndexes, ([rows, pair]) => {
        const [i, j] = [Math.min(...pair), Math.max(...pair)];
        const tampered = rows.map((r, k) => (k === i ? { ...rows[j]!, seq: r.seq } : k === j ? { ...rows[i]!, seq: r.seq } : r));
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 1, reason: 'prev_hash_mismatch' } });
      }),
    );
  });

  it('detects rows swapped in storage order, at the first out-of-sequence row', () => {
    fc.assert(
      fc.property(chainAndIndex(2), ([rows, i]) => {
        fc.pre(i < rows.length - 1);
        const tampered = [...rows];
        [tampered[i], tampered[i + 1]] = [tampered[i + 1]!, tampered[i]!];
        expect(verify(tampered)).toEqual({ ok: false, broken: { seq: i + 2, reason: 'sequence_gap', expectedSeq: i + 1 } });
      }),
    );
  });

  it('hashes jsonb-equivalent content alike: undefined and null before/after are the same row', () => {
    const [row] = buildChain([{ id: '0190a6a4-0000-7000-8000-000000000001', at: '2025-01-01T00:00:00.000Z', actorId: null, actorName: null, action: 'a', entityType: 'e', entityId: null, jurisdictionPath: null, before: null, after: { b: 1, a: [1, 2] }, requestId: null }]);
    const { prevHash, hash, ...content } = row!;
    expect(chainHash(prevHash, { ...content, before: undefined, after: { a: [1, 2], b: 1 } })).toBe(hash);
  });
});

describe('audit row MAC', () => {
  const key = Buffer.alloc(32, 1);
  const otherKey = Buffer.alloc(32, 2);

  it('verifies under its key only, and breaks on a change to any recorded field', () => {
    fc.assert(fc.property(body, contentField, (b, field) => {
      const mac = rowMac(key, b);
      expect(macMatches(key, b, mac)).toBe(true);
      // The chain position is not covered: a row is MACed before it is linked.
      expect(macMatches(key, { ...b, seq: 42 } as Body, mac)).toBe(true);
      expect(macMatches(otherKey, b, mac)).toBe(false);
      const tampered = { ...b, ...CONTENT_TAMPERS[field]({ ...b, seq: 1, prevHash: '', hash: '' }) } as Body;
      expect(macMatches(key, tampered, mac)).toBe(false);
    }));
  });

  it('refuses a missing or malformed MAC', () => {
    fc.assert(fc.property(body, (b) => {
      expect(macMatches(key, b, null)).toBe(false);
      expect(macMatches(key, b, 'zz')).toBe(false);
      expect(macMatches(key, b, rowMac(key, b).toUpperCase())).toBe(false);
    }));
  });
});
