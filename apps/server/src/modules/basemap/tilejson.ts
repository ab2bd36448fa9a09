import { BASEMAP_MAX_ZOOM, type BasemapLayer, type TileJson } from '@firebreak/contracts';
import type { Bounds } from './basemap.js';
import { LAYER_MIN_ZOOM } from './tiles.js';

const LAYERS: Record<BasemapLayer, { description: string; fields: Record<string, string> }> = {
  roads: {
    description: 'Roads and paths as lines',
    fields: { class: 'motorway|trunk|primary|secondary|tertiary|minor|service|track|path', name: 'String', 'name:zh': 'String', oneway: 'Boolean', bridge: 'Boolean', tunnel: 'Boolean' },
  },
  water: { description: 'Water areas (kind=water) and waterways as lines (kind=river|stream|canal)', fields: { kind: 'water|river|stream|canal', name: 'String', 'name:zh': 'String' } },
  buildings: { description: 'Building outlines', fields: {} },
  landuse: { description: 'Land use areas', fields: { kind: 'forest|residential|industrial|farmland|meadow|park', name: 'String' } },
  boundaries: { description: 'Jurisdiction boundaries as lines', fields: { level: 'String (a FIREBREAK_LEVELS key)', depth: 'Number (1 = the root)', name: 'String', path: 'String' } },
  places: { description: 'Named places (OSM place=*) as label points', fields: { kind: 'city|town|village|suburb|hamlet|quarter|neighbourhood|locality|isolated_dwelling|farm', name: 'String', 'name:zh': 'String' } },
  housenumbers: { description: 'House numbers (addr:housenumber) of addressed nodes and buildings, as points; in the z17 tiles', fields: { housenumber: 'String' } },
  jurisdiction_labels: { description: 'One label point per jurisdiction (on its surface)', fields: { level: 'String (a FIREBREAK_LEVELS key)', depth: 'Number (1 = the root)', name: 'String', 'name:zh': 'String', path: 'String' } },
};

export function tileJson(tilesUrl: string, bounds: Bounds): TileJson {
  return {
    tilejson: '3.0.0',
    name: 'Firebreak base map',
    tiles: [tilesUrl],
    minzoom: 0,
    maxzoom: BASEMAP_MAX_ZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 11],
    attribution: '© OpenStreetMap contributors',
    vector_layers: (Object.keys(LAYERS) as BasemapLayer[]).map((id) => ({ id, ...LAYERS[id], minzoom: LAYER_MIN_ZOOM[id], maxzoom: BASEMAP_MAX_ZOOM })),
  };
}
