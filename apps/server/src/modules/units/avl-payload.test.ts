import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Id, Timestamp } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { AvlPayload, fixFromPayload, parseAvlMessage, timeOfCheckedAt, unitIdOfTopic } from './avl-payload.js';

const UNIT = randomUUID();

/** The answer of the contract's zod schema, in the shape the hand check returns. */
function byZod(v: unknown): unknown {
  const parsed = AvlPayload.safeParse(v);
  return parsed.success ? { ...parsed.data, unitId: UNIT } : null;
}

/** Values near each rule's edges, and of the wrong type. */
const number = fc.oneof(
  fc.double(),
  fc.constantFrom(-400, -180.0001, -180, -90.5, -90, -0, 0, 0.5, 90, 90.0001, 180, 180.5, 360, 360.01, 400, 400.01, Number.NaN, Infinity, -Infinity),
  fc.integer({ min: -500, max: 500 }),
);
const wrong = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(number, { maxLength: 3 }), fc.object());
const location = fc.oneof(fc.tuple(number, number), fc.array(number, { maxLength: 4 }), fc.tuple(number, fc.string()), wrong);
const isoLike = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const at = fc.oneof(
  isoLike,
  isoLike.map((s) => s.replace('Z', '+02:00')),
  isoLike.map((s) => s.replace('Z', '')),
  isoLike.map((s) => s.replace(/\.\d+Z$/, 'Z')),
  isoLike.map((s) => s.replace('T', ' ')),
  fc.constantFrom('2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+24:00', '2026-01-01T00:00:00.Z', ''),
  fc.string(),
  wrong,
);
const anyPayload = fc.record(
  { location, at, speedKmh: fc.oneof(number, wrong), heading: fc.oneof(number, wrong), extra: fc.anything() },
  { requiredKeys: [] },
);
/** A valid fix with one field changed to an edge or wrong value (or one key added): the rules one at a time. */
const valid = fc.record(
  { location: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })), at: isoLike, speedKmh: fc.double({ min: 0, max: 400, noNaN: true }), heading: fc.double({ min: 0, max: 360, noNaN: true }) },
  { requiredKeys: ['location', 'at'] },
);
const oneChanged = fc.tuple(valid, fc.constantFrom('location', 'at', 'speedKmh', 'heading', 'extra', 'none'), location, at, number, fc.oneof(number, wrong), fc.string()).map(([v, field, loc, time, n, value, key]) => {
  const changed: Record<string, unknown> = { ...v };
  if (field === 'location') changed.location = loc;
  if (field === 'at') changed.at = time;
  if (field === 'speedKmh') changed.speedKmh = value;
  if (field === 'heading') changed.heading = value;
  if (field === 'extra') changed[key] = n;
  return changed;
});
const payload = fc.oneof(anyPayload, oneChanged);

describe('the hand-checked AVL payload agrees with the contract (zod)', () => {
  it('on payloads built near every rule', () => {
    fc.assert(fc.property(payload, (v) => void expect(fixFromPayload(UNIT, v)).toEqual(byZod(v))), { numRuns: 20_000 });
  });

  it('on any JSON value and any value at all', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (v) => void expect(fixFromPayload(UNIT, v)).toEqual(byZod(v))), { numRuns: 5000 });
  });

  it('on the JSON devices send, parsed from the wire', () => {
    fc.assert(
      fc.property(payload, (v) => {
        const text = JSON.stringify(v);
        if (text === undefined) return;
        const wire = JSON.parse(text) as unknown;
        expect(parseAvlMessage(`firebreak/units/${UNIT}/position`, Buffer.from(text))).toEqual(byZod(wire));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps a valid fix whole, refuses garbage', () => {
    const fix = { location: [9.52, 47.14], at: '2026-12-06T10:00:00.000Z', speedKmh: 40, heading: 12 };
    expect(parseAvlMessage(`firebreak/units/${UNIT}/position`, Buffer.from(JSON.stringify(fix)))).toEqual({ unitId: UNIT, ...fix });
    expect(parseAvlMessage(`firebreak/units/${UNIT}/position`, Buffer.from('not json'))).toBeNull();
    expect(parseAvlMessage(`firebreak/units/${UNIT}/position`, Buffer.from(JSON.stringify({ ...fix, altitude: 3 })))).toBeNull();
  });
});

describe('the unit of a topic', () => {
  it('is a UUID between the prefix and /position, nothing else', () => {
    expect(unitIdOfTopic(`firebreak/units/${UNIT}/position`)).toBe(UNIT);
    // A malformed id used to reach the database and fail the whole batch's unit lookup.
    expect(unitIdOfTopic('firebreak/units/------------------------------------/position')).toBeNull();
    expect(unitIdOfTopic(`firebreak/units/${UNIT}/positions`)).toBeNull();
    expect(unitIdOfTopic(`firebreak/unit/${UNIT}/position`)).toBeNull();
    expect(unitIdOfTopic(`firebreak/units/${UNIT}x/position`)).toBeNull();
  });

  it('agrees with the contract on every 36 characters', () => {
    const idLike = fc.oneof(fc.uuid().map(String), fc.string({ minLength: 36, maxLength: 36 }), fc.stringMatching(/^[0-9a-fA-F-]{36}$/));
    fc.assert(fc.property(idLike, (id) => void expect(unitIdOfTopic(`firebreak/units/${id}/position`)).toBe(Id.safeParse(id).success ? id : null)), { numRuns: 5000 });
  });
});

describe('the time of an accepted timestamp', () => {
  it('is what Date.parse reads, in every form the contract accepts, from year 0000 to 9999', () => {
    const instant = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const accepted = fc.oneof(
      instant,
      instant.map((s) => s.replace('Z', '+05:30')),
      instant.map((s) => s.replace(/\.\d+Z$/, 'Z')),
      instant.map((s) => s.replace('Z', '9Z')),
      fc.constantFrom('0000-01-01T00:00:00.000Z', '0000-02-29T12:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z',
        '2000-02-29T23:59:59.999Z', '2000-03-01T00:00:00.000Z', '2100-02-28T23:59:59.999Z', '2100-03-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'),
    );
    fc.assert(fc.property(accepted, (at) => {
      expect(Timestamp.safeParse(at).success).toBe(true);
      expect(timeOfCheckedAt(at)).toBe(Date.parse(at));
    }), { numRuns: 20_000 });
  });
});
