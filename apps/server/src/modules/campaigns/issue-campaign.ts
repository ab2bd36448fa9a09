import type { Campaign, CreateCampaignBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { UUID_V7 } from '../../platform/db/uuid-v7.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { findCampaign } from './campaigns.queries.js';

const DAY_MS = 86_400_000;

const arrayOf = (list: string[], type: 'text' | 'ltree') => sql`ARRAY[${sql.join(list.map((x) => sql`${x}`), sql`, `)}]::${sql.raw(type)}[]`;

function period(input: CreateCampaignBody) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const dueAt = input.dueAt ? new Date(input.dueAt) : endsAt;
  const missedAt = input.missedAt ? new Date(input.missedAt) : new Date(dueAt.getTime() + 7 * DAY_MS);
  if (endsAt <= startsAt) throw invalidField('body.endsAt', 'must be after startsAt');
  if (dueAt <= startsAt) throw invalidField('body.dueAt', 'must be after startsAt');
  if (missedAt < dueAt) throw invalidField('body.missedAt', 'must not be before dueAt');
  return { startsAt, endsAt, dueAt, missedAt };
}

/**
 * Issues a campaign for (part of) the issuer's subtree: every place of the chosen categories in
 * scope gets an assignment for the unit of its jurisdiction, and the coverage counters start.
 */
export async function issueCampaign(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateCampaignBody): Promise<Campaign> {
  const when = period(input);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const issuer = await findJurisdiction(tx, input.jurisdictionId);
    if (!issuer || !can(ctx.actor, 'places:read', issuer.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
    if (!can(ctx.actor, 'campaigns:manage', issuer.path)) throw new AppError('FORBIDDEN', `You may not issue campaigns for ${issuer.path}`);
    const scope: string[] = [];
    for (const [i, id] of (input.scopeJurisdictionIds ?? [issuer.id]).entries()) {
      const j = await findJurisdiction(tx, id);
      if (!j || !isWithin(j.path, issuer.path)) throw invalidField(`body.scopeJurisdictionIds.${i}`, `must be ${issuer.path} or a jurisdiction under it`);
      scope.push(j.path);
    }
    const scopePaths = [...new Set(scope)].filter((p) => !scope.some((q) => q !== p && isWithin(p, q))).sort();
    const categories = [...new Set(input.categories)].sort();
    const id = uuidv7();
    const now = deps.clock();
    await tx.execute(sql`insert into campaigns (id, issuer_id, issuer_path, title, categories, scope_paths, starts_at, ends_at, due_at, missed_at, assignment_count, created_by, created_at)
      values (${id}, ${issuer.id}, ${issuer.path}::ltree, ${input.title}, ${arrayOf(categories, 'text')}, ${arrayOf(scopePaths, 'text')},
        ${when.startsAt}, ${when.endsAt}, ${when.dueAt}, ${when.missedAt}, 0, ${ctx.actor.id}, ${now})`);
    const [made] = await rows<{ n: number }>(tx, sql`with made as (
        insert into campaign_assignments (id, campaign_id, place_id, jurisdiction_path, category, due_at, missed_at, status)
        select ${UUID_V7}, ${id}, p.id, p.jurisdiction_path, p.category, ${when.dueAt}, ${when.missedAt}, 'pending'
        from places p
        where p.category = any(${arrayOf(categories, 'text')}) and p.jurisdiction_path <@ ${arrayOf(scopePaths, 'ltree')}
        returning jurisdiction_path, category)
      , counted as (
        insert into campaign_coverage (campaign_id, jurisdiction_path, category, total, inspected, missed)
        select ${id}, jurisdiction_path, category, count(*), 0, 0 from made group by jurisdiction_path, category
        returning total)
      select coalesce(sum(total), 0)::int as n from counted`);
    await tx.execute(sql`update campaigns set assignment_count = ${made?.n ?? 0} where id = ${id}`);
    const campaign = (await findCampaign(tx, id))!;
    record.audit({ action: 'campaigns.issued', entityType: 'campaign', entityId: id, jurisdictionPath: issuer.path, after: campaign });
    record.emit({ type: 'campaigns.issued', jurisdictionPath: issuer.path, data: campaign });
    return campaign;
  });
  return result;
}
