import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import type { LayerFeature } from './osm-layers.js';

/**
 * The `boundaries` layer: every jurisdiction's boundary as lines (a map draws borders, not
 * filled areas), with its level, depth (1 = the root), name and path. Styles go by depth: level
 * keys are the organisation's own (FIREBREAK_LEVELS). Every jurisdiction is drawn for every signed-in
 * user: boundaries are public geography, like the roads.
 */
export async function boundaryLines(q: Queryable): Promise<LayerFeature[]> {
  const list = await rows<{ path: string; level: string; name: string; lines: string }>(q, sql`
    select ${jurisdictions.path}::text as path, ${jurisdictions.level} as level, ${jurisdictions.name} as name,
           ST_AsGeoJSON(ST_Boundary(${jurisdictions.boundary}), 6) as lines
    from ${jurisdictions} where ${jurisdictions.boundary} is not null
    order by nlevel(${jurisdictions.path}), ${jurisdictions.path}`);
  return list.map((j) => ({
    type: 'Feature',
    properties: { level: j.level, depth: j.path.split('.').length, name: j.name, path: j.path },
    geometry: JSON.parse(j.lines) as LayerFeature['geometry'],
  }));
}
