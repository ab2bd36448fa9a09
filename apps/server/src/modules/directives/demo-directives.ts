import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { issueDirective } from './issue-directive.js';

const DAY_MS = 86_400_000;
export const DEMO_DIRECTIVE_TITLE = 'Demo: check the fire hydrants near schools and kindergartens';

/**
 * The demo world's directives: each regional duty officer (a `duty_officer` granted on a
 * jurisdiction with children: the demo's `duty.oberland`, `duty.unterland`) issues one to the
 * jurisdictions right under it, so that a newcomer municipal duty officer (`duty.vaduz`) finds one
 * to acknowledge and report back on, and the regional one a roll-up to follow. Without them both
 * screens were empty until someone issued one. Issued under the officer's own name (their grant,
 * as the server acts for them), only into a database holding no directive; returns how many.
 */
export async function ensureDemoDirectives(deps: CommandDeps): Promise<number> {
  const [any] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from directives`);
  if (Number(any?.n ?? 0) > 0) return 0;
  const issuers = await rows<{ userId: string; username: string; displayName: string; grantId: string; jurisdictionId: string; path: string; name: string; targets: string[] }>(deps.db, sql`
    select distinct on (j.path) u.id as "userId", u.username, u.display_name as "displayName", g.id as "grantId", j.id as "jurisdictionId", j.path::text as path, j.name,
      array(select c.id::text from jurisdictions c where c.parent_id = j.id order by c.path) as targets
    from grants g join users u on u.id = g.user_id join jurisdictions j on j.id = g.jurisdiction_id
    where g.role = 'duty_officer' and u.disabled_at is null and u.kind = 'staff'
      and exists (select 1 from jurisdictions c where c.parent_id = j.id)
    order by j.path, u.username`);
  const now = deps.clock();
  let n = 0;
  for (const i of issuers) {
    if (i.targets.length === 0) continue;
    const actor: Actor = {
      id: i.userId, username: i.username, displayName: i.displayName, kind: 'staff', via: { kind: 'system' },
      grants: [{ id: i.grantId, role: 'duty_officer', jurisdictionId: i.jurisdictionId, path: i.path, jurisdictionName: i.name }],
    };
    await issueDirective(deps, { actor, requestId: null }, {
      issuerJurisdictionId: i.jurisdictionId,
      title: DEMO_DIRECTIVE_TITLE,
      content: `Demo data. Before the frost, every municipality of ${i.name} checks the fire hydrants within 200 m of its schools and kindergartens: reachable, marked, opening and draining. Acknowledge within two days; report back within two weeks.`,
      requiredActions: ['Check every hydrant within 200 m of a school or kindergarten', 'Report the hydrants found out of order, with where they are and who repairs them'],
      targetJurisdictionIds: i.targets,
      acknowledgeBy: new Date(now.getTime() + 2 * DAY_MS).toISOString(),
      reportBy: new Date(now.getTime() + 14 * DAY_MS).toISOString(),
    });
    n++;
  }
  return n;
}
