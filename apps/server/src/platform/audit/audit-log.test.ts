import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditRows, recordedContent } from './audit-log.js';
import { macMatches } from './chain.js';

const macKey = randomBytes(32);
const actor = { id: '0193a5c2-3333-7abc-8def-0123456789ab', name: 'admin' };

/** What a jsonb column gives back for a value written with JSON.stringify (as writeRecord and drizzle write it). */
const asStored = (value: unknown): unknown => (value === null ? null : JSON.parse(JSON.stringify(value)) as unknown);

/** The row as the chainer reads it back: before/after as stored, everything else as written. */
function readBack(row: ReturnType<typeof auditRows>[number]) {
  return { ...row, before: asStored(row.before), after: asStored(row.after) };
}

describe('auditRows', () => {
  it('signs each row as it is stored: the MAC matches the row read back, whatever JSON drops or converts', () => {
    // Values JSON does not carry as they are: undefined fields and array items, Dates (toJSON), -0, NaN, Infinity.
    const after = { at: new Date('2026-12-07T10:00:00.123Z'), gone: undefined, list: [1, undefined, -0, Number.NaN, Infinity], nested: { a: undefined, b: 'ü' } };
    const [row] = auditRows(actor, 'req-1', [{ action: 'x.changed', entityType: 'x', entityId: '1', jurisdictionPath: 'li', before: { name: 'old' }, after }], new Date(), macKey);
    expect(macMatches(macKey, recordedContent(readBack(row!)), row!.mac)).toBe(true);
    // And a row whose stored content differs is refused: the check can fail.
    expect(macMatches(macKey, recordedContent({ ...readBack(row!), after: { ...(asStored(after) as object), gone: 1 } }), row!.mac)).toBe(false);
  });

  it('stores an absent before/after as null and signs it so', () => {
    const [row] = auditRows(actor, null, [{ action: 'x.created', entityType: 'x', entityId: null, jurisdictionPath: null }], new Date(), macKey);
    expect(row!.before).toBeNull();
    expect(row!.after).toBeNull();
    expect(macMatches(macKey, recordedContent(readBack(row!)), row!.mac)).toBe(true);
  });

  it('signs generated JSON-like values as they are stored', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withDate: true, withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withBigInt: false }), (value) => {
        // A top-level value JSON cannot carry has no stored form: auditRows refuses it, as before.
        if (JSON.stringify(value) === undefined) return;
        const [row] = auditRows(actor, null, [{ action: 'x.changed', entityType: 'x', entityId: '1', jurisdictionPath: null, after: value }], new Date(), macKey);
        expect(macMatches(macKey, recordedContent(readBack(row!)), row!.mac)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
