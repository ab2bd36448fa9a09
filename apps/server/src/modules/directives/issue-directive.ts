import type { IssueDirectiveBody, IssuedDirective } from '@firebreak/contracts';
import { inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { UUID_V7 } from '../../platform/db/uuid-v7.js';
import { jurisdictions } from '../../platform/db/jurisdictions.tables.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { directives } from './directives.tables.js';
import { isBelow } from './model.js';

/**
 * Targets per `directives.delivered` event: each is its id and path (about 95 bytes), so 2,000 make about 190 kB,
 * well under a bus message's 1 MB.
 */
const DELIVERY_CHUNK = 2000;

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Issues a directive from a jurisdiction to chosen jurisdictions of its subtree, and delivers it
 * to each: a `directives.delivered` event at the issuer's path listing the targets by id and path;
 * the stream gives each target's clients (and those above) the targets they may see. A target's duty
 * posts are not copied into the event: they are the posts' own records (`GET /posts?jurisdictionId=`,
 * and who held each at the delivery, `GET /posts/:id/holder?at=`).
 * Answers with the directive and its target count; a national directive has thousands of targets,
 * which are read a page at a time afterwards.
 */
export async function issueDirective(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: IssueDirectiveBody): Promise<IssuedDirective> {
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
    const id = uuidv7();
    await tx.insert(directives).values({
      id, issuerJurisdictionId: issuer.id, issuerPath: issuer.path, title: input.title, content: input.content, requiredActions: input.requiredActions,
      ackDueAt, reportDueAt, issuedBy: ctx.actor.id, issuedAt: now,
    });
    // One statement for every target, its ids made in SQL: the subtree check is the join's condition, so a
    // target the issuer may not reach is simply not inserted, and a short count sends us to name it (and roll back).
    const targets = await rows<{ jurisdictionId: string; jurisdictionPath: string }>(tx, sql`insert into directive_targets (id, directive_id, jurisdiction_id, jurisdiction_path, state, delivered_at)
      select ${UUID_V7}, ${id}::uuid, j.id, j.path, 'delivered', ${now.toISOString()}::timestamptz
      from unnest(${uuidArray(input.targetJurisdictionIds)}) as u(jid)
      join jurisdictions j on j.id = u.jid and j.path <@ ${issuer.path}::ltree and j.path <> ${issuer.path}::ltree
      returning jurisdiction_id as "jurisdictionId", jurisdiction_path::text as "jurisdictionPath"`);
    if (targets.length !== input.targetJurisdictionIds.length) await refuseTargets(tx, input.targetJurisdictionIds, issuer.path);
    targets.sort((a, b) => (a.jurisdictionPath < b.jurisdictionPath ? -1 : a.jurisdictionPath > b.jurisdictionPath ? 1 : 0));
    const summary = {
      id, issuerJurisdictionId: issuer.id, issuerPath: issuer.path, title: input.title, content: input.content, requiredActions: input.requiredActions,
      acknowledgeBy: ackDueAt.toISOString(), reportBy: reportDueAt.toISOString(), issuedBy: ctx.actor.id, issuedAt: now.toISOString(),
    };
    // Each target by id and path (all start `delivered` at issue): one audit row for the directive, not one per
    // target, and it is hashed into the chain after commit.
    record.audit({ action: 'directives.issued', entityType: 'directive', entityId: id, jurisdictionPath: issuer.path, after: { ...summary, targets } });
    // The target set is in the delivery events below (and, whole, in the audit row): the issue event says how many.
    record.emit({ type: 'directives.issued', jurisdictionPath: issuer.path, data: { ...summary, targetCount: targets.length } });
    // One event for the directive (per DELIVERY_CHUNK targets, to keep a message small on the bus), spread over its
    // targets: the stream gives each reader the targets it may see (EVENT_CATALOGUE, `spread`), not 3,000 outbox rows.
    // Each target by id and path only (about 0.23 MB for a national directive), made here from the rows the insert
    // returned and written with the audit row in one statement: building them in SQL re-read the 3,000 rows just
    // written and cost a statement of its own (docs/benchmarks.md, "Directives: what dominates", wave 17).
    const delivery = {
      directiveId: id, title: summary.title, content: summary.content, requiredActions: summary.requiredActions,
      issuerPath: summary.issuerPath, acknowledgeBy: summary.acknowledgeBy, reportBy: summary.reportBy,
    };
    for (let i = 0; i < targets.length; i += DELIVERY_CHUNK) {
      record.emit({ type: 'directives.delivered', jurisdictionPath: issuer.path, data: { ...delivery, targets: targets.slice(i, i + DELIVERY_CHUNK) } });
    }
    return { ...summary, targetCount: targets.length };
  });
  return result;
}

/** Names the first target that is unknown or not strictly under the issuer; only reached when one is. */
async function refuseTargets(tx: Tx, ids: readonly string[], issuerPath: string): Promise<never> {
  const found = await tx.select({ id: jurisdictions.id, path: jurisdictions.path }).from(jurisdictions).where(inArray(jurisdictions.id, [...ids]));
  const pathOf = new Map(found.map((j) => [j.id, j.path]));
  ids.forEach((id, i) => {
    const path = pathOf.get(id);
    if (path === undefined) throw invalidField(`body.targetJurisdictionIds.${i}`, 'no such jurisdiction');
    if (!isBelow(path, issuerPath)) {
      throw new AppError('DIRECTIVE_TARGET_OUTSIDE_SUBTREE', `${path} is not under ${issuerPath}`, { fields: [{ path: `body.targetJurisdictionIds.${i}`, message: `not under ${issuerPath}` }] });
    }
  });
  throw new Error('every target was found under the issuer, yet fewer were inserted');
}
