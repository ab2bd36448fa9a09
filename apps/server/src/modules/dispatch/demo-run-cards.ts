import { DEFAULT_RUN_CARDS, INCIDENT_TYPES, PRIORITIES } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows } from '../../platform/db/client.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { planInForce } from './response-plans.queries.js';

/**
 * Seeds the national default run cards (`DEFAULT_RUN_CARDS`, reasoning in docs/incident-types.md)
 * at every root jurisdiction, one per incident type and priority: so a fresh demo sends engines to
 * fires, ambulances to medical calls and patrols to crime and traffic, and a municipality can still
 * set its own (the deepest card wins). Only where a root has no card at all, so a second start, or
 * a deployment that wrote its own, is left alone. One command; each card audited and announced
 * like a `PUT /response-plans`.
 */
export async function ensureDemoRunCards(deps: CommandDeps): Promise<number> {
  // Found before the command: a command that records nothing is refused (every later start).
  const roots = await rows<{ id: string; path: string }>(deps.db, sql`select j.id, j.path::text as path from jurisdictions j
    where nlevel(j.path) = 1 and not exists (select 1 from response_plans p where p.jurisdiction_id = j.id) order by j.path`);
  if (roots.length === 0) return 0;
  const { result } = await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    const now = deps.clock();
    let created = 0;
    for (const root of roots) {
      for (const type of INCIDENT_TYPES) {
        for (const priority of PRIORITIES) {
          const tiers = DEFAULT_RUN_CARDS[type][priority];
          await tx.execute(sql`insert into response_plans (id, jurisdiction_id, jurisdiction_path, incident_type, priority, tiers, updated_by, created_at, updated_at)
            values (${uuidv7()}, ${root.id}, ${root.path}::ltree, ${type}, ${priority}, ${JSON.stringify(tiers)}::jsonb, null, ${now}, ${now})`);
          const plan = (await planInForce(tx, root.path, type, priority))!;
          record.audit({ action: 'dispatch.response_plan_set', entityType: 'response_plan', entityId: plan.id, jurisdictionPath: root.path, before: null, after: { ...plan, demo: true } });
          record.emit({ type: 'dispatch.response_plan_set', jurisdictionPath: root.path, data: plan });
          created++;
        }
      }
    }
    return created;
  });
  return result;
}
