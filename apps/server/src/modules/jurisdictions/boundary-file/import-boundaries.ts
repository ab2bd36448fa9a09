import { type BoundaryFeatureOutcome, type BoundaryImportReport, type Jurisdiction } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { LevelConfig } from '../../../config-levels.js';
import { AppError } from '../../../errors.js';
import { can, mayRedrawBoundary } from '../../../platform/auth/access.js';
import { rows, type Tx } from '../../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../../platform/command.js';
import { findById } from '../jurisdictions.queries.js';
import { levelProblem } from '../levels.js';
import { slugLabel } from '../slug.js';
import { fitDescendants, settleBoundary } from '../territory.js';
import { mapFeatures, orderByParent, type FieldMapping, type MappedFeature } from './plan.js';
import { assertKnownSrid, prepareGeometry } from './prepare-geometry.js';
import { readBoundaryFile } from './read-file.js';
import type { ReadOptions, SourceFile } from './types.js';

export interface BoundaryImportOptions extends FieldMapping, ReadOptions {
  /** Parent of the features that name none; with ctx.actor, the scope they must administer. */
  parentPath?: string | undefined;
  /** Level of every feature (else its level field, else the level below its parent's). */
  level?: string | undefined;
  dryRun?: boolean | undefined;
  allowPartial?: boolean | undefined;
}

type Level = string;
interface Stored { id: string; path: string; name: string; level: Level; code: string | null; parentPath: string }
interface Item extends MappedFeature { ewkbHex: string }

/** Refusals of a boundary that does not fit the tree, and of a place the caller may not change: that feature's error. */
const FEATURE_ERRORS = new Set(['GEOMETRY_INVALID', 'JURISDICTION_LEVEL_INVALID', 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'JURISDICTION_BOUNDARY_OVERLAPS', 'JURISDICTION_BOUNDARY_CUTS_CHILD', 'FORBIDDEN']);

/** Thrown out of the command so that its transaction rolls back: a dry run, or rejections without allowPartial. */
class NotWritten extends Error {
  constructor(readonly outcomes: BoundaryFeatureOutcome[]) {
    super('not written');
  }
}

const storedColumns = sql`id, path::text as path, name, level, code, subpath(path, 0, greatest(nlevel(path) - 1, 0))::text as "parentPath"`;
const byCode = async (tx: Tx, code: string) => (await rows<Stored>(tx, sql`select ${storedColumns} from jurisdictions where code = ${code}`))[0];
const byPath = async (tx: Tx, path: string) =>
  /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(path) ? (await rows<Stored>(tx, sql`select ${storedColumns} from jurisdictions where path = ${path}::ltree`))[0] : undefined;

async function adoptable(tx: Tx, parentPath: string, name: string): Promise<Stored | undefined> {
  const label = slugLabel(name, '');
  const found = label ? await byPath(tx, `${parentPath}.${label}`) : undefined;
  return found && found.code === null ? found : undefined;
}

/** The configured level below the parent's (FIREBREAK_LEVELS); the deepest has none, and the rule says so. */
function nextLevel(levels: LevelConfig, parent: string): Level {
  const i = levels.keys.indexOf(parent);
  return levels.keys[i + 1] ?? parent;
}

/**
 * Builds or refreshes jurisdictions from an agency's boundary file (GeoJSON, Shapefile,
 * GeoPackage): one command, parents before children, every boundary through the same territory
 * rule as a drawn one. A feature whose code is stored already is updated in place (its path
 * stays), so a re-run creates nothing. Without allowPartial, one rejected feature writes nothing.
 */
export async function importBoundaryFile(
  deps: CommandDeps,
  ctx: CommandContext,
  src: SourceFile,
  opts: BoundaryImportOptions,
  levels: LevelConfig,
): Promise<BoundaryImportReport> {
  const content = await readBoundaryFile(src, opts);
  const { mapped, rejected } = mapFeatures(content.features, opts);
  await assertKnownSrid(deps.db, content.srid);
  const outcomes = new Map<number, BoundaryFeatureOutcome>();
  const reject = (f: { index: number; code: string | null; name: string | null }, reason: string, path: string | null = null) =>
    outcomes.set(f.index, { index: f.index, code: f.code, name: f.name, outcome: 'rejected', path, reason, clippedM2: 0 });
  for (const r of rejected) reject(r, r.reason);
  const items: Item[] = [];
  for (const m of mapped) {
    const badLevel = m.level === null ? null : levelProblem(levels, m.level, null);
    if (badLevel) {
      reject(m, `level ${badLevel}`);
      continue;
    }
    const g = await prepareGeometry(deps.db, content.features.find((f) => f.index === m.index)!.geometry, content.srid);
    if ('error' in g) reject(m, g.error);
    else items.push({ ...m, ewkbHex: g.ewkbHex });
  }
  const { order, blocked } = orderByParent(items);
  for (const b of blocked) reject(b.item, b.reason);

  const base = { file: src.name.replace(/^.*[\\/]/, ''), format: content.format, layer: content.layer, srid: content.srid, encoding: content.encoding, notes: content.notes };
  const report = (list: BoundaryFeatureOutcome[], written: boolean): BoundaryImportReport => {
    const count = (o: BoundaryFeatureOutcome['outcome']) => list.filter((f) => f.outcome === o).length;
    return { ...base, dryRun: !written, written, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), features: list.sort((a, b) => a.index - b.index) };
  };
  try {
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      await placeAll(tx, record, ctx, order, { ...opts, levels }, outcomes, reject);
      const list = [...outcomes.values()];
      if (opts.dryRun || (list.some((f) => f.outcome === 'rejected') && !opts.allowPartial)) throw new NotWritten(list);
      const done = report(list, true);
      const { features: _all, ...summary } = done;
      record.audit({ action: 'jurisdictions.imported', entityType: 'jurisdiction', entityId: null, jurisdictionPath: opts.parentPath ?? null, after: { ...summary, source: 'boundary-file', rejectedFeatures: list.filter((f) => f.outcome === 'rejected') } });
      record.emit({ type: 'jurisdictions.imported', jurisdictionPath: opts.parentPath ?? null, data: summary });
      return done;
    });
    return result;
  } catch (err) {
    if (err instanceof NotWritten) return report(err.outcomes, false);
    throw err;
  }
}

/** Places each feature in dependency order, each in a savepoint: one that does not fit leaves nothing behind. */
async function placeAll(
  tx: Tx,
  record: CommandRecord,
  ctx: CommandContext,
  order: Item[],
  opts: BoundaryImportOptions & { levels: LevelConfig },
  outcomes: Map<number, BoundaryFeatureOutcome>,
  reject: (f: Item, reason: string, path?: string | null) => void,
): Promise<void> {
  const placed = new Map<string, Stored>();
  const inFile = new Set(order.map((i) => i.code));
  const used = new Set((await rows<{ path: string }>(tx, sql`select path::text as path from jurisdictions`)).map((r) => r.path));
  for (const item of order) {
    let parent: Stored | undefined;
    if (item.parentRef === null) {
      parent = opts.parentPath ? await byPath(tx, opts.parentPath) : undefined;
      if (!parent) {
        reject(item, opts.parentPath ? `the parent path ${opts.parentPath} does not exist` : 'it names no parent and no parent path was given');
        continue;
      }
    } else if (inFile.has(item.parentRef)) {
      parent = placed.get(item.parentRef);
      if (!parent) {
        reject(item, `its parent ${item.parentRef} was rejected`);
        continue;
      }
    } else {
      parent = (await byCode(tx, item.parentRef)) ?? (await byPath(tx, item.parentRef));
      if (!parent) {
        reject(item, `unknown parent ${item.parentRef}: not a code in the file, nor a stored jurisdiction's code or path`);
        continue;
      }
    }
    // Matched by code; else a jurisdiction without a code at the path the feature would take (e.g.
    // a municipality built from OSM) adopts the file's code, rather than a twin being drawn over it.
    const existing = (await byCode(tx, item.code)) ?? (await adoptable(tx, parent.path, item.name));
    try {
      const done = await tx.transaction((sp) => placeOne(sp, record, ctx, item, parent, existing, opts, used));
      outcomes.set(item.index, { index: item.index, code: item.code, name: item.name, outcome: done.outcome, path: done.stored.path, reason: null, clippedM2: Math.round(done.clippedM2) });
      placed.set(item.code, done.stored);
    } catch (err) {
      if (!(err instanceof AppError && FEATURE_ERRORS.has(err.code))) throw err;
      const visible = existing && (!ctx.actor || can(ctx.actor, 'jurisdictions:read', existing.path));
      reject(item, err.fields?.[0]?.message ?? err.message, visible ? existing.path : null);
    }
  }
}

async function placeOne(
  tx: Tx,
  record: CommandRecord,
  ctx: CommandContext,
  item: Item,
  parent: Stored,
  existing: Stored | undefined,
  opts: BoundaryImportOptions & { levels: LevelConfig },
  used: Set<string>,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; stored: Stored; clippedM2: number }> {
  const boundary = sql`ST_GeomFromEWKB(decode(${item.ewkbHex}, 'hex'))`;
  const field = `feature ${item.index}`;
  if (ctx.actor && !can(ctx.actor, 'jurisdictions:manage', parent.path)) throw new AppError('FORBIDDEN', `You may not add jurisdictions under ${parent.path}`, { fields: [{ path: field, message: `you may not add jurisdictions under ${parent.path}` }] });
  if (existing) {
    // A code taken outside the caller's scope is not theirs to see, let alone to move or redraw.
    if (ctx.actor && !can(ctx.actor, 'jurisdictions:read', existing.path)) {
      throw new AppError('FORBIDDEN', `code ${item.code} is taken`, { fields: [{ path: field, message: `code ${item.code} belongs to a jurisdiction outside your scope` }] });
    }
    // The path is an identity (grants, audit rows, events hang on it): a re-import never moves one.
    if (existing.parentPath !== parent.path) {
      throw new AppError('FORBIDDEN', `${existing.path} is stored under ${existing.parentPath}`, { fields: [{ path: field, message: `code ${item.code} is ${existing.path}, stored under ${existing.parentPath || '(the top)'}, not under ${parent.path}: moving a jurisdiction is not supported` }] });
    }
    if (ctx.actor && !mayRedrawBoundary(ctx.actor, existing.path)) throw new AppError('FORBIDDEN', `You may not redraw ${existing.path}`, { fields: [{ path: field, message: `only an administrator of ${parent.path} may redraw ${existing.path}` }] });
    const settled = await settleBoundary(tx, { boundary, parentPath: parent.path, selfPath: existing.path, field, actor: ctx.actor });
    const [same] = await rows<{ same: boolean }>(tx, sql`select coalesce(ST_Equals(boundary, ${settled.stored}), false) and name = ${item.name} and code is not null as same from jurisdictions where id = ${existing.id}`);
    if (same!.same) return { outcome: 'unchanged', stored: existing, clippedM2: settled.clippedM2 };
    await tx.execute(sql`update jurisdictions set name = ${item.name}, code = ${item.code}, boundary = ${settled.stored}, updated_at = now() where id = ${existing.id}`);
    const clippedChildren = await fitDescendants(tx, existing.path, field, ctx.actor);
    record.audit({ action: 'jurisdictions.updated', entityType: 'jurisdiction', entityId: existing.id, jurisdictionPath: existing.path, before: { name: existing.name }, after: { name: item.name, code: item.code, codeAdopted: existing.code === null, boundaryReplaced: true, boundaryClippedM2: settled.clippedM2, source: 'boundary-file' } });
    record.emit({ type: 'jurisdictions.updated', jurisdictionPath: existing.path, data: (await findById(tx, existing.id)) as Jurisdiction });
    for (const child of clippedChildren) {
      record.audit({ action: 'jurisdictions.updated', entityType: 'jurisdiction', entityId: child.id, jurisdictionPath: child.path, after: { boundaryClippedM2: child.clippedM2, clippedTo: existing.path } });
    }
    return { outcome: 'updated', stored: { ...existing, name: item.name }, clippedM2: settled.clippedM2 };
  }
  const level = item.level ?? opts.level ?? nextLevel(opts.levels, parent.level);
  const badLevel = levelProblem(opts.levels, level, parent.level);
  if (badLevel) throw new AppError('JURISDICTION_LEVEL_INVALID', `${field}: level ${badLevel}`, { fields: [{ path: field, message: `level ${badLevel}` }] });
  const settled = await settleBoundary(tx, { boundary, parentPath: parent.path, field, actor: ctx.actor });
  const id = uuidv7();
  const label = slugLabel(item.name, slugLabel(item.code, `j${id.replaceAll('-', '').slice(-12)}`));
  let path = `${parent.path}.${label}`;
  for (let i = 2; used.has(path); i++) path = `${parent.path}.${label}_${i}`;
  used.add(path);
  await tx.execute(sql`insert into jurisdictions (id, parent_id, path, name, level, code, boundary)
    values (${id}, ${parent.id}, ${path}::ltree, ${item.name}, ${level}, ${item.code}, ${settled.stored})`);
  const created = (await findById(tx, id))!;
  record.audit({ action: 'jurisdictions.created', entityType: 'jurisdiction', entityId: id, jurisdictionPath: path, after: { ...created, code: item.code, boundaryClippedM2: settled.clippedM2, source: 'boundary-file' } });
  record.emit({ type: 'jurisdictions.created', jurisdictionPath: path, data: created });
  return { outcome: 'created', stored: { id, path, name: item.name, level, code: item.code, parentPath: parent.path }, clippedM2: settled.clippedM2 };
}
