import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Tx } from '../../platform/db/client.js';
import { rows } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { AdminBoundary } from './osm-boundaries.js';
import { slugLabel } from './slug.js';
import { fitDescendants, settleBoundary, type ClippedChild } from './territory.js';
import type { Repaired } from './clip-repair.js';
import { ensureExtractRoot } from './extract-root.js';
import { stageClipped, intersect, type ExtractArea } from './stage-extract.js';
import { previewTree, type PreviewJurisdiction } from './import-preview.js';

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: { osmId: number; name: string; reason: string }[];
  roots: string[];
  /** Boundaries the extract cut, closed along its bounds (stage-extract.ts). */
  clipped: Repaired[];
  /** Left out by --within. */
  excluded: { osmId: number; name: string; reason: string }[];
  /** The root made from the extract's area when the file has no national boundary. */
  extractRoot: { path: string; name: string; created: boolean } | null;
  /** A dry run only: the tree as the import would leave it, boundaries simplified for a map. */
  preview?: PreviewJurisdiction[];
}

export interface ImportOptions extends ExtractArea {
  countryCode?: string | undefined;
  /** The configured level of a boundary at this OSM admin_level (admin-levels.ts). */
  levelOf: (adminLevel: number) => string;
  /** The configured level of a root made from the extract's area: the first (FIREBREAK_LEVELS). */
  rootLevel: string;
  /** Name of the root made from the extract's area (default: the country code in capitals). */
  rootName?: string | undefined;
  /** Do it all in the transaction, then roll it back: the summary says what would happen. */
  dryRun?: boolean | undefined;
}

/** Thrown out of the transaction of a dry run so that it rolls back, carrying the answer. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

interface BuiltBoundary {
  osm_id: string | number;
  name: string;
  names: Record<string, string>;
  admin_level: number;
  parent_osm_id: string | number | null;
  valid: boolean;
  existing_id: string | null;
  existing_path: string | null;
}

/**
 * Builds or refreshes the jurisdiction tree from OSM administrative boundaries. PostGIS
 * assembles the polygons from the member ways (ST_BuildArea) and decides each boundary's parent:
 * the lower-numbered admin_level boundary that contains a point of it, the smallest if several.
 */
export async function importAdminBoundaries(
  deps: CommandDeps,
  ctx: CommandContext,
  boundaries: AdminBoundary[],
  opts: ImportOptions,
): Promise<ImportSummary> {
  const run = runCommand(deps, ctx, async (tx, record) => {
    await stageBoundaries(tx, boundaries);
    const staged = await stageClipped(tx, boundaries, opts);
    const built = await resolveParents(tx);
    const root = await extractRootIfNone(tx, built, opts);
    const summary = await upsertTree(tx, built, opts.countryCode, opts.levelOf, root);
    summary.skipped.push(...staged.skipped);
    if (root) {
      summary.roots.unshift(root.path);
      record.audit({ action: root.created ? 'jurisdictions.created' : 'jurisdictions.updated', entityType: 'jurisdiction', entityId: root.id, jurisdictionPath: root.path, after: { name: root.name, path: root.path, source: 'extract bounds' } });
    }
    const clippedById = new Map(staged.clipped.map((c) => [c.osmId, c]));
    for (const change of summary.changes) {
      record.audit({
        action: change.created ? 'jurisdictions.created' : 'jurisdictions.updated',
        entityType: 'jurisdiction',
        entityId: change.id,
        jurisdictionPath: change.path,
        after: { name: change.name, path: change.path, osmId: change.osmId, source: 'osm', boundaryClippedM2: change.clippedM2, ...clippedAudit(clippedById.get(change.osmId)) },
      });
    }
    for (const child of summary.clippedChildren) {
      record.audit({ action: 'jurisdictions.updated', entityType: 'jurisdiction', entityId: child.id, jurisdictionPath: child.path, after: { boundaryClippedM2: child.clippedM2, source: 'osm' } });
    }
    const placedIds = new Set(summary.changes.map((c) => c.osmId));
    const publicSummary: ImportSummary = {
      created: summary.created + (root?.created ? 1 : 0),
      updated: summary.updated + (root && !root.created ? 1 : 0),
      skipped: summary.skipped,
      roots: summary.roots,
      clipped: staged.clipped.filter((c) => placedIds.has(c.osmId)),
      excluded: staged.excluded,
      extractRoot: root ? { path: root.path, name: root.name, created: root.created } : null,
    };
    if (opts.dryRun) throw new DryRun({ ...publicSummary, preview: await previewTree(tx, summary.roots, new Set(publicSummary.clipped.map((c) => c.osmId))) });
    record.audit({ action: 'jurisdictions.imported', entityType: 'jurisdiction', entityId: null, jurisdictionPath: summary.roots[0] ?? null, after: publicSummary });
    record.emit({ type: 'jurisdictions.imported', jurisdictionPath: summary.roots[0] ?? null, data: publicSummary });
    return publicSummary;
  });
  try {
    return (await run).result;
  } catch (err) {
    if (err instanceof DryRun) return err.summary;
    throw err;
  }
}

async function stageBoundaries(tx: Tx, boundaries: AdminBoundary[]): Promise<void> {
  await tx.execute(sql`create temp table if not exists osm_boundary (
    osm_id bigint primary key, name text, names jsonb, admin_level int, geom geometry(MultiPolygon, 4326)
  ) on commit drop`);
  for (const b of boundaries) {
    // A boundary cut by the edge of the extract cannot form its polygon; the caller reports it.
    if (b.missingWays > 0) continue;
    const lines = { type: 'MultiLineString', coordinates: [...b.outer, ...b.inner].filter((l) => l.length >= 2) };
    if (lines.coordinates.length === 0) continue;
    await tx.execute(sql`insert into osm_boundary (osm_id, name, names, admin_level, geom)
      select ${b.osmId}, ${b.name}, ${JSON.stringify(b.names)}::jsonb, ${b.adminLevel},
             ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_BuildArea(ST_GeomFromGeoJSON(${JSON.stringify(lines)}))), 3))
      on conflict (osm_id) do nothing`);
  }
}

/**
 * A file without a national boundary (a city's, a county's extract) gets a root made from its
 * area, so its boundaries have a tree to hang in. Only when the extract's bounds are known.
 */
async function extractRootIfNone(tx: Tx, built: BuiltBoundary[], opts: ImportOptions) {
  if (!opts.bounds || built.some((b) => b.valid && b.admin_level <= 2)) return undefined;
  const area = await intersect(tx, opts.bounds, opts.within);
  return ensureExtractRoot(tx, area, { name: opts.rootName, countryCode: opts.countryCode, level: opts.rootLevel });
}

/** What the audit row of a repaired boundary says about its repair. */
function clippedAudit(c: Repaired | undefined) {
  return c ? { clipped: { missingWays: c.missingWays, replacedM: c.replacedM, decidedBy: c.decidedBy } } : {};
}

async function resolveParents(tx: Tx): Promise<BuiltBoundary[]> {
  return rows<BuiltBoundary>(
    tx,
    sql`select b.osm_id, b.name, b.names, b.admin_level,
          (b.geom is not null and not ST_IsEmpty(b.geom)) as valid,
          (select p.osm_id from osm_boundary p
            where p.admin_level < b.admin_level and p.geom is not null and not ST_IsEmpty(p.geom)
              and ST_Contains(p.geom, ST_PointOnSurface(b.geom))
            order by p.admin_level desc, ST_Area(p.geom) asc limit 1) as parent_osm_id,
          j.id as existing_id, j.path::text as existing_path
        from osm_boundary b left join jurisdictions j on j.osm_id = b.osm_id
        order by b.admin_level, b.name`,
  );
}

interface Change {
  id: string;
  path: string;
  name: string;
  osmId: number;
  created: boolean;
  clippedM2: number;
}

interface TreeResult {
  created: number;
  updated: number;
  skipped: ImportSummary['skipped'];
  roots: string[];
  changes: Change[];
  clippedChildren: ClippedChild[];
}

/** Refusals of a boundary that does not fit the tree: the importer reports them as skipped. */
const MISFITS = new Set(['JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'JURISDICTION_BOUNDARY_OVERLAPS', 'JURISDICTION_BOUNDARY_CUTS_CHILD']);

async function upsertTree(
  tx: Tx,
  built: BuiltBoundary[],
  countryCode: string | undefined,
  levelOf: (adminLevel: number) => string,
  /** The extract's root: the parent of every boundary without an enclosing one. */
  fallbackParent?: { id: string; path: string },
): Promise<TreeResult> {
  const placed = new Map<number, { id: string; path: string }>();
  const usedPaths = new Set((await rows<{ path: string }>(tx, sql`select path::text as path from jurisdictions`)).map((r) => r.path));
  const summary: TreeResult = { created: 0, updated: 0, skipped: [], roots: [], changes: [], clippedChildren: [] };
  for (const b of built) {
    const osmId = Number(b.osm_id);
    if (!b.valid) {
      summary.skipped.push({ osmId, name: b.name, reason: 'the member ways do not close into a polygon' });
      continue;
    }
    const parent = b.parent_osm_id === null ? fallbackParent : placed.get(Number(b.parent_osm_id));
    const isRoot = parent === undefined;
    if (isRoot && b.admin_level > 2 && placed.size > 0) {
      summary.skipped.push({ osmId, name: b.name, reason: 'no enclosing boundary of a higher level in the file' });
      continue;
    }
    const path = b.existing_path ?? uniquePath(parent?.path, labelFor(b, isRoot, countryCode), usedPaths);
    const id = b.existing_id ?? uuidv7();
    let fitted: { clippedM2: number; clippedChildren: ClippedChild[] };
    try {
      // In a savepoint: a boundary that does not fit leaves nothing behind, and the rest goes on.
      fitted = await tx.transaction(async (sp) => {
        const clippedM2 = parent ? await fitIntoTree(sp, osmId, parent.path, b.existing_path) : 0;
        await upsertOne(sp, { id, parentId: parent?.id ?? null, path, osmId, b, level: levelOf(b.admin_level) });
        return { clippedM2, clippedChildren: b.existing_path ? await fitDescendants(sp, path, 'boundary', null) : [] };
      });
    } catch (err) {
      if (!(err instanceof AppError && MISFITS.has(err.code))) throw err;
      summary.skipped.push({ osmId, name: b.name, reason: err.fields?.[0]?.message ?? err.message });
      continue;
    }
    placed.set(osmId, { id, path });
    if (isRoot) summary.roots.push(path);
    if (b.existing_id) summary.updated++;
    else summary.created++;
    summary.changes.push({ id, path, name: b.name, osmId, created: !b.existing_id, clippedM2: fitted.clippedM2 });
    summary.clippedChildren.push(...fitted.clippedChildren);
  }
  return summary;
}

/**
 * The same rule as a boundary drawn by hand: within the parent, off the siblings (each up to the
 * tolerance, the stray part cut off). Returns the square metres cut off.
 */
async function fitIntoTree(tx: Tx, osmId: number, parentPath: string, selfPath: string | null): Promise<number> {
  const boundary = sql`(select geom from osm_boundary where osm_id = ${osmId})`;
  const settled = await settleBoundary(tx, { boundary, parentPath, selfPath: selfPath ?? undefined, field: 'boundary', actor: null });
  if (settled.clippedM2 > 0) await tx.execute(sql`update osm_boundary set geom = ${settled.stored} where osm_id = ${osmId}`);
  return settled.clippedM2;
}

function labelFor(b: BuiltBoundary, isRoot: boolean, countryCode: string | undefined): string {
  if (isRoot && b.admin_level <= 2 && countryCode) return slugLabel(countryCode, `r${b.osm_id}`);
  return slugLabel(b.name, `r${b.osm_id}`);
}

function uniquePath(parentPath: string | undefined, label: string, used: Set<string>): string {
  const base = parentPath ? `${parentPath}.${label}` : label;
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
  used.add(candidate);
  return candidate;
}

async function upsertOne(
  tx: Tx,
  v: { id: string; parentId: string | null; path: string; osmId: number; b: BuiltBoundary; level: string },
): Promise<void> {
  await tx.execute(sql`insert into jurisdictions (id, parent_id, path, name, names, level, admin_level, osm_id, boundary)
    select ${v.id}, ${v.parentId}, ${v.path}::ltree, b.name, b.names, ${v.level}, b.admin_level, b.osm_id, b.geom
    from osm_boundary b where b.osm_id = ${v.osmId}
    on conflict (id) do update set name = excluded.name, names = excluded.names,
      boundary = excluded.boundary, admin_level = excluded.admin_level, updated_at = now()`);
}
