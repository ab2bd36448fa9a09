import type { Place, UpdatePlaceBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { assertValidGeometry, geometrySql, homeHolding } from './geometry.js';
import { deepestContaining, findPlace } from './places.queries.js';

/**
 * Edits a place. The edit names the version it was based on, so two people editing the same
 * place cannot silently overwrite each other. A moved place follows the boundary it lands in.
 */
export async function updatePlace(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: UpdatePlaceBody): Promise<Place> {
  if (input.geometry) await assertValidGeometry(deps.db, input.geometry, 'body.geometry');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const before = await findPlace(tx, id);
    if (!before || !can(ctx.actor, 'places:read', before.jurisdictionPath)) throw notFound('Place');
    if (!can(ctx.actor, 'places:manage', before.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change places of ${before.jurisdictionPath}`);
    if (before.version !== input.version) {
      throw new AppError('CONFLICT', `The place was changed meanwhile (now version ${before.version})`, { fields: [{ path: 'body.version', message: `is ${before.version}` }] });
    }
    let home = { id: before.jurisdictionId, path: before.jurisdictionPath };
    if (input.geometry) {
      const found = await deepestContaining(tx, sql`ST_PointOnSurface(${geometrySql(input.geometry)})`);
      if (!found || !can(ctx.actor, 'places:read', found.path)) throw invalidField('body.geometry', 'lies outside every jurisdiction you manage');
      home = await homeHolding(tx, input.geometry, found, { field: 'body.geometry', actor: ctx.actor, explicit: false });
      if (!can(ctx.actor, 'places:manage', home.path)) throw invalidField('body.geometry', 'lies outside every jurisdiction you manage');
    }
    const geom = input.geometry ? geometrySql(input.geometry) : sql`geom`;
    const keep = (v: string | null | undefined, column: string) => (v === undefined ? sql.raw(column) : sql`${v}`);
    await tx.execute(sql`update places set
      name = coalesce(${input.name ?? null}, name),
      category = coalesce(${input.category ?? null}, category),
      geom = ${geom}, location = ST_PointOnSurface(${geom}),
      jurisdiction_id = ${home.id}, jurisdiction_path = ${home.path}::ltree,
      operator = ${keep(input.operator, 'operator')},
      contact = ${keep(input.contact, 'contact')},
      responsible_post = ${keep(input.responsiblePost, 'responsible_post')},
      version = version + 1, updated_at = ${deps.clock()}
      where id = ${id}`);
    const after = (await findPlace(tx, id))!;
    record.audit({ action: 'places.updated', entityType: 'place', entityId: id, jurisdictionPath: after.jurisdictionPath, before, after });
    record.emit({ type: 'places.updated', jurisdictionPath: after.jurisdictionPath, data: after });
    return after;
  });
  return result;
}
