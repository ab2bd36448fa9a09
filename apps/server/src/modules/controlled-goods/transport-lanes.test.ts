import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { laneOf, splitByLane } from './transport-mqtt.js';

describe('transport ingest lanes: a permit always in the same transaction of a batch', () => {
  it('splits a batch by permit without losing, duplicating or reordering any fix, the same permit to the same lane every time', () => {
    fc.assert(fc.property(fc.array(fc.uuid(), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (ids, lanes) => {
      const batch = new Map(ids.map((id, i) => [id, [i, i + 1]]));
      const parts = splitByLane(batch, lanes);
      expect(parts.length).toBeLessThanOrEqual(lanes);
      expect(parts.every((p) => p.size > 0)).toBe(true);
      expect(parts.reduce((n, p) => n + p.size, 0)).toBe(batch.size);
      for (const part of parts) {
        const lane = laneOf([...part.keys()][0]!, lanes);
        for (const [id, fixes] of part) {
          expect(laneOf(id, lanes)).toBe(lane);
          expect(fixes).toBe(batch.get(id));
        }
      }
    }));
  });

  it("spreads UUIDv7 permits over the lanes (their last characters are random)", () => {
    const counts = [0, 0];
    for (let i = 0; i < 2000; i++) counts[laneOf(uuidv7(), 2)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
  });
});
