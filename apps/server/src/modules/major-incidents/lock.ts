import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { Tx } from '../../platform/db/client.js';
import { postHoldings } from '../posts/index.js';
import { canSeeMajor, mayCommand } from './major-incidents.access.js';
import { majorRow, type MajorRow } from './major-incidents.queries.js';
import { majorIncidentPositionHolds, majorIncidentPositions } from './major-incidents.tables.js';

/** The person holding, at `now`, the post that holds a position (null: no post, or a vacant one). */
export async function personHolding(tx: Tx, positionId: string, now: Date): Promise<{ userId: string; postId: string } | null> {
  const [h] = await tx.select({ userId: postHoldings.userId, postId: majorIncidentPositionHolds.postId }).from(majorIncidentPositionHolds)
    .leftJoin(postHoldings, and(eq(postHoldings.postId, majorIncidentPositionHolds.postId), isNull(postHoldings.toAt), sql`${postHoldings.fromAt} <= ${now}`))
    .where(and(eq(majorIncidentPositionHolds.positionId, positionId), isNull(majorIncidentPositionHolds.toAt)));
  return h ? { userId: h.userId ?? '', postId: h.postId } : null;
}

export async function commanderPosition(tx: Tx, majorId: string): Promise<string | null> {
  const [p] = await tx.select({ id: majorIncidentPositions.id }).from(majorIncidentPositions)
    .where(and(eq(majorIncidentPositions.majorIncidentId, majorId), eq(majorIncidentPositions.role, 'commander')));
  return p?.id ?? null;
}

export interface Locked {
  row: MajorRow;
  commanderPositionId: string | null;
  /** The person holding the commander's post now; null when there is none. */
  commander: { userId: string; postId: string } | null;
}

/**
 * Locks an active major incident for a command: unseen ones are 404 (as if absent), stood-down
 * ones 409 (unless `evenStoodDown`: a public alert can still be cancelled after the stand-down).
 * With `command`, the actor must be allowed to command it (mayCommand).
 */
export async function lockMajor(tx: Tx, actor: Actor, id: string, now: Date, opts: { command: boolean; evenStoodDown?: boolean }): Promise<Locked> {
  const row = await majorRow(tx, id, { forUpdate: true });
  if (!row || !canSeeMajor(actor, row)) throw notFound('Major incident');
  if (row.state !== 'active' && !opts.evenStoodDown) throw new AppError('MAJOR_INCIDENT_STOOD_DOWN');
  const commanderPositionId = await commanderPosition(tx, id);
  const held = commanderPositionId ? await personHolding(tx, commanderPositionId, now) : null;
  const commander = held && held.userId ? held : null;
  if (opts.command && !mayCommand(actor, row, commander?.userId ?? null)) {
    throw forbidden(`Only the incident commander, or a duty officer or commander of ${row.commandName}, may do that`);
  }
  return { row, commanderPositionId, commander };
}

/** Bumps the version (clients compare it) after a change. */
export async function touch(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.execute(sql`update major_incidents set version = version + 1, updated_at = ${now} where id = ${id}`);
}
