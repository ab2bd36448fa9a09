import type { Hazard, Incident, Place, Unit } from '@firebreak/contracts';
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { isGeneratedPlaceName, MAP_FONT_STACK } from '../api/enums';
import type { JurisdictionWithBoundary } from '../api/queries';
import type { Feature } from './feature-sync';
import { PRIORITY_COLOR, RING_COLORS, UNIT_STATUS_STYLE } from './palette';

/** The switchable overlay groups, drawn bottom to top in this order. */
export const OVERLAYS = ['boundaries', 'rings', 'places', 'hazards', 'incidents', 'units'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/**
 * Below this zoom units and incidents are drawn as circles, from it as icons (heading, letters).
 * Circles are re-tiled cheaply when 5,000 units move every second; icons need symbol layout and
 * placement for every feature after every update, which is what made the overview crawl.
 */
export const DETAIL_ZOOM = 13;

const UNIT_COLOR = ['match', ['get', 'status'], ...Object.entries(UNIT_STATUS_STYLE).flatMap(([s, v]) => [s, v.color]), '#868e96'] as unknown as ExpressionSpecification;

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Street-level labels of the overlays (below the markers they name, placed after them). */
export const LABEL_ZOOM = 15;
/**
 * Text beside a marker: tried on each side in turn and dropped rather than drawn over another
 * label or marker (the markers take part in collision, so a label never hides one); black halo
 * on light text, readable over any base-map colour.
 */
const MARKER_LABEL = {
  'text-font': [MAP_FONT_STACK], 'text-size': 12, 'text-variable-anchor': ['top', 'bottom', 'right', 'left'] as ('top' | 'bottom' | 'right' | 'left')[], 'text-radial-offset': 1.5,
  'text-justify': 'auto' as const, 'text-max-width': 12, 'text-padding': 2, 'text-optional': true,
};
const MARKER_LABEL_PAINT = { 'text-color': '#f8f9fa', 'text-halo-color': '#0b0d10', 'text-halo-width': 2 } as const;

const LAYERS: Record<Overlay, LayerSpecification[]> = {
  boundaries: [
    // The faint tint of the areas below the top of the tree; the top's own polygon is left out by the filter, not drawn
    // at opacity 0: MapLibre skips a fill only when its opacity is a constant 0, so a data-driven 0 still shaded every
    // pixel of the country at every redraw (5,000 units moving: a redraw per re-tiled second; docs/benchmarks.md).
    { id: 'jurisdictions-fill', type: 'fill', source: 'jurisdictions', filter: ['!=', ['get', 'root'], true], paint: { 'fill-color': '#8d7bb5', 'fill-opacity': 0.04 } },
    { id: 'jurisdictions-line', type: 'line', source: 'jurisdictions', paint: { 'line-color': '#b197fc', 'line-width': ['match', ['get', 'depth'], 1, 3, 2, 2, 1.2], 'line-opacity': 0.8 } },
  ],
  rings: [
    { id: 'rings-fill', type: 'fill', source: 'rings', paint: { 'fill-color': ['match', ['get', 'band'], 0, RING_COLORS[0], 1, RING_COLORS[1], RING_COLORS[2]], 'fill-opacity': ['match', ['get', 'band'], 0, 0.18, 1, 0.1, 0.06] } },
    // Dash patterns tell the bands apart without colour: solid 1 min, dashed 3, dotted 5.
    { id: 'rings-line-0', type: 'line', source: 'rings', filter: ['==', ['get', 'band'], 0], paint: { 'line-color': RING_COLORS[0], 'line-width': 2.5 } },
    { id: 'rings-line-1', type: 'line', source: 'rings', filter: ['==', ['get', 'band'], 1], paint: { 'line-color': RING_COLORS[1], 'line-width': 2.5, 'line-dasharray': [4, 2] } },
    { id: 'rings-line-2', type: 'line', source: 'rings', filter: ['>=', ['get', 'band'], 2], paint: { 'line-color': RING_COLORS[2], 'line-width': 2.5, 'line-dasharray': [1, 2] } },
  ],
  places: [
    // Key places' names from z13, under their icons: they give way to other labels and markers.
    { id: 'places-label', type: 'symbol', source: 'places', minzoom: 13, layout: { ...MARKER_LABEL, 'text-field': ['get', 'name'], 'text-size': 11, 'text-radial-offset': 1.3 }, paint: { ...MARKER_LABEL_PAINT, 'text-color': '#ffe066' } },
    { id: 'places', type: 'symbol', source: 'places', minzoom: 10, layout: { 'icon-image': ['concat', 'place-', ['get', 'category']], 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.7, 15, 1] } },
  ],
  hazards: [
    { id: 'hazards', type: 'symbol', source: 'hazards', layout: { 'icon-image': ['case', ['==', ['get', 'overdue'], true], 'hazard-overdue', 'hazard'], 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-offset': [10, -12] } },
  ],
  incidents: [
    // Age halo around the icon at street level: a fresh call is ringed boldly, fading as it ages (age bucket
    // refreshed every 30 s). Below DETAIL_ZOOM the overview disc's own ring says the age instead: a halo
    // around each of 2,000 discs tripled the pixels the map draws at every update (docs/benchmarks.md).
    { id: 'incidents-halo', type: 'circle', source: 'incidents', minzoom: DETAIL_ZOOM, paint: { 'circle-radius': 20, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#fff', 'circle-stroke-width': ['match', ['get', 'ageBucket'], 0, 3, 1, 2, 0.75], 'circle-stroke-opacity': ['match', ['get', 'ageBucket'], 0, 0.9, 1, 0.6, 0.3] } },
    { id: 'incidents-selected', type: 'circle', source: 'incidents', filter: ['==', ['get', 'selected'], true], paint: { 'circle-radius': 26, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffd43b', 'circle-stroke-width': 4 } },
    // Overview: a disc sized by priority (P1 largest) in its colour; a missed tier draws a heavy black ring,
    // otherwise a white ring as bold as the call is fresh (under 5 min, under 30 min, older).
    {
      id: 'incidents-overview', type: 'circle', source: 'incidents', maxzoom: DETAIL_ZOOM,
      layout: { 'circle-sort-key': ['get', 'rank'] },
      paint: {
        'circle-radius': ['match', ['get', 'priority'], 'P1', 8, 'P2', 7, 'P3', 6, 5],
        'circle-color': ['match', ['get', 'priority'], 'P1', PRIORITY_COLOR.P1, 'P2', PRIORITY_COLOR.P2, 'P3', PRIORITY_COLOR.P3, PRIORITY_COLOR.P4],
        'circle-stroke-color': ['case', ['==', ['get', 'missed'], true], '#000', '#fff'],
        'circle-stroke-width': ['case', ['==', ['get', 'missed'], true], 3.5, ['match', ['get', 'ageBucket'], 0, 3, 1, 2, 1]],
      },
    },
    // At street level: the incident's type and age beside it.
    // The offset clears the 34 px diamond (17 px + the label's padding): the icon is in the collision index.
    { id: 'incidents-label', type: 'symbol', source: 'incidents', minzoom: LABEL_ZOOM, layout: { ...MARKER_LABEL, 'text-field': ['get', 'label'], 'text-radial-offset': 2, 'symbol-sort-key': ['get', 'rank'] }, paint: MARKER_LABEL_PAINT },
    // Zoomed in: the diamond icon with the priority number and the "!" badge of a missed tier. Always drawn
    // (allow-overlap), but in the collision index (no ignore-placement), so labels keep off it.
    { id: 'incidents', type: 'symbol', source: 'incidents', minzoom: DETAIL_ZOOM, layout: { 'icon-image': ['concat', 'incident-', ['get', 'priority'], ['case', ['==', ['get', 'missed'], true], '-missed', '']], 'icon-allow-overlap': true, 'icon-ignore-placement': false, 'symbol-sort-key': ['get', 'rank'] } },
  ],
  units: [
    // Overview: free units (available, at station) as rings, committed ones as solid discs, out of
    // service as a small grey dot — the shape says free or busy without the colour.
    {
      id: 'units-overview', type: 'circle', source: 'units', maxzoom: DETAIL_ZOOM,
      paint: {
        'circle-radius': ['match', ['get', 'status'], 'out_of_service', 3, ['available', 'at_station'], 4.5, 5],
        'circle-color': ['match', ['get', 'status'], ['available', 'at_station'], '#f8f9fa', UNIT_COLOR],
        'circle-stroke-color': ['match', ['get', 'status'], ['available', 'at_station'], UNIT_COLOR, '#111'],
        'circle-stroke-width': ['match', ['get', 'status'], ['available', 'at_station'], 2.5, 1],
        // A stale fix is drawn faint (and the unit board says "stale" in words).
        'circle-opacity': ['case', ['==', ['get', 'stale'], true], 0.4, 1],
        'circle-stroke-opacity': ['case', ['==', ['get', 'stale'], true], 0.4, 1],
      },
    },
    // Clears the 30 px arrow turned to any heading (its box up to 21 px from the centre).
    { id: 'units-label', type: 'symbol', source: 'units', minzoom: LABEL_ZOOM, layout: { ...MARKER_LABEL, 'text-field': ['get', 'callSign'], 'text-radial-offset': 2.1 }, paint: MARKER_LABEL_PAINT },
    {
      // Zoomed in: the arrow along the heading with the status letter. The heading changes with every
      // fix and 'icon-rotate' is a layout property, so this layout work is confined to the few units in view at street level.
      id: 'units', type: 'symbol', source: 'units', minzoom: DETAIL_ZOOM,
      layout: {
        'icon-image': ['concat', 'unit-', ['get', 'status'], ['case', ['==', ['typeof', ['get', 'heading']], 'number'], '-arrow', '-dot']],
        'icon-rotate': ['coalesce', ['get', 'heading'], 0],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        // In the collision index (still always drawn): labels keep off the unit's arrow.
        'icon-ignore-placement': false,
        'icon-size': ['interpolate', ['linear'], ['zoom'], DETAIL_ZOOM, 0.8, 16, 1],
      },
      paint: { 'icon-opacity': ['case', ['==', ['get', 'stale'], true], 0.4, 1] },
    },
  ],
};

/** Adds every overlay source (empty) and layer; the sources are then kept current by FeatureSync. */
export function addOverlays(map: MapLibreMap): void {
  for (const id of ['jurisdictions', 'rings']) if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty });
  // Half MapLibre's default tile buffer (128 of 512 px): still wider than the largest circle or icon
  // (a wall display's scaled icons included), and a point near a tile's edge is copied into fewer
  // neighbouring tiles, so each second's re-tiling of 5,000 units handles fewer features.
  for (const id of ['places', 'hazards', 'incidents', 'units']) if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty, promoteId: 'id', buffer: 64 });
  for (const group of OVERLAYS) for (const layer of LAYERS[group]) if (!map.getLayer(layer.id)) map.addLayer(layer);
}

/**
 * Icons are drawn in CSS pixels; on a wall display the interface is scaled up by the root font
 * size (styles.css), and the map's icons follow the same factor.
 */
export function scaleIcons(map: MapLibreMap, factor: number): void {
  if (factor === 1) return;
  for (const id of ['units', 'incidents', 'places', 'hazards']) {
    const size = map.getLayoutProperty(id, 'icon-size') as unknown;
    map.setLayoutProperty(id, 'icon-size', (size === undefined ? factor : scaled(size, factor)) as number);
  }
  for (const id of ['units-overview', 'incidents-overview']) {
    map.setPaintProperty(id, 'circle-radius', scaled(map.getPaintProperty(id, 'circle-radius'), factor) as number);
    map.setPaintProperty(id, 'circle-stroke-width', scaled(map.getPaintProperty(id, 'circle-stroke-width'), factor) as number);
  }
}

/**
 * A size with every output multiplied: a number, `['interpolate', …, z1, s1, z2, s2]` (zoom
 * expressions cannot be nested in '*'), `['match', input, label, out, …, fallback]` or
 * `['case', cond, out, …, fallback]`; the outputs may be such expressions again.
 */
export function scaled(size: unknown, factor: number): unknown {
  if (typeof size === 'number') return size * factor;
  if (!Array.isArray(size)) return size;
  const [op] = size;
  if (op === 'interpolate') return [...size.slice(0, 3), ...size.slice(3).map((v, i) => (i % 2 === 1 ? scaled(v, factor) : v))];
  if (op === 'match') return [...size.slice(0, 2), ...size.slice(2).map((v, i, rest) => (i % 2 === 1 || i === rest.length - 1 ? scaled(v, factor) : v))];
  if (op === 'case') return [op, ...size.slice(1).map((v, i, rest) => (i % 2 === 1 || i === rest.length - 1 ? scaled(v, factor) : v))];
  return size;
}

export function setOverlayVisible(map: MapLibreMap, group: Overlay, visible: boolean): void {
  for (const layer of LAYERS[group]) if (map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
}

export const CLICKABLE_LAYERS = ['units', 'units-overview', 'incidents', 'incidents-overview', 'hazards', 'places'] as const;

const point = (c: readonly [number, number] | readonly number[]): GeoJSON.Point => ({ type: 'Point', coordinates: [c[0]!, c[1]!] });

export function unitFeature(u: Unit): Feature | null {
  const at = u.position?.location ?? u.homeLocation;
  if (!at) return null;
  const heading = u.position?.heading;
  return {
    type: 'Feature',
    id: u.id,
    geometry: point(at),
    properties: { id: u.id, callSign: u.callSign, status: u.status, stale: u.position ? u.position.stale : true, heading: heading ?? null },
  };
}

/** The map feature of a located incident (MapView leaves out imported calls without a location). */
export function incidentFeature(i: Incident, selectedId: string | null, now: number, label = ''): Feature {
  if (!i.location) throw new Error(`incident ${i.id} has no location and is not drawn`);
  const ageMinutes = (now - Date.parse(i.receivedAt)) / 60_000;
  return {
    type: 'Feature',
    id: i.id,
    geometry: point(i.location),
    properties: {
      id: i.id,
      priority: i.priority,
      type: i.type,
      missed: i.tiers.some((t) => t.missedAt),
      ageBucket: ageMinutes < 5 ? 0 : ageMinutes < 30 ? 1 : 2,
      selected: i.id === selectedId,
      rank: 5 - Number(i.priority.slice(1)),
      label,
    },
  };
}

/** A key place OSM left unnamed carries no label (its icon and pop-up say what it is). */
export function placeFeature(p: Place): Feature {
  return { type: 'Feature', id: p.id, geometry: point(p.location), properties: { id: p.id, name: isGeneratedPlaceName(p.name) ? '' : p.name, category: p.category } };
}

export interface HazardSite {
  placeId: string;
  name: string;
  location: [number, number];
  open: number;
  overdue: number;
}

/** Open hazards grouped by the place they are at (a hazard has no location of its own). */
export function hazardSites(hazards: readonly Hazard[], places: readonly Place[]): HazardSite[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const sites = new Map<string, HazardSite>();
  for (const h of hazards) {
    const place = h.placeId ? byId.get(h.placeId) : undefined;
    if (!place) continue;
    const s = sites.get(place.id) ?? { placeId: place.id, name: place.name, location: place.location, open: 0, overdue: 0 };
    sites.set(place.id, { ...s, open: s.open + 1, overdue: s.overdue + (h.overdue ? 1 : 0) });
  }
  return [...sites.values()];
}

export function hazardFeature(s: HazardSite): Feature {
  return { type: 'Feature', id: s.placeId, geometry: point(s.location), properties: { id: s.placeId, name: s.name, open: s.open, overdue: s.overdue > 0 } };
}

export function jurisdictionFeatures(list: readonly JurisdictionWithBoundary[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: list.filter((j) => j.boundary).map((j) => ({ type: 'Feature', geometry: j.boundary!, properties: { id: j.id, name: j.name, level: j.level, depth: j.path.split('.').length, root: j.parentId === null } })),
  };
}

/** Isochrone polygons, largest first so the smaller bands draw on top. */
export function ringFeatures(fc: GeoJSON.FeatureCollection, minutes: readonly number[]): GeoJSON.FeatureCollection {
  const band = (f: GeoJSON.Feature) => {
    const m = Number((f.properties as Record<string, unknown> | null)?.minutes ?? NaN);
    const i = minutes.indexOf(m);
    return i === -1 ? 2 : i;
  };
  return { type: 'FeatureCollection', features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, band: band(f) } })).sort((a, b) => b.properties.band - a.properties.band) };
}
