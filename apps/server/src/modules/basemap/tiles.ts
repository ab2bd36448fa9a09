import { createHash } from 'node:crypto';
import { BASEMAP_LAYERS, BASEMAP_MAX_ZOOM, type BasemapLayer } from '@firebreak/contracts';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import type { FeatureCollection } from 'geojson';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { LayerFeature } from './osm-layers.js';

export const TILE_EXTENT = 4096;

type Tags = Record<string, unknown>;

/**
 * The first zoom at which a feature is drawn: a country-wide tile carries the main roads,
 * rivers, forests and borders; streets, tracks, paths and buildings come in as one zooms in.
 * Features are cut at tile time, so the indexes stay one per layer.
 */
const ROAD_MIN_ZOOM: Record<string, number> = { motorway: 0, trunk: 0, primary: 0, secondary: 8, tertiary: 10, minor: 12, service: 13, track: 13, path: 14 };
const WATER_MIN_ZOOM: Record<string, number> = { water: 0, river: 8, canal: 10, stream: 12 };
const LANDUSE_MIN_ZOOM: Record<string, number> = { forest: 0, farmland: 8, meadow: 8, residential: 10, industrial: 10, park: 10 };
/** Places by kind: towns from the country view, hamlets and localities only close in. */
const PLACE_MIN_ZOOM: Record<string, number> = { city: 0, town: 6, village: 10, suburb: 11, hamlet: 12, quarter: 12, neighbourhood: 13, locality: 14, isolated_dwelling: 14, farm: 14 };
/** House numbers ride only in the deepest tiles (z17, overzoomed by the map past it). */
export const LAYER_MIN_ZOOM: Record<BasemapLayer, number> = { roads: 0, water: 0, buildings: 13, landuse: 0, boundaries: 0, places: 0, housenumbers: 17, jurisdiction_labels: 0 };

export function minZoomOf(layer: BasemapLayer, tags: Tags): number {
  switch (layer) {
    case 'roads': return ROAD_MIN_ZOOM[String(tags.class)] ?? 12;
    case 'water': return WATER_MIN_ZOOM[String(tags.kind)] ?? 12;
    case 'landuse': return LANDUSE_MIN_ZOOM[String(tags.kind)] ?? 10;
    case 'places': return PLACE_MIN_ZOOM[String(tags.kind)] ?? 12;
    default: return LAYER_MIN_ZOOM[layer];
  }
}

export interface EncodedTile {
  /** Uncompressed MVT; null for a tile with nothing in it. */
  data: Uint8Array | null;
  etag: string | null;
}

/** geojson-vt tiling options shared by every layer. */
const TILING = { maxZoom: BASEMAP_MAX_ZOOM, indexMaxZoom: 5, indexMaxPoints: 100_000, tolerance: 3, extent: TILE_EXTENT, buffer: 64 } as const;

export function layerIndex(features: LayerFeature[]): GeoJSONVT {
  return new GeoJSONVT({ type: 'FeatureCollection', features } as FeatureCollection, TILING);
}

/** An LRU of encoded tiles: a map pans over the same few hundred tiles again and again. */
class TileCache {
  private readonly entries = new Map<string, EncodedTile>();
  constructor(private readonly size: number) {}
  get(key: string): EncodedTile | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, tile: EncodedTile): void {
    this.entries.set(key, tile);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The base map's vector tiles: one geojson-vt index per layer (the OSM layers' shared by every
 * app of the process, the boundaries' rebuilt when jurisdictions change), cut and encoded on
 * request with vt-pbf, the result remembered.
 */
export class TileSet {
  private readonly cache = new TileCache(4096);

  constructor(private readonly indexes: Record<BasemapLayer, GeoJSONVT>) {}

  tile(z: number, x: number, y: number): EncodedTile {
    const key = `${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const data = this.render(z, x, y);
    const tile = { data, etag: data ? `"${createHash('sha1').update(data).digest('base64url').slice(0, 22)}"` : null };
    this.cache.set(key, tile);
    return tile;
  }

  /** Cuts and encodes one tile, uncached (the benchmark times this). */
  render(z: number, x: number, y: number): Uint8Array | null {
    const layers: Record<string, GeoJSONVTTile> = {};
    for (const name of BASEMAP_LAYERS) {
      const tile = this.indexes[name].getTile(z, x, y);
      if (!tile) continue;
      const features = tile.features.filter((f: GeoJSONVTTile['features'][number]) => minZoomOf(name, (f.tags ?? {}) as Tags) <= z);
      if (features.length > 0) layers[name] = { ...tile, features };
    }
    if (Object.keys(layers).length === 0) return null;
    return fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT });
  }
}
