import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Queryable } from '../../platform/db/client.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import type { EventBus } from '../../platform/events/bus.js';
import { EventDroppedCache } from '../../platform/events/derived-cache.js';
import { buildGazetteer, type JurisdictionArea } from './gazetteer.js';
import type { LonLat } from './geo.js';
import { readOsmGazetteer, type OsmGazetteer } from './osm-gazetteer.js';
import { Geocoder } from './search.js';

const osmGazetteers = new Map<string, Promise<OsmGazetteer>>();

/** The gazetteer of an extract, read once per process (about a second for Liechtenstein). */
export function osmGazetteerOf(pbf: string, log?: Logger): Promise<OsmGazetteer> {
  let g = osmGazetteers.get(pbf);
  if (!g) {
    const started = performance.now();
    g = readOsmGazetteer(pbf).then((osm) => {
      log?.info({ extract: pbf, millis: Math.round(performance.now() - started), addresses: osm.addresses.length, streets: osm.streets.length, named: osm.named.length }, 'geocoder gazetteer read from the OSM extract');
      return osm;
    });
    osmGazetteers.set(pbf, g);
    g.catch(() => osmGazetteers.delete(pbf)); // a failed read is tried again on the next request
  }
  return g;
}

/** Every jurisdiction with its boundary and a point inside it (the owners of what the geocoder finds). */
export async function jurisdictionAreas(q: Queryable): Promise<JurisdictionArea[]> {
  const list = await rows<{ id: string; path: string; name: string; names: Record<string, string>; level: string; adminLevel: number | null; boundary: string | null; point: string | null }>(q, sql`
    select ${jurisdictions.id} as id, ${jurisdictions.path}::text as path, ${jurisdictions.name} as name, ${jurisdictions.names} as names,
           ${jurisdictions.level} as level, ${jurisdictions.adminLevel} as "adminLevel", ST_AsGeoJSON(${jurisdictions.boundary}, 6) as boundary,
           ST_AsGeoJSON(ST_PointOnSurface(${jurisdictions.boundary}), 6) as point
    from ${jurisdictions}`);
  return list.map((j) => ({
    id: j.id, path: j.path, name: j.name, level: j.level, adminLevel: j.adminLevel,
    altNames: Object.values(j.names ?? {}).filter((n) => n !== j.name),
    boundary: j.boundary ? (JSON.parse(j.boundary) as { coordinates: LonLat[][][] }).coordinates : [],
    point: j.point ? (JSON.parse(j.point) as { coordinates: LonLat }).coordinates : null,
  }));
}

/**
 * The geocoder of one app: the process's OSM gazetteer laid over this database's jurisdictions,
 * built on first use; a `jurisdictions.*` event (a boundary redrawn, a station added) drops it,
 * and the next search builds it again.
 */
export class GeocodeService {
  private readonly index = new EventDroppedCache(() => this.build(), ['jurisdictions.']);

  constructor(private readonly pbf: string, private readonly db: Queryable, private readonly log: Logger) {}

  attach(bus: EventBus): () => void {
    return this.index.attach(bus);
  }

  geocoder(): Promise<Geocoder> {
    return this.index.get();
  }

  private async build(): Promise<Geocoder> {
    const [osm, areas] = await Promise.all([osmGazetteerOf(this.pbf, this.log), jurisdictionAreas(this.db)]);
    const started = performance.now();
    const geocoder = new Geocoder(buildGazetteer(osm, areas));
    this.log.info({ millis: Math.round(performance.now() - started), entries: geocoder.size, jurisdictions: areas.length }, 'geocoder index built');
    return geocoder;
  }
}
