import type { MarkAlertsBody, MarkAlertsResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Actor } from '../../platform/auth/access.js';
import { alertReceipts } from './alerts.tables.js';

/**
 * Records that the actor saw (a toast was shown) or read alerts, on whichever device. `seen` is a
 * claim: the answer names the alerts no device of the account had seen before, and only those get
 * a toast — so a toast is never shown twice, wherever the account is signed in. Reading also
 * counts as seeing. The receipts are the account's own: no event goes out (the stream would show
 * it to everyone above the account), the audit row is the record.
 */
export async function markAlerts(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, body: MarkAlertsBody): Promise<MarkAlertsResult> {
  const seen = [...new Set(body.seen)];
  const read = [...new Set(body.read)];
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const firstSeen = seen.length === 0 ? [] : (await tx.insert(alertReceipts)
      .values(seen.map((eventId) => ({ userId: ctx.actor.id, eventId, seenAt: now })))
      .onConflictDoNothing()
      .returning({ eventId: alertReceipts.eventId })).map((r) => r.eventId);
    if (read.length > 0) {
      await tx.insert(alertReceipts)
        .values(read.map((eventId) => ({ userId: ctx.actor.id, eventId, seenAt: now, readAt: now })))
        // The first reading counts; seen stays when it was.
        .onConflictDoUpdate({ target: [alertReceipts.userId, alertReceipts.eventId], set: { readAt: sql`coalesce(${alertReceipts.readAt}, excluded.read_at)` } });
    }
    record.audit({
      action: 'alerts.marked', entityType: 'user', entityId: ctx.actor.id, jurisdictionPath: null,
      after: { seen, read, firstSeen },
    });
    return { firstSeen: seen.filter((id) => firstSeen.includes(id)) };
  });
  return result;
}
