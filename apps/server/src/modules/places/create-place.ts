import type { CreatePlaceBody, Place } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { assertValidGeometry, geometrySql, homeHolding } from './geometry.js';
import { deepestContaining, findPlace } from './places.queries.js';

/** Adds a key place by hand; it belongs to the given jurisdiction or the deepest one containing it. */
export async function createPlace(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreatePlaceBody): Promise<Place> {
  await assertValidGeometry(deps.db, input.geometry, 'body.geometry');
  const { result } = await runCommand(deps, ctx, (tx, record) => createPlaceIn(tx, record, ctx, input, { geometryChecked: true }));
  return result;
}

/** The same inside a transaction already open (bulk onboarding adds many places in one); checks the geometry first. */
export async function createPlaceIn(tx: Tx, record: CommandRecord, ctx: { actor: Actor }, input: CreatePlaceBody, opts: { geometryChecked?: boolean } = {}): Promise<Place> {
  if (!opts.geometryChecked) await assertValidGeometry(tx, input.geometry, 'body.geometry');
  const home = await owningJurisdiction(tx, ctx.actor, input);
  if (!can(ctx.actor, 'places:manage', home.path)) throw new AppError('FORBIDDEN', `You may not add places in ${home.path}`);
  const id = uuidv7();
  const geom = geometrySql(input.geometry);
  await tx.execute(sql`insert into places (id, jurisdiction_id, jurisdiction_path, category, name, geom, location, operator, contact, responsible_post)
    values (${id}, ${home.id}, ${home.path}::ltree, ${input.category}, ${input.name}, ${geom}, ST_PointOnSurface(${geom}),
            ${input.operator ?? null}, ${input.contact ?? null}, ${input.responsiblePost ?? null})`);
  const place = (await findPlace(tx, id))!;
  record.audit({ action: 'places.created', entityType: 'place', entityId: id, jurisdictionPath: home.path, after: place });
  record.emit({ type: 'places.created', jurisdictionPath: home.path, data: place });
  return place;
}

async function owningJurisdiction(q: Queryable, actor: Actor, input: CreatePlaceBody): Promise<{ id: string; path: string }> {
  if (input.jurisdictionId) {
    const j = await findJurisdiction(q, input.jurisdictionId);
    if (!j || !can(actor, 'places:read', j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
    return homeHolding(q, input.geometry, j, { field: 'body.geometry', actor, explicit: true });
  }
  const found = await deepestContaining(q, sql`ST_PointOnSurface(${geometrySql(input.geometry)})`);
  if (!found || !can(actor, 'places:read', found.path)) throw invalidField('body.geometry', 'lies outside every jurisdiction in your scope');
  return homeHolding(q, input.geometry, found, { field: 'body.geometry', actor, explicit: false });
}
