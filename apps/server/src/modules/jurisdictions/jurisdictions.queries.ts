import type { Jurisdiction, JurisdictionName, StoredGeoJsonArea } from '@firebreak/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { hotRows, hotStatement, rows, type Queryable } from '../../platform/db/client.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';

const summaryColumns = {
  id: jurisdictions.id,
  parentId: jurisdictions.parentId,
  path: jurisdictions.path,
  name: jurisdictions.name,
  names: jurisdictions.names,
  level: jurisdictions.level,
  osmId: jurisdictions.osmId,
  code: jurisdictions.code,
};

/** Every jurisdiction inside the given subtrees, parents before children. */
export async function listWithin(q: Queryable, roots: string[]): Promise<Jurisdiction[]> {
  return q
    .select(summaryColumns)
    .from(jurisdictions)
    .where(withinRoots(jurisdictions.path, roots))
    .orderBy(sql`nlevel(${jurisdictions.path})`, asc(jurisdictions.name));
}

/** Names of the given paths (unknown paths are left out), each with its parent's and whether another jurisdiction shares it. */
export async function namesOf(q: Queryable, paths: readonly string[]): Promise<JurisdictionName[]> {
  if (paths.length === 0) return [];
  const found = await rows<{ path: string; name: string; names: Record<string, string>; parent_name: string | null; parent_names: Record<string, string> | null; ambiguous: boolean }>(q, sql`
    select j.path::text as path, j.name, j.names, p.name as parent_name, p.names as parent_names,
      exists (select 1 from jurisdictions o where o.name = j.name and o.id <> j.id) as ambiguous
    from jurisdictions j left join jurisdictions p on p.id = j.parent_id
    where j.path::text in (${sql.join(paths.map((p) => sql`${p}`), sql`, `)})
    order by nlevel(j.path), j.path`);
  return found.map((r) => ({
    path: r.path,
    name: r.name,
    names: r.names ?? {},
    parent: r.parent_name === null ? null : { name: r.parent_name, names: r.parent_names ?? {} },
    ambiguous: Boolean(r.ambiguous),
  }));
}

/** A jurisdiction's summary row as the statements below return it (bigint as text). */
export type JurisdictionRow = Omit<Jurisdiction, 'osmId'> & { osmId: string | number | null };

export const jurisdictionFromRow = (row: JurisdictionRow): Jurisdiction => ({ ...row, osmId: row.osmId === null ? null : Number(row.osmId) });

// Every command under a jurisdiction reads it first (the parent of a new station, the target of a change).
const FIND_BY_ID = hotStatement('firebreak_jurisdiction_by_id', `select id, parent_id as "parentId", path::text as path, name, names, level, osm_id as "osmId", code
  from jurisdictions where id = $1`);

export async function findById(q: Queryable, id: string): Promise<Jurisdiction | undefined> {
  const [row] = await hotRows<JurisdictionRow>(q, FIND_BY_ID, [id]);
  return row && jurisdictionFromRow(row);
}

export interface JurisdictionDetailRow extends Jurisdiction {
  boundary: StoredGeoJsonArea | null;
  areaKm2: number | null;
}

export async function findDetail(q: Queryable, id: string): Promise<JurisdictionDetailRow | undefined> {
  const [row] = await q
    .select({
      ...summaryColumns,
      boundary: sql<string | null>`ST_AsGeoJSON(${jurisdictions.boundary}, 6)`,
      // Edges cut to at most 1 degree first: no change for real boundaries, and a boundary stored
      // before edges of 180 degrees were refused (a "world" polygon) still reads instead of failing.
      areaKm2: sql<number | null>`round((ST_Area(ST_Segmentize(${jurisdictions.boundary}, 1)::geography) / 1e6)::numeric, 3)::float8`,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, id));
  if (!row) return undefined;
  return {
    ...row,
    boundary: row.boundary ? (JSON.parse(row.boundary) as StoredGeoJsonArea) : null,
    areaKm2: row.areaKm2 === null ? null : Number(row.areaKm2),
  };
}

/** The deepest jurisdictions whose boundary contains the point, deepest first. */
export async function containing(q: Queryable, lon: number, lat: number): Promise<Jurisdiction[]> {
  return rows<Jurisdiction>(
    q,
    sql`select id, parent_id as "parentId", path::text as path, name, names, level, osm_id as "osmId", code
        from jurisdictions
        where boundary is not null
          and ST_Intersects(boundary, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
        order by nlevel(path) desc, ST_Area(boundary) asc`,
  ).then((list) => list.map((j) => ({ ...j, osmId: j.osmId === null ? null : Number(j.osmId) })));
}

export async function countAll(q: Queryable): Promise<number> {
  const [row] = await rows<{ n: number | string }>(q, sql`select count(*) as n from jurisdictions`);
  return Number(row?.n ?? 0);
}

/** Builds the nested tree from a parent-first list; nodes whose parent is absent become roots. */
export function nest<T extends { id: string; parentId: string | null }>(list: T[]): (T & { children: unknown[] })[] {
  const byId = new Map(list.map((j) => [j.id, { ...j, children: [] as unknown[] }]));
  const roots: (T & { children: unknown[] })[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
