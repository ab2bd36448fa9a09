import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer, type Entry, type Gazetteer } from './gazetteer.js';
import { distanceM } from './geo.js';
import { readOsmGazetteer } from './osm-gazetteer.js';
import { PERTURBATIONS } from './perturb.js';
import { Geocoder, interpolate } from './search.js';
import { addressTestSet, recall } from './testset.js';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/osm');

describe.each(['liechtenstein', 'baltimore'])('geocoder over the %s extract', (extract) => {
  let gazetteer: Gazetteer;
  let geocoder: Geocoder;
  beforeAll(async () => {
    gazetteer = buildGazetteer(await readOsmGazetteer(path.join(DATA, `${extract}.osm.pbf`)), []);
    geocoder = new Geocoder(gazetteer);
  }, 30_000);

  it.each(PERTURBATIONS)('finds every address written with %s: recall@1 ≥ 95 %, recall@5 ≥ 99 %', (perturbation) => {
    const set = addressTestSet(gazetteer).filter((t) => t.perturbation === perturbation);
    if (extract === 'baltimore' && perturbation === 'no_diacritics') return expect(set).toHaveLength(0);
    expect(set.length).toBeGreaterThan(100);
    const r = recall(geocoder, set);
    expect(r.at1, r.misses.slice(0, 3).map((m) => m.query).join(' | ')).toBeGreaterThanOrEqual(0.95);
    expect(r.at5).toBeGreaterThanOrEqual(0.99);
  });

  it('reverse: the point of an address gives that address back, and its street nearby', () => {
    const addresses = gazetteer.entries.filter((e) => e.kind === 'address');
    for (const a of addresses.filter((_, i) => i % 25 === 0)) {
      const r = geocoder.reverse(a.point);
      expect(r.address?.distanceM).toBe(0);
      expect(distanceM(r.address!.point.coordinates, a.point)).toBe(0);
    }
    const far = geocoder.reverse([0, 0]);
    expect(far).toEqual({ address: null, street: null, jurisdiction: null });
  });

  it('ranks a street name found in several places by distance to near', () => {
    const byName = new Map<string, Entry[]>();
    for (const e of gazetteer.entries) if (e.kind === 'street') byName.set(e.main, [...(byName.get(e.main) ?? []), e]);
    const shared = [...byName.values()].filter((list) => list.length > 1 && list.every((e, i) => i === 0 || distanceM(e.point, list[0]!.point) > 1000)).slice(0, 20);
    expect(shared.length).toBeGreaterThan(0);
    for (const list of shared) {
      for (const street of list) {
        const [first] = geocoder.search(street.main, { near: street.point, limit: 20 }).filter((r) => r.kind === 'street');
        expect(first?.point.coordinates, street.label).toEqual(street.point);
      }
    }
  });

  it('places a missing house number between its neighbours on the street, marked interpolated', () => {
    let checked = 0;
    for (const s of gazetteer.streets.values()) {
      const ns = s.numbers.map((x) => x.n);
      const gap = ns.findIndex((n, i) => i > 0 && n - ns[i - 1]! === 4 && n % 2 === ns[i - 1]! % 2);
      if (gap < 1 || ns.includes(ns[gap]! - 2)) continue;
      const n = ns[gap]! - 2;
      const point = interpolate(s, n)!;
      const lo = s.numbers[gap - 1]!.point, hi = s.numbers[gap]!.point;
      expect(Math.abs(distanceM(point, lo) - distanceM(point, hi))).toBeLessThan(1);
      const results = geocoder.search(`${s.street.main} ${n}`, { limit: 5 });
      const found = results.find((r) => r.interpolated);
      expect(found, `${s.street.main} ${n}`).toMatchObject({ kind: 'address', interpolated: true });
      expect(found!.point.coordinates).toEqual(point);
      expect(found!.confidence).toBeLessThan(1);
      if (++checked === 10) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
