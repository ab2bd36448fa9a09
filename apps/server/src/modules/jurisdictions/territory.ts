import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { rows, type Queryable, type Tx } from '../../platform/db/client.js';

/**
 * How far a drawn border may stray, in metres: across its parent's border, or into a neighbour's
 * area. Real municipal boundaries share their border ways exactly (Liechtenstein: 0 m² outside a
 * parent, 0 m² of overlap); 50 m absorbs a border traced by hand on a map. What strays within it
 * is cut off before storing, so a boundary never claims a neighbour's ground, not even a strip.
 */
export const BOUNDARY_TOLERANCE_M = 50;

/**
 * Overlays that only measure (areas, depths, the metric window) run on a fixed precision grid:
 * 1e-9 degree (about 0.1 mm) on lon/lat, 0.1 mm in a metric frame. GEOS's floating-point overlay
 * recovers from a robustness failure (near-coincident edges, e.g. an agency's boundary reprojected
 * beside a stored one) by catching a C++ exception and retrying with snapping; PGlite's
 * WebAssembly PostGIS cannot catch it, and the query then returns no row at all. Snap-rounding on
 * a grid never needs that retry. The stored cut stays exact (a grid would move its vertices off
 * the parent's border) and falls back to the grid only when the exact overlay returned nothing.
 */
const GRID_DEG = sql.raw('1e-9::float8');
const GRID_M = sql.raw('1e-4::float8');

/** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
const M_PER_DEG = 111_320;

/**
 * A local metric frame around a point: an affine map from lon/lat to metres, accurate to well under
 * 1 % across a region (no PROJ needed). Buffers and depths in metres are measured in it.
 */
interface Frame {
  x0: number;
  y0: number;
  kx: number;
}

async function frameAround(q: Queryable, geom: SQL): Promise<Frame> {
  const [c] = await rows<{ x: number; y: number }>(q, sql`select ST_X(p) as x, ST_Y(p) as y from (select ST_Centroid(ST_Envelope(${geom})) as p) s`);
  const y0 = Number(c!.y);
  // Floored so that a frame at a pole stays a frame (metres there are approximate, not zero).
  return { x0: Number(c!.x), y0, kx: M_PER_DEG * Math.max(Math.cos((y0 * Math.PI) / 180), 0.01) };
}

/** `g` (an SQL expression in lon/lat) in the frame's metres. */
function metric(f: Frame, g: SQL): SQL {
  return sql`ST_Affine(${g}, ${f.kx}::float8, 0, 0, ${M_PER_DEG}::float8, ${-f.x0 * f.kx}::float8, ${-f.y0 * M_PER_DEG}::float8)`;
}

/** Is every point of `inner` within `tol` metres of `outer`? Only the part of `outer` near `inner` is buffered. */
function coveredWithin(f: Frame, inner: SQL, outer: SQL, tol: number): SQL {
  const mi = metric(f, inner);
  return sql`ST_CoveredBy(${mi}, ST_Buffer(ST_Intersection(${metric(f, outer)}, ST_Expand(ST_Envelope(${mi}), ${2 * tol}::float8), ${GRID_M}), ${tol}::float8))`;
}

/** Does `a` reach deeper than `tol` metres into `b`? */
function reachesInto(f: Frame, a: SQL, b: SQL, tol: number): SQL {
  const ma = metric(f, a);
  return sql`ST_Intersects(${ma}, ST_Buffer(ST_Intersection(${metric(f, b)}, ST_Expand(ST_Envelope(${ma}), ${2 * tol}::float8), ${GRID_M}), ${-tol}::float8))`;
}

const m2 = (v: number | string): string => `${Math.round(Number(v)).toLocaleString('en')} m²`;
const named = (actor: Actor | null, j: { path: string; name: string }): string =>
  actor === null || can(actor, 'jurisdictions:read', j.path) ? `${j.name} (${j.path})` : 'a jurisdiction outside your scope';

export interface BoundaryCheck {
  /** SQL yielding the proposed boundary: a valid MultiPolygon in EPSG:4326. */
  boundary: SQL;
  /** The path of the jurisdiction that will hold the boundary, or of its parent when it is new. */
  parentPath: string;
  /** The jurisdiction's own path when it exists already (its subtree is not its neighbour). */
  selfPath?: string | undefined;
  /** The request field named in a refusal, e.g. `body.boundary`. */
  field: string;
  /** Whose view the refusal is written for (jurisdictions they may not read are not named). */
  actor: Actor | null;
}

export interface SettledBoundary {
  /** SQL for the boundary to store: the proposal, cut to its parent and off its neighbours. */
  stored: SQL;
  /** Square metres cut off within the tolerance (0 when the proposal fitted). */
  clippedM2: number;
}

/**
 * Fits a proposed boundary into the tree: it must lie within the nearest enclosing boundary (the
 * parent's, or the closest ancestor that has one) and not overlap any other jurisdiction there,
 * each up to BOUNDARY_TOLERANCE_M. Beyond that it is refused naming the jurisdiction it intrudes
 * on; within it, the stray part is cut off. Locks the enclosing jurisdiction, so two neighbours
 * drawn at the same moment are checked one after the other.
 */
export async function settleBoundary(tx: Tx, check: BoundaryCheck): Promise<SettledBoundary> {
  const T = BOUNDARY_TOLERANCE_M;
  const [enclosing] = await rows<{ id: string; path: string; name: string }>(
    tx,
    sql`select id, path::text as path, name from jurisdictions
        where path @> ${check.parentPath}::ltree and boundary is not null
        order by nlevel(path) desc limit 1 for update`,
  );
  const frame = await frameAround(tx, check.boundary);
  const g = sql.raw('c.g');
  let covered = true;
  if (enclosing) {
    const outer = sql.raw('a.boundary');
    const [fit] = await rows<{ covered: boolean; near: boolean; outside: number | string }>(
      tx,
      sql`with c as materialized (select ${check.boundary} as g)
          select ST_CoveredBy(c.g, a.boundary) as covered,
                 case when ST_CoveredBy(c.g, a.boundary) then true else ${coveredWithin(frame, g, outer, T)} end as near,
                 case when ST_CoveredBy(c.g, a.boundary) then 0 else ST_Area(ST_Difference(c.g, a.boundary, ${GRID_DEG})::geography) end as outside
          from c, jurisdictions a where a.id = ${enclosing.id}`,
    );
    if (!fit!.near) {
      const message = `reaches ${m2(fit!.outside)} beyond ${named(check.actor, enclosing)}, more than ${T} m past its border`;
      throw new AppError('JURISDICTION_BOUNDARY_OUTSIDE_PARENT', `${check.field}: ${message}`, { fields: [{ path: check.field, message }] });
    }
    covered = fit!.covered;
  }

  // Everything else with a boundary inside the enclosing one (or in the same tree when there is
  // none), except the ancestors, which contain it by design, and its own subtree.
  const scope = enclosing?.path ?? check.parentPath.split('.')[0]!;
  const notOwnSubtree = check.selfPath ? sql`and not j.path <@ ${check.selfPath}::ltree` : sql``;
  const neighbours = await rows<{ path: string; name: string; overlap: number | string; deep: boolean }>(
    tx,
    sql`with c as materialized (select ${check.boundary} as g)
        select j.path::text as path, j.name, ST_Area(ST_Intersection(c.g, j.boundary, ${GRID_DEG})::geography) as overlap,
               ${reachesInto(frame, g, sql.raw('j.boundary'), T)} as deep
        from jurisdictions j, c
        where j.boundary is not null and j.path <@ ${scope}::ltree and not j.path @> ${check.parentPath}::ltree ${notOwnSubtree}
          and ST_Intersects(c.g, j.boundary) and ST_Relate(c.g, j.boundary, '2********')
        order by nlevel(j.path), 3 desc`,
  );
  const deep = neighbours.filter((n) => n.deep);
  if (deep.length > 0) {
    const message = `overlaps ${deep.slice(0, 3).map((n) => `${named(check.actor, n)} by ${m2(n.overlap)}`).join(', ')}, more than ${T} m inside its border`;
    throw new AppError('JURISDICTION_BOUNDARY_OVERLAPS', `${check.field}: ${message}`, { fields: [{ path: check.field, message }] });
  }
  if (covered && neighbours.length === 0) return { stored: check.boundary, clippedM2: 0 };

  const cutOn = async (grid: SQL) => {
    const within = enclosing ? sql`ST_Intersection(c.g, (select boundary from jurisdictions where id = ${enclosing.id})${grid})` : sql`c.g`;
    const others = neighbours.length === 0
      ? sql`ST_GeomFromText('POLYGON EMPTY', 4326)`
      : sql`(select ST_Union(boundary${grid}) from jurisdictions where path in (${sql.join(neighbours.map((n) => sql`${n.path}::ltree`), sql`, `)}))`;
    const [row] = await rows<{ hex: string; empty: boolean; clipped: number | string }>(
      tx,
      sql`with c as materialized (select ${check.boundary} as g),
               k as (select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Difference(${within}, ${others}${grid})), 3)) as g from c)
          select encode(ST_AsEWKB(k.g), 'hex') as hex, ST_IsEmpty(k.g) as empty,
                 -- k lies within c, so what was cut is the difference of the areas (no second overlay).
                 greatest(ST_Area(c.g::geography) - ST_Area(k.g::geography), 0) as clipped
          from c, k`,
    );
    return row;
  };
  const cut = (await cutOn(sql``)) ?? (await cutOn(sql`, ${GRID_DEG}`));
  if (!cut) throw new AppError('GEOMETRY_INVALID', `${check.field}: PostGIS could not cut it to its parent and neighbours`, { fields: [{ path: check.field, message: 'PostGIS could not cut it to its parent and neighbours' }] });
  if (cut.empty) {
    const message = `nothing of it is left once cut to ${enclosing ? named(check.actor, enclosing) : 'its parent'} and off its neighbours`;
    throw new AppError('JURISDICTION_BOUNDARY_OUTSIDE_PARENT', `${check.field}: ${message}`, { fields: [{ path: check.field, message }] });
  }
  return { stored: sql`ST_GeomFromEWKB(decode(${cut.hex}, 'hex'))`, clippedM2: Number(cut.clipped) };
}

export interface ClippedChild {
  id: string;
  path: string;
  clippedM2: number;
}

/**
 * After a jurisdiction's boundary changed: every boundary under it must still lie within it, up
 * to the tolerance (else the change is refused naming the first one left outside); what strays
 * within the tolerance is cut off, so no descendant keeps ground its ancestor gave up.
 */
export async function fitDescendants(tx: Tx, selfPath: string, field: string, actor: Actor | null): Promise<ClippedChild[]> {
  const T = BOUNDARY_TOLERANCE_M;
  const self = sql`(select boundary from jurisdictions where path = ${selfPath}::ltree)`;
  const frame = await frameAround(tx, self);
  const strays = await rows<{ id: string; path: string; name: string; near: boolean; outside: number | string }>(
    tx,
    sql`with c as materialized (select ${self} as g)
        select d.id, d.path::text as path, d.name,
               ${coveredWithin(frame, sql.raw('d.boundary'), sql.raw('c.g'), T)} as near,
               ST_Area(ST_Difference(d.boundary, c.g, ${GRID_DEG})::geography) as outside
        from jurisdictions d, c
        where d.path <@ ${selfPath}::ltree and d.path <> ${selfPath}::ltree and d.boundary is not null
          and not ST_CoveredBy(d.boundary, c.g)
        order by nlevel(d.path), d.path`,
  );
  const cut = strays.find((d) => !d.near);
  if (cut) {
    const message = `would leave ${m2(cut.outside)} of ${named(actor, cut)} outside, more than ${T} m past the new border`;
    throw new AppError('JURISDICTION_BOUNDARY_CUTS_CHILD', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
  for (const d of strays) {
    await tx.execute(sql`update jurisdictions set boundary = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(boundary, ${self})), 3)), updated_at = now()
      where id = ${d.id}`);
  }
  return strays.map((d) => ({ id: d.id, path: d.path, clippedM2: Number(d.outside) }));
}

export interface Reach {
  /** The nearest jurisdiction at or above the given one that has a boundary. */
  area: { path: string; name: string };
  /** Inside or touching it, or within the tolerance of its border. */
  fits: boolean;
  /** How far the farthest outside vertex lies from its border, in metres (0 when inside). */
  metres: number;
}

/**
 * Where a geometry lies against a jurisdiction's area: the nearest boundary at or above it, with
 * the same tolerance as boundaries. Null when no boundary encloses the jurisdiction at all.
 */
export async function reachOf(q: Queryable, geom: SQL, jurisdictionPath: string): Promise<Reach | null> {
  const [area] = await rows<{ id: string; path: string; name: string; covered: boolean }>(
    q,
    sql`select id, path::text as path, name, ST_CoveredBy(${geom}, boundary) as covered from jurisdictions
        where path @> ${jurisdictionPath}::ltree and boundary is not null
        order by nlevel(path) desc limit 1`,
  );
  if (!area) return null;
  if (area.covered) return { area, fits: true, metres: 0 };
  const frame = await frameAround(q, geom);
  const [far] = await rows<{ fits: boolean; metres: number | string }>(
    q,
    sql`with c as materialized (select ${geom} as g)
        select ${coveredWithin(frame, sql.raw('c.g'), sql.raw('j.boundary'), BOUNDARY_TOLERANCE_M)} as fits,
               (select coalesce(max(ST_Distance(d.geom::geography, j.boundary::geography)), 0)
                  from ST_DumpPoints(ST_Difference(c.g, j.boundary, ${GRID_DEG})) d) as metres
        from c, jurisdictions j where j.id = ${area.id}`,
  );
  return { area: { path: area.path, name: area.name }, fits: far!.fits, metres: Number(far!.metres) };
}
