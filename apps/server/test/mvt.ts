import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** Decodes a Mapbox Vector Tile the way MapLibre does (@mapbox/vector-tile over pbf, the versions maplibre-gl uses). */

export interface DecodedFeature {
  type: 'Point' | 'LineString' | 'Polygon' | 'Unknown';
  properties: Record<string, string | number | boolean>;
  /** Geometry in lon/lat (GeoJSON of the feature). */
  geometry: { type: string; coordinates: unknown };
}

export function decodeTile(body: Uint8Array, z: number, x: number, y: number, gzipped = false): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(gzipped ? gunzipSync(body) : body));
  const out: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    out[name] = Array.from({ length: layer.length }, (_, i) => {
      const f = layer.feature(i);
      return { type: (['Unknown', 'Point', 'LineString', 'Polygon'] as const)[f.type], properties: f.properties, geometry: f.toGeoJSON(x, y, z).geometry as DecodedFeature['geometry'] };
    });
  }
  return out;
}

/** The tile containing a point at a zoom (slippy-map tile numbers). */
export function tileAt([lon, lat]: [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}
