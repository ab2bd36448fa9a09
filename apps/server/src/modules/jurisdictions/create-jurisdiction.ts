import type { CreateJurisdictionBody, Jurisdiction } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { LevelConfig } from '../../config-levels.js';
import { AppError, notFound } from '../../errors.js';
import { can, mayRedrawBoundary, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { hotRows, hotStatement, rows } from '../../platform/db/client.js';
import { areaSql, assertValidArea } from './geometry.js';
import { findById, jurisdictionFromRow, type JurisdictionRow } from './jurisdictions.queries.js';
import { levelProblem } from './levels.js';
import { slugLabel } from './slug.js';
import { fitDescendants, settleBoundary } from './territory.js';

// Stations are mostly added without a boundary of their own (a boundary is an area expression, built per call).
// `returning` the summary: one statement, not an insert and a re-read.
const INSERT_WITHOUT_BOUNDARY = hotStatement('firebreak_jurisdiction_insert', `insert into jurisdictions (id, parent_id, path, name, level)
  values ($1, $2, $3::ltree, $4, $5)
  on conflict (path) do nothing
  returning id, parent_id as "parentId", path::text as path, name, names, level, osm_id as "osmId", code`);

/** Adds a jurisdiction (e.g. a station) under one the actor administers, at a configured level deeper than its parent's. */
export async function createJurisdiction(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  input: CreateJurisdictionBody,
  levels: LevelConfig,
): Promise<Jurisdiction> {
  const unknownLevel = levelProblem(levels, input.level, null);
  if (unknownLevel) throw invalidLevel(unknownLevel);
  if (input.boundary) await assertValidArea(deps.db, input.boundary, 'body.boundary');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const parent = await findById(tx, input.parentId);
    if (!parent || !can(ctx.actor, 'jurisdictions:read', parent.path)) {
      throw new AppError('VALIDATION_FAILED', 'body.parentId: no such jurisdiction in your scope', { fields: [{ path: 'body.parentId', message: 'no such jurisdiction in your scope' }] });
    }
    if (!can(ctx.actor, 'jurisdictions:manage', parent.path)) throw new AppError('FORBIDDEN', `You may not add jurisdictions under ${parent.path}`);
    const notDeeper = levelProblem(levels, input.level, parent.level);
    if (notDeeper) throw invalidLevel(notDeeper);
    const id = uuidv7();
    const path = `${parent.path}.${input.slug ?? slugLabel(input.name, `j${id.replaceAll('-', '').slice(-12)}`)}`;
    // Within its parent and off its neighbours: else it would win their calls (the deepest boundary containing a point owns it).
    const settled = input.boundary ? await settleBoundary(tx, { boundary: areaSql(input.boundary), parentPath: parent.path, field: 'body.boundary', actor: ctx.actor }) : null;
    const [row] = settled
      ? await rows<JurisdictionRow>(tx, sql`insert into jurisdictions (id, parent_id, path, name, level, boundary)
          values (${id}, ${parent.id}, ${path}::ltree, ${input.name}, ${input.level}, ${settled.stored})
          on conflict (path) do nothing
          returning id, parent_id as "parentId", path::text as path, name, names, level, osm_id as "osmId", code`)
      : await hotRows<JurisdictionRow>(tx, INSERT_WITHOUT_BOUNDARY, [id, parent.id, path, input.name, input.level]);
    if (!row) {
      throw new AppError('CONFLICT', `${path} already exists`, { fields: [{ path: 'body.slug', message: 'a sibling has this name' }] });
    }
    const created = jurisdictionFromRow(row);
    record.audit({ action: 'jurisdictions.created', entityType: 'jurisdiction', entityId: id, jurisdictionPath: path, after: { ...created, hasBoundary: Boolean(input.boundary), boundaryClippedM2: settled?.clippedM2 ?? 0 } });
    record.emit({ type: 'jurisdictions.created', jurisdictionPath: path, data: created });
    return created;
  });
  return result;
}

function invalidLevel(message: string): AppError {
  return new AppError('JURISDICTION_LEVEL_INVALID', `body.level: ${message}`, { fields: [{ path: 'body.level', message }] });
}

/** Renames a jurisdiction or replaces its boundary (its path stays: grants and history hang on it). */
export async function updateJurisdiction(
  deps: CommandDeps,
  ctx: CommandContext & { actor: Actor },
  id: string,
  input: { name?: string | undefined; boundary?: CreateJurisdictionBody['boundary'] },
): Promise<Jurisdiction> {
  if (input.boundary) await assertValidArea(deps.db, input.boundary, 'body.boundary');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await findById(tx, id);
    if (!before || !can(ctx.actor, 'jurisdictions:read', before.path)) throw notFound('Jurisdiction');
    if (!can(ctx.actor, 'jurisdictions:manage', before.path)) throw new AppError('FORBIDDEN', `You may not change ${before.path}`);
    const parentPath = before.path.split('.').slice(0, -1).join('.');
    if (input.boundary && !mayRedrawBoundary(ctx.actor, before.path)) {
      throw new AppError('FORBIDDEN', `Only an administrator of ${parentPath} may redraw the boundary of ${before.path}: it is the extent of your own grant`);
    }
    // A root has no parent or neighbours to respect; anything below has both.
    const settled = input.boundary
      ? parentPath
        ? await settleBoundary(tx, { boundary: areaSql(input.boundary), parentPath, selfPath: before.path, field: 'body.boundary', actor: ctx.actor })
        : { stored: areaSql(input.boundary), clippedM2: 0 }
      : null;
    // A new name drops the translations of the old one (OSM's name:en, name:zh…): the web app and
    // the map's labels read names[language] before name, so they would go on showing the old name.
    const renamed = input.name !== undefined && input.name !== before.name;
    await tx.execute(sql`update jurisdictions set
      name = coalesce(${input.name ?? null}, name),
      names = ${renamed ? sql`jsonb_build_object('', ${input.name}::text)` : sql`names`},
      boundary = ${settled ? settled.stored : sql`boundary`},
      updated_at = now()
      where id = ${id}`);
    const clippedChildren = settled ? await fitDescendants(tx, before.path, 'body.boundary', ctx.actor) : [];
    const after = (await findById(tx, id))!;
    record.audit({
      action: 'jurisdictions.updated', entityType: 'jurisdiction', entityId: id, jurisdictionPath: after.path, before: { name: before.name, ...(renamed ? { names: before.names } : {}) },
      after: { name: after.name, boundaryReplaced: Boolean(input.boundary), boundaryClippedM2: settled?.clippedM2 ?? 0 },
    });
    record.emit({ type: 'jurisdictions.updated', jurisdictionPath: after.path, data: after });
    for (const child of clippedChildren) {
      record.audit({ action: 'jurisdictions.updated', entityType: 'jurisdiction', entityId: child.id, jurisdictionPath: child.path, after: { boundaryClippedM2: child.clippedM2, clippedTo: after.path } });
      record.emit({ type: 'jurisdictions.updated', jurisdictionPath: child.path, data: (await findById(tx, child.id))! });
    }
    return after;
  });
  return result;
}
