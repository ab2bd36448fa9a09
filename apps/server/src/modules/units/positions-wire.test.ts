import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { AvlFix } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { LIVE_ONLY, type PublishedEvent } from '../../platform/events/bus.js';
import { positionsWire } from './positions-wire.js';

const fix: fc.Arbitrary<AvlFix> = fc
  .record(
    {
      unitId: fc.uuid(),
      location: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
      at: fc.oneof(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2026-12-06T20:49:10+01:00', '2026-12-06T20:49:10.123456789Z', '2026-12-06T20:49:10Z'),
      ),
      speedKmh: fc.double({ min: 0, max: 400, noNaN: true }),
      heading: fc.double({ min: 0, max: 360, noNaN: true }),
    },
    { requiredKeys: ['unitId', 'location', 'at'] },
  )
  // fast-check's records have no prototype; the decoded fixes are plain objects.
  .map((f) => ({ ...f }) as AvlFix);

const event: fc.Arbitrary<PublishedEvent> = fc.record({
  id: fc.uuid(),
  position: fc.constant(LIVE_ONLY),
  type: fc.constant('units.positions_reported'),
  occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  jurisdictionPath: fc.oneof(fc.constant(null), fc.constantFrom('li', 'li.vaduz', 'bench', 'de.by.münchen')),
  data: fc.array(fix, { maxLength: 20 }).map((fixes) => ({ fixes })),
}).map((e) => ({ ...e }));

describe('the positions wire form (NATS broadcasts of units.positions_reported)', () => {
  it('decodes to exactly the events encoded: the same fixes, `at` texts, doubles (-0 too) and absent fields', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 4 }), (events) => {
        // toStrictEqual tells an absent key from one set to undefined, and -0 from 0.
        expect(positionsWire.decode(positionsWire.encode(events))).toStrictEqual(events);
      }),
    );
  });

  it('is much smaller than the JSON it replaces', () => {
    const fixes = Array.from({ length: 2000 }, (_, i) => ({ unitId: randomUUID(), location: [-76.6 + i * 1e-5, 39.29 + i * 1e-5], at: new Date(Date.UTC(2026, 11, 6, 20, 0, i)).toISOString(), speedKmh: 37.5, heading: 90 }) as AvlFix);
    const events: PublishedEvent[] = [{ id: randomUUID(), position: LIVE_ONLY, type: 'units.positions_reported', occurredAt: new Date().toISOString(), jurisdictionPath: 'bench', data: { fixes } }];
    expect(positionsWire.encode(events).byteLength).toBeLessThan(0.8 * Buffer.byteLength(JSON.stringify(events)));
  });

  it('refuses a fix it cannot carry instead of shifting the fields after it', () => {
    const bad: PublishedEvent = { id: randomUUID(), position: LIVE_ONLY, type: 'units.positions_reported', occurredAt: new Date().toISOString(), jurisdictionPath: null, data: { fixes: [{ unitId: 'short', location: [0, 0], at: '2026-12-06T20:49:10Z' }] } };
    expect(() => positionsWire.encode([bad])).toThrow(/does not fit/);
  });

  it('refuses bytes with something left over', () => {
    const bytes = positionsWire.encode([]);
    expect(() => positionsWire.decode(Buffer.concat([bytes, Buffer.from([1])]))).toThrow(/left over/);
  });
});
