import type { Entry, Gazetteer } from './gazetteer.js';
import { perturb, PERTURBATIONS, seeded, type Perturbation } from './perturb.js';
import type { Geocoder } from './search.js';

/** One query of the generated test set: an address of the extract as a caller would say it. */
export interface TestQuery { query: string; perturbation: Perturbation; expected: Entry }

/** Every address of the gazetteer, once per perturbation that applies to it (seeded: the same set each run). */
export function addressTestSet(gazetteer: Gazetteer, seed = 13): TestQuery[] {
  const random = seeded(seed);
  const out: TestQuery[] = [];
  for (const e of gazetteer.entries) {
    if (e.kind !== 'address') continue;
    const city = e.label.includes(', ') ? e.label.slice(e.label.lastIndexOf(', ') + 2) : '';
    for (const perturbation of PERTURBATIONS) {
      const query = perturb({ street: e.main, housenumber: e.number, city }, perturbation, random);
      if (query) out.push({ query, perturbation, expected: e });
    }
  }
  return out;
}

/** Whether a result is the expected address (its point and label: two objects share neither). */
export const isExpected = (r: { label: string; point: { coordinates: [number, number] } }, e: Entry): boolean =>
  r.label === e.label && r.point.coordinates[0] === e.point[0] && r.point.coordinates[1] === e.point[1];

export interface Recall { queries: number; at1: number; at5: number; misses: TestQuery[] }

/** recall@1 and recall@5 of the geocoder over a test set (shares, 0-1). */
export function recall(geocoder: Geocoder, set: readonly TestQuery[]): Recall {
  let at1 = 0, at5 = 0;
  const misses: TestQuery[] = [];
  for (const t of set) {
    const results = geocoder.search(t.query, { limit: 5 });
    const rank = results.findIndex((r) => isExpected(r, t.expected));
    if (rank === 0) at1++;
    if (rank >= 0) at5++; else misses.push(t);
  }
  return { queries: set.length, at1: at1 / set.length, at5: at5 / set.length, misses };
}
