import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { TransportFix } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { parseTransportMessage, permitIdOfTopic, transportFixFromPayload } from './transport-payload.js';

const byZod = (v: unknown): unknown => {
  const parsed = TransportFix.safeParse(v);
  return parsed.success ? parsed.data : null;
};

const number = fc.oneof(fc.double(), fc.constantFrom(-180.0001, -180, -90.5, 90, 180.5, 360.01, 400, 400.01, Number.NaN, Infinity), fc.integer({ min: -500, max: 500 }));
const wrong = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(number, { maxLength: 3 }), fc.object());
const isoLike = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const at = fc.oneof(isoLike, isoLike.map((s) => s.replace('Z', '+02:00')), isoLike.map((s) => s.replace('Z', '')), fc.constantFrom('2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', ''), wrong);
const location = fc.oneof(fc.tuple(number, number), fc.array(number, { maxLength: 4 }), wrong);
const payload = fc.record({ location, at, speedKmh: fc.oneof(number, wrong), heading: fc.oneof(number, wrong), extra: fc.anything() }, { requiredKeys: [] });
const valid = fc.record(
  { location: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })), at: isoLike, speedKmh: fc.double({ min: 0, max: 400, noNaN: true }), heading: fc.double({ min: 0, max: 360, noNaN: true }) },
  { requiredKeys: ['location', 'at'] },
);

describe('the hand-checked transport payload agrees with the contract (TransportFix, zod)', () => {
  it('on payloads near every rule, valid ones and any value at all', () => {
    fc.assert(fc.property(fc.oneof(payload, valid, fc.jsonValue(), fc.anything()), (v) => void expect(transportFixFromPayload(v)).toEqual(byZod(v))), { numRuns: 20_000 });
  });

  it('reads the permit from its topic only', () => {
    const id = randomUUID();
    expect(permitIdOfTopic(`firebreak/goods/permits/${id}/position`)).toBe(id);
    for (const topic of [`firebreak/goods/permits/${id}/positions`, `firebreak/units/${id}/position`, 'firebreak/goods/permits/not-a-uuid-at-all-but-36-characters/position', `firebreak/goods/permits/${id.toUpperCase().replace(/-/g, 'x')}/position`]) {
      expect(permitIdOfTopic(topic)).toBeNull();
    }
    const fix = { location: [9.52, 47.14], at: '2026-03-10T08:00:00.000Z', speedKmh: 40 };
    expect(parseTransportMessage(`firebreak/goods/permits/${id}/position`, Buffer.from(JSON.stringify(fix)))).toEqual({ permitId: id, fix });
    expect(parseTransportMessage(`firebreak/goods/permits/${id}/position`, Buffer.from('{"location":'))).toBeNull();
    expect(parseTransportMessage(`firebreak/goods/permits/${id}/position`, Buffer.from(JSON.stringify({ ...fix, unitId: id })))).toBeNull();
  });
});
