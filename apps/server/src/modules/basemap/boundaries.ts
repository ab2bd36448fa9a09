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

/**
 * The `jurisdiction_labels` layer: one point per jurisdiction to print its name on (a point on
 * its surface, so a concave municipality is still labelled inside itself), with `name:zh` where
 * the import kept one (OSM's `name:zh-CN` or `name:zh-Hans` first, as the web's `localName` reads them).
 */
export async function jurisdictionLabels(q: Queryable): Promise<LayerFeature[]> {
  const list = await rows<{ path: string; level: string; name: string; zh: string | null; point: string }>(q, sql`
    select ${jurisdictions.path}::text as path, ${jurisdictions.level} as level, ${jurisdictions.name} as name,
           coalesce(${jurisdictions.names}->>'zh-CN', ${jurisdictions.names}->>'zh-Hans', ${jurisdictions.names}->>'zh') as zh, ST_AsGeoJSON(ST_PointOnSurface(${jurisdictions.boundary}), 6) as point
    from ${jurisdictions} where ${jurisdictions.boundary} is not null
    order by nlevel(${jurisdictions.path}), ${jurisdictions.path}`);
  return list.map((j) => ({
    type: 'Feature',
    properties: { level: j.level, depth: j.path.split('.').length, name: j.name, path: j.path, ...(j.zh ? { 'name:zh': j.zh } : {}) },
    geometry: JSON.parse(j.point) as LayerFeature['geometry'],
  }));
}
