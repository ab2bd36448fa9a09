import { fileURLToPath } from 'node:url';
import { importOsm } from '../import-osm.js';
import type { GraphData } from '../graph-data.js';

export const BALTIMORE_PBF = fileURLToPath(new URL('../../../../data/osm/baltimore.osm.pbf', import.meta.url));
export const LIECHTENSTEIN_PBF = fileURLToPath(new URL('../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));

const cache = new Map<string, Promise<GraphData>>();

/** Imports each extract once per test worker. */
export function extract(file: string): Promise<GraphData> {
  let data = cache.get(file);
  if (!data) {
    data = importOsm(file);
    cache.set(file, data);
  }
  return data;
}
