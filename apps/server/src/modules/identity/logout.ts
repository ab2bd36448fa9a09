import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { sessions } from './auth.tables.js';
import { findStaff } from './staff.queries.js';

/** Revokes the caller's session: the cookie stops working on every node at once. */
export async function logout(deps: CommandDeps, ctx: CommandContext & { actor: Actor }): Promise<void> {
  const via = ctx.actor.via;
  if (via.kind !== 'session') return;
  await runCommand(deps, ctx, async (tx, record) => {
    await tx.update(sessions).set({ revokedAt: deps.clock() }).where(and(eq(sessions.id, via.sessionId), isNull(sessions.revokedAt)));
    record.audit({ action: 'auth.logged_out', entityType: 'session', entityId: via.sessionId, jurisdictionPath: null, after: { userId: ctx.actor.id } });
    // The stream sockets of this session, on whichever node, close when this event reaches them.
    const path = (await findStaff(tx, ctx.actor.id))?.jurisdictionPath ?? null;
    record.emit({ type: 'auth.logged_out', jurisdictionPath: path, data: { userId: ctx.actor.id, sessionId: via.sessionId } });
  });
}
