import type { Campaign } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { issueCampaign } from './issue-campaign.js';

const DEMO_ACTOR_ID = '00000000-0000-7000-8000-00000000ca3e';
const DAY_MS = 86_400_000;

/** What the demo campaign covers: the places where a missed hazard costs most (the key places of the design's §2). */
export const DEMO_CAMPAIGN_CATEGORIES = ['kindergarten', 'school'] as const;
export const DEMO_CAMPAIGN_TITLE = 'Demo: school and kindergarten safety check';

/**
 * The demo world's inspection campaign: the country's schools and kindergartens, issued at the root
 * for the next 30 days, so that each municipality's inspector finds places to inspect with a
 * checklist on the first start. Inspections are recorded from a campaign's assignments only: without
 * one an inspector's main screen was empty until a commander issued one. Only into a database
 * holding no campaign (a restart, or a deployment that issued its own, gets none); null then, or
 * when the tree has no place of those categories.
 */
export async function ensureDemoCampaign(deps: CommandDeps): Promise<Campaign | null> {
  const [any] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from campaigns`);
  if (Number(any?.n ?? 0) > 0) return null;
  const [root] = await rows<{ id: string; path: string; name: string }>(deps.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path limit 1`);
  if (!root) return null;
  const [places] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from places
    where category = any(${sql`ARRAY[${sql.join(DEMO_CAMPAIGN_CATEGORIES.map((c) => sql`${c}`), sql`, `)}]::text[]`})`);
  if (Number(places?.n ?? 0) === 0) return null;
  // The server itself issues it, as the commander of the root would: audited under "Demo data".
  const actor: Actor = {
    id: DEMO_ACTOR_ID, username: 'demo', displayName: 'Demo data', kind: 'staff', via: { kind: 'system' },
    grants: [{ id: DEMO_ACTOR_ID, role: 'commander', jurisdictionId: root.id, path: root.path, jurisdictionName: root.name }],
  };
  const now = deps.clock();
  return issueCampaign(deps, { actor, requestId: null }, {
    title: DEMO_CAMPAIGN_TITLE,
    jurisdictionId: root.id,
    categories: [...DEMO_CAMPAIGN_CATEGORIES],
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
  });
}
