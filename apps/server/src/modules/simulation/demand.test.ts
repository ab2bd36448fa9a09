import { fileURLToPath } from 'node:url';
import type { Route } from '@firebreak/roadgraph';
import { describe, expect, it } from 'vitest';
import { buildingsOf, Demand, KEY_PLACE_SHARE, PRIORITIES, type Building } from './demand.js';
import { positionAt, type Movement } from './movement.js';
import { seeded } from './random.js';

const places = [
  { name: 'Tankstelle Schaan', category: 'fuel_station', at: [9.51, 47.16] as [number, number] },
  { name: 'Primarschule Vaduz', category: 'school', at: [9.52, 47.14] as [number, number] },
];

describe('where simulated calls come from', () => {
  it('draws buildings by weight and key places at their share, seeded', () => {
    const buildings: Building[] = [
      { at: [9.5, 47.1], weight: 1, address: 'Landstrasse 1' },
      { at: [9.6, 47.2], weight: 9, address: null },
    ];
    const demand = new Demand(buildings, places);
    const random = seeded(5);
    const calls = Array.from({ length: 10_000 }, () => demand.draw(random));
    const atPlaces = calls.filter((c) => places.some((p) => p.at[0] === c.at[0] && p.at[1] === c.at[1]));
    expect(atPlaces.length / calls.length).toBeCloseTo(KEY_PLACE_SHARE, 1);
    const tall = calls.filter((c) => c.at[0] === 9.6).length;
    const low = calls.filter((c) => c.address === 'Landstrasse 1').length;
    expect(tall / low).toBeGreaterThan(7);
    expect(tall / low).toBeLessThan(11);
    // A building without an address is named after the nearest key place.
    expect(calls.find((c) => c.at[0] === 9.6)!.address).toBe('near Tankstelle Schaan');
    // A fuel station's calls are fire, hazmat or traffic; never campus incidents.
    for (const c of calls.filter((x) => x.at[0] === 9.51)) expect(['fire', 'hazmat_leak', 'traffic_accident']).toContain(c.type);
    const p1 = calls.filter((c) => c.priority === 'P1').length / calls.length;
    expect(p1).toBeCloseTo(PRIORITIES.P1 / 100, 1);
    const again = new Demand(buildings, places);
    const r2 = seeded(5);
    expect(Array.from({ length: 50 }, () => again.draw(r2))).toEqual(calls.slice(0, 50));
  });

  it('falls back to key places when there are no buildings', () => {
    const demand = new Demand([], places);
    const random = seeded(1);
    for (let i = 0; i < 100; i++) expect(demand.draw(random).address).toMatch(/^near /);
  });

  it('reads the demo extract\'s buildings people are in, with their addresses where tagged', async () => {
    const pbf = fileURLToPath(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));
    const buildings = await buildingsOf(pbf);
    expect(buildings.length).toBeGreaterThan(5000);
    expect(buildings.filter((b) => b.address).length).toBeGreaterThan(500);
    for (const b of buildings) {
      expect(b.at[0]).toBeGreaterThan(9.4);
      expect(b.at[0]).toBeLessThan(9.7);
      expect(b.at[1]).toBeGreaterThan(47);
      expect(b.at[1]).toBeLessThan(47.3);
      expect(b.weight).toBeGreaterThanOrEqual(1);
      expect(b.weight).toBeLessThanOrEqual(10);
    }
  }, 60_000);
});

describe('a unit driving its route', () => {
  const m: Movement = { route: {} as Route, line: [[9.5, 47.1], [9.5, 47.2]], startedAt: 1_000_000, seconds: 100 };

  it('is the same share along the line as of its time, and says when it arrived', () => {
    const half = positionAt(m, 1_000_000 + 50_000);
    expect(half.arrivedAt).toBeNull();
    expect(half.at[1]).toBeCloseTo(47.15, 6);
    const after = positionAt(m, 1_000_000 + 115_000);
    expect(after.at).toEqual([9.5, 47.2]);
    // The exact arrival, not the tick that noticed it.
    expect(after.arrivedAt).toBe(1_000_000 + 100_000);
  });
});
