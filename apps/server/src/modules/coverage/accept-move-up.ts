import type { AcceptMoveUpBody, CoverageMove, Jurisdiction } from '@firebreak/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Queryable } from '../../platform/db/client.js';
import { canBeDispatched, findUnitRow, units } from '../units/index.js';
import { coverageMoves } from './coverage.tables.js';

type MoveRow = typeof coverageMoves.$inferSelect;

export const present = (r: MoveRow, callSign: string): CoverageMove => ({
  id: r.id, jurisdictionPath: r.jurisdictionPath, unitId: r.unitId, callSign, state: r.state, to: [r.postLon, r.postLat],
  postName: r.postName, postPlaceId: r.postPlaceId, etaSeconds: r.etaSeconds, shareBefore: r.shareBefore, shareAfter: r.shareAfter,
  orderedBy: r.orderedBy, orderedAt: r.orderedAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null,
});

/**
 * Accepts a move-up: each unit is ordered to its post, all or none, in one transaction with the
 * audit rows and events. Each unit row is locked (in id order, so two dispatchers accepting
 * overlapping move-ups cannot deadlock) and must still be on duty, available and the
 * dispatcher's to send (`dispatch:assign`), under the jurisdiction: else 409 naming the unit,
 * nothing written. The unit stays available (cover, not a commitment); an open order for it is
 * superseded. Retried with the same Idempotency-Key it answers the first result.
 */
export async function acceptMoveUp(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, j: Jurisdiction, body: AcceptMoveUpBody): Promise<CoverageMove[]> {
  const ids = body.moves.map((m) => m.unitId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'moves: a unit is named twice', { fields: [{ path: 'body.moves', message: 'a unit is named twice' }] });
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const out: CoverageMove[] = [];
    const order = body.moves.map((m, index) => ({ m, index })).sort((a, b) => a.m.unitId.localeCompare(b.m.unitId));
    for (const { m, index } of order) {
      const unit = await findUnitRow(tx, m.unitId, { forUpdate: true });
      const refuse = (why: string) => new AppError('MOVE_UP_UNIT_UNAVAILABLE', `moves.${index}.unitId: ${why}`, { fields: [{ path: `body.moves.${index}.unitId`, message: why }] });
      if (!unit || !canOnUnit(ctx.actor, 'units:read', unit)) throw refuse('no such unit');
      if (!canOnUnit(ctx.actor, 'dispatch:assign', unit) || !(unit.jurisdictionPath === j.path || unit.jurisdictionPath.startsWith(`${j.path}.`))) throw refuse(`${unit.callSign} is not yours to move in ${j.path}`);
      if (!canBeDispatched(unit)) throw refuse(`${unit.callSign} is ${unit.onDuty ? unit.status : 'off duty'} now`);
      const superseded = await tx.update(coverageMoves).set({ state: 'superseded', endedAt: now })
        .where(and(eq(coverageMoves.unitId, unit.id), eq(coverageMoves.state, 'ordered'))).returning({ id: coverageMoves.id });
      const [row] = await tx.insert(coverageMoves).values({
        id: uuidv7(), jurisdictionId: j.id, jurisdictionPath: j.path, unitId: unit.id, state: 'ordered',
        postLon: m.to[0], postLat: m.to[1], postName: m.postName, postPlaceId: m.postPlaceId, etaSeconds: m.etaSeconds,
        shareBefore: body.shareBefore, shareAfter: body.shareAfter, orderedBy: ctx.actor.id, orderedAt: now,
      }).returning();
      const move = present(row!, unit.callSign);
      record.audit({ action: 'coverage.move_up_ordered', entityType: 'unit', entityId: unit.id, jurisdictionPath: unit.jurisdictionPath, after: { ...move, superseded: superseded.map((s) => s.id) } });
      // The unit's command and the jurisdiction's dispatchers both see it (they differ for a unit of a sub-level).
      for (const path of new Set([unit.jurisdictionPath, j.path])) record.emit({ type: 'coverage.move_up_ordered', jurisdictionPath: path, data: move });
      out[index] = move;
    }
    return out;
  });
  return result;
}

/** Open move-up orders in a subtree, newest first. */
export async function openMoves(q: Queryable, path: string): Promise<CoverageMove[]> {
  const rows = await q.select({ m: coverageMoves, callSign: units.callSign }).from(coverageMoves)
    .innerJoin(units, eq(units.id, coverageMoves.unitId))
    .where(and(eq(coverageMoves.state, 'ordered'), sql`${coverageMoves.jurisdictionPath} <@ ${path}::ltree`))
    .orderBy(sql`${coverageMoves.orderedAt} desc`).limit(500);
  return rows.map((r) => present(r.m, r.callSign));
}


/**
 * Where units with an open move-up order are counted by the next move-up: at their post, while
 * the unit's status has not changed since the order (a unit dispatched or cleared since stands
 * wherever that took it, and is counted there).
 */
export async function orderedPosts(q: Queryable): Promise<Map<string, [number, number]>> {
  const rows = await q.select({ unitId: coverageMoves.unitId, lon: coverageMoves.postLon, lat: coverageMoves.postLat }).from(coverageMoves)
    .innerJoin(units, eq(units.id, coverageMoves.unitId))
    .where(and(eq(coverageMoves.state, 'ordered'), sql`${units.statusChangedAt} <= ${coverageMoves.orderedAt}`));
  return new Map(rows.map((r) => [r.unitId, [r.lon, r.lat]]));
}
