import type { Place, PlaceListQuery, StoredPlaceGeometry } from '@firebreak/contracts';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../platform/db/platform.tables.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { places } from './places.tables.js';

const columns = {
  id: places.id,
  name: places.name,
  category: places.category,
  jurisdictionId: places.jurisdictionId,
  jurisdictionPath: sql<string>`${places.jurisdictionPath}::text`,
  geometry: sql<string>`ST_AsGeoJSON(${places.geom}, 7)`,
  lon: sql<number>`ST_X(${places.location})`,
  lat: sql<number>`ST_Y(${places.location})`,
  operator: places.operator,
  contact: places.contact,
  responsiblePost: places.responsiblePost,
  osmType: places.osmType,
  osmId: places.osmId,
  version: places.version,
  createdAt: places.createdAt,
  updatedAt: places.updatedAt,
};

type Row = {
  id: string; name: string; category: string; jurisdictionId: string; jurisdictionPath: string; geometry: string;
  lon: number; lat: number; operator: string | null; contact: string | null; responsiblePost: string | null;
  osmType: 'node' | 'way' | null; osmId: number | null; version: number; createdAt: Date; updatedAt: Date;
};

function present(r: Row): Place {
  return {
    id: r.id,
    name: r.name,
    category: r.category as Place['category'],
    jurisdictionId: r.jurisdictionId,
    jurisdictionPath: r.jurisdictionPath,
    geometry: JSON.parse(r.geometry) as StoredPlaceGeometry,
    location: [Number(r.lon), Number(r.lat)],
    operator: r.operator,
    contact: r.contact,
    responsiblePost: r.responsiblePost,
    osm: r.osmType && r.osmId !== null ? { type: r.osmType, id: Number(r.osmId) } : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findPlace(q: Queryable, id: string): Promise<Place | undefined> {
  const [row] = await q.select(columns).from(places).where(eq(places.id, id));
  return row ? present(row as Row) : undefined;
}

export interface PlaceFilter extends Omit<PlaceListQuery, 'jurisdictionId'> {
  /** Scope roots of the caller, and optionally a narrower subtree asked for. */
  roots: string[];
  underPath?: string | undefined;
}

function conditionsOf(f: PlaceFilter): (SQL | undefined)[] {
  const [w, s, e, n] = f.bbox ?? [];
  return [
    withinRoots(places.jurisdictionPath, f.roots),
    f.underPath ? withinRoots(places.jurisdictionPath, [f.underPath]) : undefined,
    f.category ? inArray(places.category, f.category) : undefined,
    f.bbox ? sql`${places.location} && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)` : undefined,
    f.q ? sql`${places.name} ilike ${`%${f.q.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  ];
}

/** One page of places in id order; `total` counts every place matching the filter. */
export async function listPlaces(q: Queryable, f: PlaceFilter): Promise<{ items: Place[]; nextCursor: string | null; total: number }> {
  const where = conditionsOf(f);
  const list = await q
    .select(columns)
    .from(places)
    .where(and(...where, f.cursor ? gt(places.id, f.cursor) : undefined))
    .orderBy(asc(places.id))
    .limit(f.limit + 1);
  const [count] = await q.select({ n: sql<number>`count(*)::int` }).from(places).where(and(...where));
  const page = list.slice(0, f.limit).map((r) => present(r as Row));
  return { items: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null, total: Number(count?.n ?? 0) };
}

/** The deepest jurisdiction whose boundary contains the point. */
export async function deepestContaining(q: Queryable, pointSql: SQL): Promise<{ id: string; path: string } | undefined> {
  const [row] = await rows<{ id: string; path: string }>(q, sql`select id, path::text as path from jurisdictions
    where boundary is not null and ST_Intersects(boundary, ${pointSql})
    order by nlevel(path) desc, ST_Area(boundary) asc limit 1`);
  return row;
}

/** The changes of one record, oldest first, from the audit trail. */
export async function historyOf(q: Queryable, entityType: string, id: string) {
  const list = await q
    .select({ at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, id)))
    // Rows are linked into the hash chain (seq) shortly after commit; until then, time orders them.
    .orderBy(sql`${auditLog.seq} asc nulls last`, asc(auditLog.at), asc(auditLog.id));
  return list.map((e) => ({ ...e, at: e.at.toISOString() }));
}

/** A key place as a point; `version` (the row's) orders the changes a kept list applies (`KeyPlaceList`). */
export interface KeyPlacePoint { id: string; name: string; category: string; jurisdictionPath: string; lon: number; lat: number; openingHours?: string | null; version?: number }

/** Every key place of a scope as a point (its map pin), for analyses over all of them at once (coverage). */
export async function keyPlacePoints(q: Queryable, f: { roots: string[]; underPath?: string | undefined; category?: string[] | undefined }): Promise<KeyPlacePoint[]> {
  const list = await q
    .select({ id: places.id, name: places.name, category: places.category, jurisdictionPath: columns.jurisdictionPath, lon: columns.lon, lat: columns.lat, openingHours: places.openingHours, version: places.version })
    .from(places)
    .where(and(
      withinRoots(places.jurisdictionPath, f.roots),
      f.underPath ? withinRoots(places.jurisdictionPath, [f.underPath]) : undefined,
      f.category ? inArray(places.category, f.category) : undefined,
    ))
    .orderBy(asc(places.id));
  // The rows converted in place, not copied: a national coverage question reads 200,000 (issue 16).
  for (const r of list) { r.lon = Number(r.lon); r.lat = Number(r.lat); }
  return list;
}
