import { MAP_FONT_STACK } from '../api/enums';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** The licence's credit, with "contributors" in the UI language (`map.osmContributors`: 贡献者 in Chinese, as openstreetmap.org says it). */
export const osmAttribution = (contributors: string) =>
  `© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> ${contributors} (ODbL)`;

/** MapLibre's own control labels (zoom, compass, attribution, canvas) in the UI language. */
export const mapLocale = (t: (key: string) => string): Record<string, string> => ({
  'Map.Title': t('map.canvas'),
  'NavigationControl.ZoomIn': t('map.zoomIn'),
  'NavigationControl.ZoomOut': t('map.zoomOut'),
  'NavigationControl.ResetBearing': t('map.resetBearing'),
  'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
  'Popup.Close': t('map.closePopup'),
  'Marker.Title': t('map.marker'),
});

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
  /** Label text: light on the dark map, with a halo of the background so it reads over roads and buildings. */
  label: { place: '#e9ecef', street: '#ced4da', number: '#adb5bd', water: '#8fb8de', jurisdiction: '#c5b8ea' },
  halo: '#15181c',
};

/** The UI languages the map labels follow: `zh-CN` reads `name:zh`, any other `name`. */
export type MapLanguage = 'en' | 'zh-CN';

/** The label of a feature in the UI language, falling back to the other name OSM has. */
export function labelField(language: string): ExpressionSpecification {
  return language.startsWith('zh') ? ['coalesce', ['get', 'name:zh'], ['get', 'name']] : ['coalesce', ['get', 'name'], ['get', 'name:zh']];
}

/** The symbol layers whose text is a name (re-pointed when the UI language changes). */
export const NAME_LABEL_LAYERS = ['label-water-line', 'label-water-area', 'label-road', 'label-place', 'label-jurisdiction'] as const;

const TEXT: { 'text-font': string[]; 'text-max-width': number } = { 'text-font': [MAP_FONT_STACK], 'text-max-width': 8 };
const HALO = { 'text-halo-color': C.halo, 'text-halo-width': 1.6, 'text-halo-blur': 0.5 } as const;

function labelLayers(language: string): LayerSpecification[] {
  const name = labelField(language);
  return [
    {
      id: 'label-water-line', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'water', minzoom: 12,
      filter: ['all', ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false], ['has', 'name']],
      layout: { ...TEXT, 'text-field': name, 'symbol-placement': 'line', 'text-size': ['match', ['get', 'kind'], 'river', 13, 11], 'symbol-spacing': 400 },
      paint: { 'text-color': C.label.water, ...HALO },
    },
    {
      id: 'label-water-area', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'water', minzoom: 13,
      filter: ['all', ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false], ['any', ['has', 'name'], ['has', 'name:zh']]],
      layout: { ...TEXT, 'text-field': name, 'text-size': 12 },
      paint: { 'text-color': C.label.water, ...HALO },
    },
    {
      // Street names along the line, bigger for bigger roads; minor streets from z14, main roads from z12.
      id: 'label-road', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'roads', minzoom: 12,
      filter: ['all', ['any', ['has', 'name'], ['has', 'name:zh']],
        ['any', ['match', ['get', 'class'], ['motorway', 'trunk', 'primary', 'secondary'], true, false], ['>=', ['zoom'], 14]]],
      layout: {
        ...TEXT, 'text-field': name, 'symbol-placement': 'line', 'symbol-spacing': 300, 'text-padding': 2,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], 11, 10], 17, ['match', ['get', 'class'], ['motorway', 'trunk', 'primary', 'secondary'], 15, 13]],
      },
      paint: { 'text-color': C.label.street, ...HALO },
    },
    {
      id: 'label-housenumber', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'housenumbers', minzoom: 17,
      layout: { ...TEXT, 'text-field': ['get', 'housenumber'], 'text-size': 11, 'text-padding': 1 },
      paint: { 'text-color': C.label.number, ...HALO },
    },
    {
      id: 'label-place', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'places',
      layout: {
        ...TEXT, 'text-field': name,
        'text-size': ['match', ['get', 'kind'], ['city', 'town'], 16, 'village', 14, ['suburb', 'quarter'], 13, 12],
        'symbol-sort-key': ['match', ['get', 'kind'], ['city', 'town'], 0, 'village', 1, ['suburb', 'quarter'], 2, 3],
      },
      paint: { 'text-color': C.label.place, ...HALO },
    },
    {
      // Jurisdictions by depth as one zooms in (level names are the organisation's own, FIREBREAK_LEVELS):
      // the root, then the second level, then the third; anything deeper from z12.
      id: 'label-jurisdiction', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'jurisdiction_labels', maxzoom: 13,
      filter: ['match', ['get', 'depth'], 1, ['<', ['zoom'], 8], 2, ['all', ['>=', ['zoom'], 8], ['<', ['zoom'], 10]], 3, ['>=', ['zoom'], 10], ['>=', ['zoom'], 12]],
      layout: { ...TEXT, 'text-field': ['upcase', name], 'text-size': ['match', ['get', 'depth'], 1, 16, 2, 14, 13], 'text-letter-spacing': 0.08 },
      paint: { 'text-color': C.label.jurisdiction, 'text-opacity': 0.85, ...HALO },
    },
  ];
}


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
 * server's tile contract: `roads` (class, name, name:zh), `water` (kind; polygons and lines),
 * `buildings`, `landuse` (kind), `boundaries` (level: a FIREBREAK_LEVELS key, depth: 1 = the root, name, path), and the label layers `places`
 * (kind), `housenumbers` and `jurisdiction_labels`. Text is drawn with glyphs the server makes
 * from its bundled Noto fonts (`/api/v1/glyphs/…`): no outside font server. The glyph URL is
 * absolute because MapLibre resolves it outside the page.
 */
export function baseStyle(tileJsonUrl = '/api/v1/tiles.json', language = 'en', origin = globalThis.location?.origin ?? ''): StyleSpecification {
  return {
    version: 8,
    glyphs: `${origin}/api/v1/glyphs/{fontstack}/{range}.pbf`,
    // No source attribution (an explicit '' also hides the TileJSON's English one): the credit is
    // the AttributionControl's, in the UI language (`osmAttribution`).
    sources: { [BASE_SOURCE]: { type: 'vector', url: tileJsonUrl, attribution: '' } },
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
      ...labelLayers(language),
    ],
  };
}
