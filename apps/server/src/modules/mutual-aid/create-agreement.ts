import type { CreateMutualAidBody, MutualAidAgreement } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { findAgreement } from './mutual-aid.queries.js';
import { mutualAidAgreements } from './mutual-aid.tables.js';

/**
 * Makes an agreement. Only someone with `mutual_aid:manage` over both jurisdictions may (an
 * administrator or commander of both, or of a common ancestor): one side alone cannot lend the
 * other's units, nor borrow them. Two jurisdictions one inside the other need none (the upper
 * one's dispatchers already see the lower one's units): refused with MUTUAL_AID_NESTED.
 */
export async function createAgreement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateMutualAidBody): Promise<MutualAidAgreement> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const providing = await findJurisdiction(tx, input.providingJurisdictionId);
    const requesting = await findJurisdiction(tx, input.requestingJurisdictionId);
    // A jurisdiction the actor cannot see does not exist for them.
    if (!providing || !can(ctx.actor, 'jurisdictions:read', providing.path)) throw invalidField('body.providingJurisdictionId', 'no such jurisdiction');
    if (!requesting || !can(ctx.actor, 'jurisdictions:read', requesting.path)) throw invalidField('body.requestingJurisdictionId', 'no such jurisdiction');
    for (const j of [providing, requesting]) {
      if (!can(ctx.actor, 'mutual_aid:manage', j.path)) throw new AppError('FORBIDDEN', `Agreements need authority over both sides; you have none over ${j.path}`);
    }
    if (isWithin(providing.path, requesting.path) || isWithin(requesting.path, providing.path)) {
      throw new AppError('MUTUAL_AID_NESTED', `${providing.path} and ${requesting.path} lie one inside the other: the upper one's dispatchers already reach the lower one's units`);
    }
    const id = uuidv7();
    const now = deps.clock();
    await tx.insert(mutualAidAgreements).values({
      id, providingJurisdictionId: providing.id, providingPath: providing.path, requestingJurisdictionId: requesting.id, requestingPath: requesting.path,
      unitKinds: input.unitKinds, mutual: input.mutual, note: input.note ?? null, createdBy: ctx.actor.id, createdAt: now,
    });
    const agreement = (await findAgreement(tx, id))!;
    record.audit({ action: 'mutual_aid.agreement_created', entityType: 'mutual_aid_agreement', entityId: id, jurisdictionPath: providing.path, after: agreement });
    for (const path of [providing.path, requesting.path]) record.emit({ type: 'mutual_aid.agreement_created', jurisdictionPath: path, data: agreement });
    return agreement;
  });
  return result;
}
