import type { Incident, LinkDuplicateBody } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { units } from '../units/index.js';
import { findIncidentRow, presentIncident, type IncidentRow } from './incidents.queries.js';
import { nextDeadline } from './response-clock.js';

const refuse = (why: string) => new AppError('INCIDENT_DUPLICATE_NOT_ALLOWED', why);

/** The incident a caller may link or unlink: seen with incidents:read, changed with incidents:create (call-takers and up). */
function assertMayLink(actor: Actor, row: IncidentRow | undefined): IncidentRow {
  if (!row || !can(actor, 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
  if (!can(actor, 'incidents:create', row.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not change incidents of ${row.jurisdictionPath}`);
  return row;
}

/**
 * Links an incident as a duplicate of another (the original). As a CAD merge does, the duplicate
 * stops running its own response clock (`next_deadline_at` cleared, so neither the sweep nor a
 * late step can miss or escalate its tiers) and takes no units; settled tiers stay as they were.
 * Only one level: the original must not itself be a duplicate, nor may anything be linked to the
 * duplicate; units still on the duplicate must be reassigned first. Audited on both timelines.
 */
export async function linkDuplicate(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: LinkDuplicateBody): Promise<Incident> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const locked = await lockBoth(tx, id, input.duplicateOf);
    const dup = assertMayLink(ctx.actor, locked.get(id));
    const original = locked.get(input.duplicateOf);
    if (!original || !can(ctx.actor, 'incidents:read', original.jurisdictionPath)) throw invalidField('body.duplicateOf', 'no such incident');
    if (original.id === dup.id) throw refuse('An incident cannot duplicate itself');
    if (dup.duplicateOf) throw refuse(`The incident is already linked to ${dup.duplicateOf}; unlink it first`);
    if (original.duplicateOf) throw refuse(`That incident is itself a duplicate of ${original.duplicateOf}: link to that one`);
    // A live call is never merged into a simulated or imported incident (nor the other way round).
    if (original.origin !== dup.origin) throw refuse(`That incident is ${original.origin}, this one is ${dup.origin}: only incidents of one origin can be linked`);
    const [linked] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from incidents where duplicate_of = ${dup.id}`);
    if (Number(linked?.n) > 0) throw refuse('Other incidents are linked as duplicates of this one');
    // A committed unit holds its incident's id (units model): none may be left on the duplicate.
    const committed = await tx.select({ id: units.id }).from(units).where(eq(units.incidentId, dup.id)).limit(1);
    if (committed.length > 0) throw refuse('Units are still on the incident: reassign or cancel them first');
    const now = deps.clock();
    await tx.execute(sql`update incidents set duplicate_of = ${original.id}, next_deadline_at = null, version = version + 1, updated_at = ${now} where id = ${dup.id}`);
    const after = presentIncident((await findIncidentRow(tx, dup.id))!);
    const data = { incidentId: dup.id, duplicateOf: original.id, type: dup.type, priority: dup.priority };
    record.audit({ action: 'incidents.duplicate_linked', entityType: 'incident', entityId: dup.id, jurisdictionPath: dup.jurisdictionPath, before: { duplicateOf: null }, after: data });
    record.audit({ action: 'incidents.duplicate_linked', entityType: 'incident', entityId: original.id, jurisdictionPath: original.jurisdictionPath, after: data });
    for (const path of new Set([dup.jurisdictionPath, original.jurisdictionPath])) record.emit({ type: 'incidents.duplicate_linked', jurisdictionPath: path, data });
    return after;
  });
  return result;
}

/**
 * Undoes a link made in error: the incident runs its own clock again from the call's receipt —
 * a tier whose deadline passed meanwhile is missed at the next sweep (and a P1/P2 miss escalates),
 * as the caller did wait that long.
 */
export async function unlinkDuplicate(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string): Promise<Incident> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const dup = assertMayLink(ctx.actor, await findIncidentRow(tx, id, { forUpdate: true }));
    if (!dup.duplicateOf) throw new AppError('INCIDENT_NOT_DUPLICATE');
    const original = await findIncidentRow(tx, dup.duplicateOf);
    const now = deps.clock();
    await tx.execute(sql`update incidents set duplicate_of = null, next_deadline_at = ${dup.state === 'open' ? nextDeadline(dup.tiers) : null},
        version = version + 1, updated_at = ${now} where id = ${dup.id}`);
    const after = presentIncident((await findIncidentRow(tx, dup.id))!);
    const data = { incidentId: dup.id, duplicateOf: dup.duplicateOf };
    record.audit({ action: 'incidents.duplicate_unlinked', entityType: 'incident', entityId: dup.id, jurisdictionPath: dup.jurisdictionPath, before: { duplicateOf: dup.duplicateOf }, after: data });
    const paths = new Set([dup.jurisdictionPath]);
    if (original) {
      record.audit({ action: 'incidents.duplicate_unlinked', entityType: 'incident', entityId: original.id, jurisdictionPath: original.jurisdictionPath, after: data });
      paths.add(original.jurisdictionPath);
    }
    for (const path of paths) record.emit({ type: 'incidents.duplicate_unlinked', jurisdictionPath: path, data });
    return after;
  });
  return result;
}

/** Both rows locked in id order, as every command touching two incidents does. */
async function lockBoth(tx: Tx, a: string, b: string): Promise<Map<string, IncidentRow | undefined>> {
  const out = new Map<string, IncidentRow | undefined>();
  for (const id of [...new Set([a, b])].sort()) out.set(id, await findIncidentRow(tx, id, { forUpdate: true }));
  return out;
}
