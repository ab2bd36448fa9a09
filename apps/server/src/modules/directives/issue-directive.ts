import type { Directive, IssueDirectiveBody } from '@firebreak/contracts';
import { inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { dutyPostsOf } from '../posts/index.js';
import { findDirective } from './directives.queries.js';
import { directiveTargets, directives } from './directives.tables.js';
import { isBelow } from './model.js';

/**
 * Issues a directive from a jurisdiction to chosen jurisdictions of its subtree, and delivers it
 * to each: one `directives.delivered` event per target, at the target's path, naming the target's
 * duty posts and their present holders, so each target's stream clients (and those above) receive it.
 */
export async function issueDirective(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: IssueDirectiveBody): Promise<Directive> {
  const now = deps.clock();
  const ackDueAt = new Date(input.acknowledgeBy);
  const reportDueAt = new Date(input.reportBy);
  if (ackDueAt <= now) throw invalidField('body.acknowledgeBy', 'must be in the future');
  if (reportDueAt < ackDueAt) throw invalidField('body.reportBy', 'must not be before acknowledgeBy');
  if (new Set(input.targetJurisdictionIds).size !== input.targetJurisdictionIds.length) throw invalidField('body.targetJurisdictionIds', 'lists a jurisdiction twice');
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const issuer = await findJurisdiction(tx, input.issuerJurisdictionId);
    if (!issuer || !can(ctx.actor, 'directives:read', issuer.path)) throw invalidField('body.issuerJurisdictionId', 'no such jurisdiction in your scope');
    if (!can(ctx.actor, 'directives:issue', issuer.path)) throw new AppError('FORBIDDEN', `You may not issue directives for ${issuer.path}`);
    const found = await tx.select({ id: jurisdictions.id, path: jurisdictions.path }).from(jurisdictions).where(inArray(jurisdictions.id, input.targetJurisdictionIds));
    const pathOf = new Map(found.map((j) => [j.id, j.path]));
    input.targetJurisdictionIds.forEach((id, i) => {
      const path = pathOf.get(id);
      if (path === undefined) throw invalidField(`body.targetJurisdictionIds.${i}`, 'no such jurisdiction');
      if (!isBelow(path, issuer.path)) {
        throw new AppError('DIRECTIVE_TARGET_OUTSIDE_SUBTREE', `${path} is not under ${issuer.path}`, { fields: [{ path: `body.targetJurisdictionIds.${i}`, message: `not under ${issuer.path}` }] });
      }
    });
    const id = uuidv7();
    await tx.insert(directives).values({
      id, issuerJurisdictionId: issuer.id, issuerPath: issuer.path, title: input.title, content: input.content, requiredActions: input.requiredActions,
      ackDueAt, reportDueAt, issuedBy: ctx.actor.id, issuedAt: now,
    });
    await tx.insert(directiveTargets).values(input.targetJurisdictionIds.map((jid) => ({
      id: uuidv7(), directiveId: id, jurisdictionId: jid, jurisdictionPath: pathOf.get(jid)!, state: 'delivered' as const, deliveredAt: now,
    })));
    const directive = (await findDirective(tx, id, now))!;
    const { targets, ...summary } = directive;
    // Each target by id and path (all start `delivered` at issue): a national directive has thousands,
    // and the audit row is hashed into the chain after commit.
    record.audit({ action: 'directives.issued', entityType: 'directive', entityId: id, jurisdictionPath: issuer.path, after: { ...summary, targets: targets.map((t) => ({ jurisdictionId: t.jurisdictionId, jurisdictionPath: t.jurisdictionPath })) } });
    record.emit({ type: 'directives.issued', jurisdictionPath: issuer.path, data: { ...summary, targets: targets.map((t) => t.jurisdictionPath) } });
    const dutyPosts = new Map<string, { postId: string; title: string; holderId: string | null }[]>();
    for (const { jurisdictionId, ...p } of await dutyPostsOf(tx, input.targetJurisdictionIds)) dutyPosts.set(jurisdictionId, [...(dutyPosts.get(jurisdictionId) ?? []), p]);
    for (const t of targets) {
      record.emit({ type: 'directives.delivered', jurisdictionPath: t.jurisdictionPath, data: {
        directiveId: id, jurisdictionId: t.jurisdictionId, jurisdictionPath: t.jurisdictionPath, dutyPosts: dutyPosts.get(t.jurisdictionId) ?? [], title: summary.title, content: summary.content,
        requiredActions: summary.requiredActions, issuerPath: summary.issuerPath, acknowledgeBy: summary.acknowledgeBy, reportBy: summary.reportBy,
      } });
    }
    return directive;
  });
  return result;
}
