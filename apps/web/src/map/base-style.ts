import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

export const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors (ODbL)';

/** The base map source: the server's vector tiles of the imported OSM data (no outside servers). */
export const BASE_SOURCE = 'base';

const C = {
  background: '#1b1f24',
  landuse: { forest: '#1f2d22', wood: '#1f2d22', grass: '#222b20', meadow: '#222b20', park: '#21301f', farmland: '#23251e', residential: '#24262b', industrial: '#2a2628', commercial: '#2a2729', retail: '#2a2729' } as Record<string, string>,
  landuseOther: '#202328',
  water: '#1c3347',
  waterLine: '#2b4d6b',
  building: '#33363d',
  road: { motorway: '#c98a4b', trunk: '#c4a05a', primary: '#b3a46f', secondary: '#9a9a88', tertiary: '#8a8c8f', minor: '#6c7076', service: '#55595e', track: '#5a5246', path: '#4e5257' } as Record<string, string>,
  boundary: '#8d7bb5',
};

const ROAD_WIDTH: Record<string, [number, number]> = {
  motorway: [1.2, 14], trunk: [1.1, 12], primary: [1, 11], secondary: [0.8, 10], tertiary: [0.6, 9], minor: [0.4, 7], service: [0.3, 4], track: [0.3, 3], path: [0.3, 2],
};

function match(property: string, table: Record<string, string>, fallback: string) {
  return ['match', ['get', property], ...Object.entries(table).flat(), fallback] as unknown as string;
}

function roadLayers(): LayerSpecification[] {
  // Least important first: motorways draw on top.
  return ['path', 'track', 'service', 'minor', 'tertiary', 'secondary', 'primary', 'trunk', 'motorway'].map((cls) => {
    const [lo, hi] = ROAD_WIDTH[cls]!;
    return {
      id: `road-${cls}`,
      type: 'line',
      source: BASE_SOURCE,
      'source-layer': 'roads',
      filter: ['==', ['get', 'class'], cls],
      minzoom: cls === 'path' || cls === 'track' || cls === 'service' ? 13 : cls === 'minor' ? 11 : 0,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': C.road[cls]!,
        'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 8, lo, 18, hi],
        ...(cls === 'path' || cls === 'track' ? { 'line-dasharray': [2, 1.5] } : {}),
      },
    } as LayerSpecification;
  });
}

/**
 * The command-center base map, dark so that incidents and units stand out, styled against the
 * server's tile contract: `roads` (class), `water` (kind; polygons and lines), `buildings`,
 * `landuse` (kind), `boundaries` (level: a FIREBREAK_LEVELS key, depth: 1 = the root, name, path). No text layers: those would need glyphs
 * from a font server; names are shown by the overlays' own popups and panels instead.
 */
export function baseStyle(tileJsonUrl = '/api/v1/tiles.json'): StyleSpecification {
  return {
    version: 8,
    sources: { [BASE_SOURCE]: { type: 'vector', url: tileJsonUrl, attribution: OSM_ATTRIBUTION } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': C.background } },
      { id: 'landuse', type: 'fill', source: BASE_SOURCE, 'source-layer': 'landuse', paint: { 'fill-color': match('kind', C.landuse, C.landuseOther), 'fill-opacity': 0.9 } },
      { id: 'water-area', type: 'fill', source: BASE_SOURCE, 'source-layer': 'water', filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false], paint: { 'fill-color': C.water } },
      {
        id: 'water-line', type: 'line', source: BASE_SOURCE, 'source-layer': 'water', filter: ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false],
        paint: { 'line-color': C.waterLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, ['match', ['get', 'kind'], 'river', 1.5, 0.5], 16, ['match', ['get', 'kind'], 'river', 8, 2]] },
      },
      { id: 'buildings', type: 'fill', source: BASE_SOURCE, 'source-layer': 'buildings', minzoom: 13, paint: { 'fill-color': C.building, 'fill-outline-color': '#3d4148' } },
      ...roadLayers(),
      {
        id: 'base-boundaries', type: 'line', source: BASE_SOURCE, 'source-layer': 'boundaries',
        paint: { 'line-color': C.boundary, 'line-opacity': 0.6, 'line-width': ['match', ['get', 'depth'], 1, 2.5, 2, 1.8, 3, 1.2, 0.8], 'line-dasharray': [3, 2] },
      },
    ],
  };
}
