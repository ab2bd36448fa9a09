import { ChecklistDefinition as Definition, type ChecklistDefinition, type ChecklistTemplate } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { findTemplate, latestVersion } from './checklists.queries.js';
import { checklistTemplates } from './checklists.tables.js';
import { STARTER_TEMPLATES } from './starter-templates.js';

/** Arbitrary constant: serialises publications so two cannot take the same version number. */
const PUBLISH_LOCK = 7_470_501;

async function publish(tx: Tx, record: CommandRecord, def: ChecklistDefinition, actorId: string | null, now: Date): Promise<ChecklistTemplate> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
  const version = (await latestVersion(tx, def.key)) + 1;
  const id = uuidv7();
  await tx.insert(checklistTemplates).values({ id, key: def.key, version, title: def.title, categories: def.categories, definition: def, createdBy: actorId, createdAt: now });
  record.audit({ action: 'checklists.published', entityType: 'checklist', entityId: id, jurisdictionPath: null, after: { key: def.key, version, title: def.title } });
  record.emit({ type: 'checklists.published', jurisdictionPath: null, data: { id, key: def.key, version, title: def.title } });
  return (await findTemplate(tx, id))!;
}

/**
 * Publishes a checklist: a new key starts at version 1, a known key gets its next version.
 * Checklists are national: publishing needs checklists:manage at the root.
 */
export async function publishChecklist(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, def: ChecklistDefinition): Promise<ChecklistTemplate> {
  if (!can(ctx.actor, 'checklists:manage', null)) throw new AppError('FORBIDDEN', 'Checklists are published at the national level');
  const { result } = await runCommand(deps, ctx, (tx, record) => publish(tx, record, def, ctx.actor.id, deps.clock()));
  return result;
}

/** Publishes version 1 of each starter checklist not yet present (first start, upgrades). */
export async function ensureStarterChecklists(deps: CommandDeps): Promise<number> {
  const missing: ChecklistDefinition[] = [];
  for (const t of STARTER_TEMPLATES) if ((await latestVersion(deps.db, t.key)) === 0) missing.push(Definition.parse(t));
  if (missing.length === 0) return 0;
  await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    for (const def of missing) await publish(tx, record, def, null, deps.clock());
  });
  return missing.length;
}
