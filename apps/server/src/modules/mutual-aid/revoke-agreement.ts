import type { MutualAidAgreement } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findAgreement } from './mutual-aid.queries.js';

/**
 * Ends an agreement at once: actors are resolved with their agreements on every request, so the
 * next request of the borrowing dispatchers no longer sees the lent units. Units already sent stay
 * on their assignments until cleared (recalling them is a dispatch decision, not a side effect).
 * Either side's authority may end it alone: lending needs both, withdrawing needs one.
 */
export async function revokeAgreement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string): Promise<MutualAidAgreement> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const a = await findAgreement(tx, id, { forUpdate: true });
    const sides = a ? [a.providingJurisdictionPath, a.requestingJurisdictionPath] : [];
    if (!a || !sides.some((p) => can(ctx.actor, 'units:read', p))) throw notFound('Mutual aid agreement');
    if (!sides.some((p) => can(ctx.actor, 'mutual_aid:manage', p))) throw new AppError('FORBIDDEN', 'Only the command of either side may end an agreement');
    if (a.revokedAt) throw new AppError('MUTUAL_AID_REVOKED', 'The agreement was already ended');
    const now = deps.clock();
    await tx.execute(sql`update mutual_aid_agreements set revoked_at = ${now}, revoked_by = ${ctx.actor.id}, version = version + 1 where id = ${id}`);
    const after = (await findAgreement(tx, id))!;
    record.audit({ action: 'mutual_aid.agreement_revoked', entityType: 'mutual_aid_agreement', entityId: id, jurisdictionPath: a.providingJurisdictionPath, before: { revokedAt: null }, after });
    for (const path of sides) record.emit({ type: 'mutual_aid.agreement_revoked', jurisdictionPath: path, data: after });
    return after;
  });
  return result;
}
