import { describe, expect, it } from 'vitest';
import { metresBetween, offset, pointAlong } from './along-route.js';
import { poisson, seeded, weighted } from './random.js';

describe('pointAlong', () => {
  const line: [number, number][] = [[9.5, 47.1], [9.51, 47.1], [9.51, 47.11]];
  it('walks the line by length: ends, a corner, and halfway along a leg', () => {
    expect(pointAlong(line, 0)).toEqual([9.5, 47.1]);
    expect(pointAlong(line, 1)).toEqual([9.51, 47.11]);
    const [a, b] = [metresBetween(line[0]!, line[1]!), metresBetween(line[1]!, line[2]!)];
    const corner = pointAlong(line, a / (a + b));
    expect(corner[0]).toBeCloseTo(9.51, 9);
    expect(corner[1]).toBeCloseTo(47.1, 9);
    const mid = pointAlong(line, a / 2 / (a + b));
    expect(mid[0]).toBeCloseTo(9.505, 9);
  });
  it('puts an offset point at the distance asked', () => {
    expect(metresBetween([9.5, 47.1], offset([9.5, 47.1], 250, 1))).toBeCloseTo(250, 0);
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed, and its Poisson counts average the rate', () => {
    const [a, b] = [seeded(7), seeded(7)];
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
    const r = seeded(42);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += poisson(r, 0.5);
    expect(sum / n).toBeGreaterThan(0.47);
    expect(sum / n).toBeLessThan(0.53);
    const counts = { x: 0, y: 0 };
    for (let i = 0; i < n; i++) counts[weighted(r, { x: 3, y: 1 })]++;
    expect(counts.x / n).toBeGreaterThan(0.72);
    expect(counts.x / n).toBeLessThan(0.78);
  });
});
