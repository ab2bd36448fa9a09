import type { SetupStatus } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { rows, type Db } from '../../platform/db/client.js';

/**
 * A deployment is still to be set up while its tree is only the bare root a first start without
 * the demo makes (no boundary, no OSM id, no children) and it has no units: nothing to dispatch.
 */
export async function setupStatus(db: Db, config: Config): Promise<SetupStatus> {
  const roots = await rows<{ path: string; name: string; has_boundary: boolean; osm_id: string | null }>(db,
    sql`select path::text as path, name, boundary is not null as has_boundary, osm_id from jurisdictions where parent_id is null order by path`);
  const [counts] = await rows<{ jurisdictions: number; units: number }>(db,
    sql`select (select count(*)::int from jurisdictions) as jurisdictions, (select count(*)::int from units) as units`);
  const jurisdictions = Number(counts?.jurisdictions ?? 0);
  const units = Number(counts?.units ?? 0);
  const bare = roots.length === 1 && !roots[0]!.has_boundary && roots[0]!.osm_id === null;
  return {
    empty: (jurisdictions === 0 || (bare && jurisdictions === 1)) && units === 0,
    demo: config.demo,
    levels: config.levels.info,
    roots: roots.map((r) => ({ path: r.path, name: r.name, hasBoundary: r.has_boundary })),
    units,
    jurisdictions,
  };
}

/** The root paths: setting up the region is for an administrator of all of them. */
export async function rootPaths(db: Db): Promise<string[]> {
  return (await rows<{ path: string }>(db, sql`select path::text as path from jurisdictions where parent_id is null`)).map((r) => r.path);
}
