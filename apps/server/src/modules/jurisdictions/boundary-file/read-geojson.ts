import { BoundaryFileError, type BoundaryFileContent, type RawFeature } from './types.js';

/** `urn:ogc:def:crs:EPSG::2056`, `EPSG:2056` or OGC CRS84 in a (2008-style) GeoJSON `crs` member. */
function sridOf(crs: unknown): number {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return 4326;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:+(\d+)$/i.exec(name);
  if (!m) throw new BoundaryFileError(`its crs "${name}" is not an EPSG code; RFC 7946 GeoJSON is longitude/latitude (drop the crs member or give EPSG:xxxx)`);
  return Number(m[1]);
}

/** Reads a GeoJSON FeatureCollection or a single Feature (UTF-8, a byte-order mark is allowed). */
export function readGeoJson(name: string, bytes: Uint8Array): BoundaryFileContent {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new BoundaryFileError(`${name} is not a GeoJSON file: ${err instanceof TypeError ? 'not UTF-8 text' : `not JSON (${(err as Error).message})`}`);
  }
  const type = (doc as { type?: unknown } | null)?.type;
  let list: unknown[];
  if (type === 'FeatureCollection' && Array.isArray((doc as { features?: unknown }).features)) list = (doc as { features: unknown[] }).features;
  else if (type === 'Feature') list = [doc];
  else throw new BoundaryFileError(`${name} is JSON but not a GeoJSON FeatureCollection or Feature (type: ${JSON.stringify(type) ?? 'none'})`);
  const features: RawFeature[] = list.map((f, i) => {
    const feature = (f ?? {}) as { properties?: unknown; geometry?: unknown };
    const props = feature.properties;
    return {
      index: i + 1,
      properties: props && typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : {},
      geometry: feature.geometry ? { geojson: feature.geometry } : null,
    };
  });
  return { format: 'geojson', layer: null, srid: sridOf((doc as { crs?: unknown }).crs), encoding: null, features, notes: [] };
}
