import type { GeoJSONVT } from '@maplibre/geojson-vt';
import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/bus.js';
import { EventDroppedCache } from '../../platform/events/derived-cache.js';
import { boundaryLines, jurisdictionLabels } from './boundaries.js';
import { OSM_LAYERS, readOsmLayers, type OsmLayer, type OsmLayers } from './osm-layers.js';
import { layerIndex, TileSet } from './tiles.js';

export type Bounds = [west: number, south: number, east: number, north: number];

export interface OsmTiles {
  indexes: Record<OsmLayer, GeoJSONVT>;
  bounds: Bounds;
  features: Record<OsmLayer, number>;
  millis: number;
}

const osmTiles = new Map<string, Promise<OsmTiles>>();

/** The OSM layers of an extract, read and indexed once per process (about a second for Liechtenstein). */
export function osmTilesOf(pbf: string, log?: Logger): Promise<OsmTiles> {
  let tiles = osmTiles.get(pbf);
  if (!tiles) {
    tiles = buildOsmTiles(pbf).then((t) => {
      log?.info({ extract: pbf, millis: Math.round(t.millis), features: t.features }, 'base map layers built from the OSM extract');
      return t;
    });
    osmTiles.set(pbf, tiles);
    // A failed read is not remembered: the next request tries again.
    tiles.catch(() => osmTiles.delete(pbf));
  }
  return tiles;
}

async function buildOsmTiles(pbf: string): Promise<OsmTiles> {
  const started = performance.now();
  const layers = await readOsmLayers(pbf);
  const indexes = Object.fromEntries(OSM_LAYERS.map((l) => [l, layerIndex(layers[l])])) as Record<OsmLayer, GeoJSONVT>;
  const features = Object.fromEntries(OSM_LAYERS.map((l) => [l, layers[l].length])) as Record<OsmLayer, number>;
  return { indexes, bounds: boundsOf(layers), features, millis: performance.now() - started };
}

/** The extent of the roads (a clipped extract's other layers can reach past them). */
export function boundsOf(layers: OsmLayers): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of layers.roads.length > 0 ? layers.roads : OSM_LAYERS.flatMap((l) => layers[l])) {
    const coords = f.geometry.coordinates.flat(3) as number[];
    for (let i = 0; i < coords.length; i += 2) {
      b[0] = Math.min(b[0], coords[i]!); b[2] = Math.max(b[2], coords[i]!);
      b[1] = Math.min(b[1], coords[i + 1]!); b[3] = Math.max(b[3], coords[i + 1]!);
    }
  }
  return b[0] === Infinity ? [-180, -85.0511, 180, 85.0511] : b;
}

/**
 * The base map of one app: the process's OSM tiles plus this database's jurisdiction boundaries,
 * built on first use; a `jurisdictions.*` event drops the boundaries, which are rebuilt on the
 * next tile request (the OSM indexes are kept).
 */
export class BaseMap {
  private readonly boundaries = new EventDroppedCache(() => this.build(), ['jurisdictions.']);

  constructor(private readonly pbf: string, private readonly db: Queryable, private readonly log: Logger) {}

  /** Follows jurisdiction changes, from this node or (through the bus) any other. */
  attach(bus: EventBus): () => void {
    return this.boundaries.attach(bus);
  }

  osm(): Promise<OsmTiles> {
    return osmTilesOf(this.pbf, this.log);
  }

  tiles(): Promise<TileSet> {
    return this.boundaries.get();
  }

  private async build(): Promise<TileSet> {
    const started = performance.now();
    // The extract is read while the database answers; the two queries one after the other (on PGlite the database is one connection).
    const [osm, [boundaries, labels]] = await Promise.all([
      this.osm(),
      boundaryLines(this.db).then(async (lines) => [lines, await jurisdictionLabels(this.db)] as const),
    ]);
    const tiles = new TileSet({ ...osm.indexes, boundaries: layerIndex(boundaries), jurisdiction_labels: layerIndex(labels) });
    this.log.debug({ millis: Math.round(performance.now() - started), boundaries: boundaries.length }, 'base map boundaries indexed');
    return tiles;
  }
}
