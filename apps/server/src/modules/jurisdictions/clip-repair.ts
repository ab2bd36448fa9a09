import type { GeoJsonArea } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Tx } from '../../platform/db/client.js';
import type { AdminBoundary } from './osm-boundaries.js';
import { colourFaces, insideColour, largerSide, memberRing, type Face } from './clip-sides.js';

/** A boundary cut by the edge of the extract, closed along the extract's bounds. */
export interface Repaired {
  osmId: number;
  name: string;
  missingWays: number;
  /** Metres of the stored boundary that run along the extract's bounds instead of OSM ways. */
  replacedM: number;
  /** How the inside was told from the outside (clip-sides.ts). */
  decidedBy: 'closure' | 'member ring' | 'neighbours' | 'larger side';
}

/** Not repaired: nothing of it lies in the area (`outside`), or its ways do not form a boundary there. */
export type RepairOutcome = { ok: true; repaired: Repaired } | { ok: false; osmId: number; name: string; outside: boolean; reason: string };

/**
 * Repairs the boundaries an extract cut. Inside the extract's area (the bounds, or the --within
 * polygon there) the member ways that are present are the whole of the boundary's line there: an
 * extract keeps every way that crosses it and drops only ways lying wholly outside. So the present
 * ways noded with the area's ring split the area into faces, each wholly in or wholly out, with
 * in and out alternating across every way — two colourings, one of which is right
 * (`insideColour` picks it). Stages the result in `osm_boundary`, like a complete boundary.
 *
 * What tells the inside, strongest first: the boundaries of the same level already staged (a
 * boundary is off its neighbours: a county that rings a city is the other side of the city's
 * line), then the present ways' own closures (`insideColour`), then the larger side (an extract
 * is cut around the place it is for). Fewest missing ways first: the best-known go first and
 * become the neighbours of the rest.
 */
export async function repairClipped(tx: Tx, clipped: AdminBoundary[], area: GeoJsonArea): Promise<RepairOutcome[]> {
  await tx.execute(sql`create temp table if not exists clip_face (osm_id bigint, i int, geom geometry, primary key (osm_id, i)) on commit drop`);
  await tx.execute(sql`truncate clip_face`);
  const areaSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326)`;
  const outcomes: RepairOutcome[] = [];
  const ordered = [...clipped].sort((x, y) => x.missingWays - y.missingWays || x.osmId - y.osmId);
  for (const b of ordered) {
    let faces: Face[];
    let side: Awaited<ReturnType<typeof sideOf>>;
    try {
      // In a savepoint: on PostgreSQL a failed statement would abort the whole import's transaction.
      ({ faces, side } = await tx.transaction(async (sp) => {
        const split = await splitArea(sp, b, areaSql);
        colourFaces(split);
        return { faces: split, side: await sideOf(sp, b, split) };
      }));
    } catch (err) {
      outcomes.push({ ok: false, osmId: b.osmId, name: b.name, outside: false, reason: `clipped by the extract, and cannot be closed along its bounds: ${(err as Error).message}` });
      continue;
    }
    const { colour, decidedBy } = side;
    const inside = faces.filter((f) => f.colour === colour).map((f) => f.i);
    if (inside.length === 0) {
      outcomes.push({ ok: false, osmId: b.osmId, name: b.name, outside: true, reason: 'nothing of it lies within the area' });
      continue;
    }
    const stored = await stageRegion(tx, b, inside, areaSql);
    if (stored === undefined) {
      outcomes.push({ ok: false, osmId: b.osmId, name: b.name, outside: false, reason: 'clipped by the extract, and PostGIS could not join its faces into a polygon' });
      continue;
    }
    outcomes.push({ ok: true, repaired: { osmId: b.osmId, name: b.name, missingWays: b.missingWays, replacedM: Math.round(stored), decidedBy } });
  }
  return outcomes;
}

function linesOf(b: AdminBoundary): string {
  const coordinates = [...b.outer, ...b.inner].filter((l) => l.length >= 2);
  return JSON.stringify({ type: 'MultiLineString', coordinates });
}

/**
 * The faces the present ways cut the area into, with their neighbours across a way, and how much
 * of each lies inside two closures of the present ways (whole, also beyond the area): each chain
 * of ways closed onto itself by a straight line (`closed`), and the ring of all of them joined in
 * member order (`ringed`, `memberRing`).
 */
async function splitArea(tx: Tx, b: AdminBoundary, areaSql: SQL): Promise<Face[]> {
  const osmId = b.osmId;
  const lines = linesOf(b);
  const lineSql = sql`ST_SetSRID(ST_GeomFromGeoJSON(${lines}), 4326)`;
  // The ways whole, noded with the area's ring: no cutting them to the area first (a cut end that
  // misses the ring by a rounding leaves a dangle, and the face it should split stays whole); the
  // faces outside the area are dropped after.
  await tx.execute(sql`insert into clip_face (osm_id, i, geom)
    select ${osmId}, (row_number() over ())::int - 1, d.geom
    from (select ST_Polygonize(ST_UnaryUnion(ST_Collect(${lineSql}, ST_Boundary(${areaSql})))) as g) p
    cross join lateral ST_Dump(p.g) d
    where ST_Area(d.geom) > 0 and ST_Intersects(ST_PointOnSurface(d.geom), ${areaSql})`);
  const ring = memberRing(b.outer);
  const ringArea = ring.length >= 4
    ? sql`ST_MakeValid(ST_MakePolygon(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: ring })}), 4326)))`
    : sql`null::geometry`;
  const faces = await rows<{ i: number; area: number; closed: number | null; ringed: number | null }>(tx, sql`with chains as (
      select (ST_Dump(ST_LineMerge(${lineSql}))).geom as g
    ), closure as (
      select ST_MakeValid(ST_BuildArea(ST_Collect(case when ST_IsClosed(g) then g else ST_AddPoint(g, ST_StartPoint(g)) end))) as g from chains
    )
    select f.i, ST_Area(f.geom) as area, ST_Area(f.geom) * ${shareIn(sql`f.geom`, sql`closure.g`)} as closed, ST_Area(f.geom) * ${shareIn(sql`f.geom`, ringArea)} as ringed
    from clip_face f cross join closure where f.osm_id = ${osmId} order by f.i`);
  // The area's own ring always makes a face: none means PostGIS failed.
  if (faces.length === 0) throw new Error('PostGIS could not cut the area along its ways');
  await assertAnswered(tx, osmId, faces.length);
  const touching = await rows<{ a: number; b: number }>(tx, sql`select f.i as a, g.i as b from clip_face f join clip_face g
    on g.osm_id = f.osm_id and f.i < g.i and ST_Relate(f.geom, g.geom, '****1****')
    where f.osm_id = ${osmId}`);
  const byIndex = new Map(faces.map((f) => [Number(f.i), { i: Number(f.i), area: Number(f.area), closed: Number(f.closed ?? 0), ringed: Number(f.ringed ?? 0), neighbours: [] as number[], colour: 0 }]));
  for (const t of touching) {
    byIndex.get(Number(t.a))?.neighbours.push(Number(t.b));
    byIndex.get(Number(t.b))?.neighbours.push(Number(t.a));
  }
  return [...byIndex.values()];
}

async function sideOf(tx: Tx, b: AdminBoundary, faces: Face[]): Promise<{ colour: number; decidedBy: Repaired['decidedBy'] }> {
  const byNeighbours = await neighbourSide(tx, b, faces);
  if (byNeighbours !== undefined) return { colour: byNeighbours, decidedBy: 'neighbours' };
  const own = insideColour(faces);
  if (own.decided !== undefined) return { colour: own.decided, decidedBy: own.by ?? 'closure' };
  return { colour: largerSide(faces), decidedBy: 'larger side' };
}

/**
 * The side that overlaps the boundaries of the same level already staged the least, when the two
 * differ clearly. Not when no way crosses the area: the one side is then the whole area.
 */
async function neighbourSide(tx: Tx, b: AdminBoundary, faces: Face[]): Promise<number | undefined> {
  if ([0, 1].some((colour) => !faces.some((f) => f.colour === colour))) return undefined;
  // Point by point against each neighbour: their collection is no valid geometry (shared edges).
  const taken = sql`exists (select 1 from osm_boundary o where o.admin_level = ${b.adminLevel} and o.osm_id <> ${b.osmId}
    and o.geom is not null and ST_Intersects(p.geom, o.geom))`;
  const shares = await rows<{ i: number; share: number | null }>(tx, sql`select f.i,
      (select avg(case when ${taken} then 1.0 else 0.0 end) from ST_Dump(ST_GeneratePoints(f.geom, ${SAMPLES}, 1)) p) as share
    from clip_face f where f.osm_id = ${b.osmId}`);
  if (shares.length !== faces.length) throw new Error(`PostGIS gave no answer for the neighbours of relation ${b.osmId}`);
  const shareOf = new Map(shares.map((r) => [Number(r.i), Number(r.share ?? 0)]));
  const [o0, o1] = [0, 1].map((colour) => {
    const side = faces.filter((f) => f.colour === colour);
    const area = side.reduce((sum, f) => sum + f.area, 0);
    return side.reduce((sum, f) => sum + f.area * (shareOf.get(f.i) ?? 0), 0) / area;
  }) as [number, number];
  return Math.abs(o0 - o1) > NEIGHBOUR_MARGIN ? (o0 < o1 ? 0 : 1) : undefined;
}

/** How much more of one side than of the other must be a neighbour's for the neighbours to decide. */
const NEIGHBOUR_MARGIN = 0.1;

/**
 * Stages the union of the inside faces and returns the metres of its border that run along the
 * area's edge (segments whose middle lies on it: no overlay needed). Faces share their edges
 * exactly, so the union is exact; snap-rounded if GEOS fails at it. Undefined if both fail.
 */
async function stageRegion(tx: Tx, b: AdminBoundary, inside: number[], areaSql: SQL): Promise<number | undefined> {
  for (const grid of [null, GRID]) {
    const union = grid === null ? sql`ST_Union(geom)` : sql`ST_Union(geom, ${grid}::float8)`;
    const r = await tx.transaction(async (sp) => {
      await sp.execute(sql`insert into osm_boundary (osm_id, name, names, admin_level, geom)
        select ${b.osmId}, ${b.name}, ${JSON.stringify(b.names)}::jsonb, ${b.adminLevel}, ST_Multi(ST_CollectionExtract(ST_MakeValid(${union}), 3))
        from clip_face where osm_id = ${b.osmId} and i = any(${sqlInts(inside)})
        on conflict (osm_id) do nothing`);
      const [answer] = await rows<{ replaced_m: number | null }>(sp, sql`select (select sum(ST_Length(s.geom::geography)) from ST_DumpSegments(ST_Boundary(o.geom)) s
        where ST_DWithin(ST_LineInterpolatePoint(s.geom, 0.5), ST_Boundary(${areaSql}), ${GRID}::float8)) as replaced_m
        from osm_boundary o where o.osm_id = ${b.osmId} and o.geom is not null and not ST_IsEmpty(o.geom)`);
      // No answer: roll the savepoint back, so the other attempt starts clean.
      if (!answer) throw new Error('no answer');
      return answer;
    }).catch(() => undefined);
    if (r) return Number(r.replaced_m ?? 0);
  }
  return undefined;
}

/**
 * The share of `g` lying inside `other`, from a fixed sample of points (seeded: the same answer
 * every time): point-in-polygon never fails, where an overlay of near-collinear edges can.
 */
function shareIn(g: SQL, other: SQL): SQL {
  return sql`(select avg(case when ST_Intersects(p.geom, ${other}) then 1.0 else 0.0 end)
    from ST_Dump(ST_GeneratePoints(${g}, ${SAMPLES}, 1)) p)`;
}

const SAMPLES = 200;

/** PGlite answers a statement that failed inside GEOS with no rows: a missing answer is an error here. */
async function assertAnswered(tx: Tx, osmId: number, answered: number): Promise<void> {
  const [c] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from clip_face where osm_id = ${osmId}`);
  if (Number(c?.n ?? 0) !== answered) throw new Error(`PostGIS gave no answer for the faces of relation ${osmId}`);
}

/**
 * The grid (degrees, ~0.1 mm) of the snap-rounded overlays here and a distance of "on the line".
 * Exact overlays of near-collinear edges (faces share them with the ways) can fail in GEOS, and
 * PGlite's build then answers with no rows at all instead of an error; snap-rounding fails on
 * other inputs. So the shares are sampled (`shareIn`), the union tries both, and every answer
 * is checked for being there.
 */
export const GRID = 1e-9;

function sqlInts(values: number[]): SQL {
  return sql`${`{${values.join(',')}}`}::int[]`;
}
