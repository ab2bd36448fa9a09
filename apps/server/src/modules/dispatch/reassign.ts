import type { Assignment, ReassignBody, Reassignment } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, canOnUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { advanceClock, findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { applyUnitCommand, findUnitRow, lockUnit, type UnitRow } from '../units/index.js';
import { nextAssignmentState, STEP_TIME } from './assignment-model.js';
import { findAssignment, progressOf } from './dispatch.queries.js';
import { assertMaySend, assertTakesUnits, recordAssignment } from './send-unit.js';

type EtaOf = (incident: IncidentRow, unitIds: string[]) => Promise<Map<string, number | null>>;

/**
 * Reassigns in one command, all or nothing:
 * - `incidentId`: the assignment's unit leaves its incident for another (diverted on the way, or
 *   released from one scene straight to the next). The units model decides whether it may
 *   (`reassign`: dispatched, en route or on scene; not transporting).
 * - `unitId`: another unit takes this unit's place on the same incident; the first one clears.
 * The ended assignment is cancelled, or cleared if its unit had arrived (it counts as arrived
 * for the clock and the reports). Both incidents' timelines record it. Locks: the assignment,
 * the incidents in id order, then the units in id order — the order every dispatch command
 * keeps — so of two racing commands one wins and the other gets a 409.
 */
export async function reassign(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, assignmentId: string, input: ReassignBody, etaOf: EtaOf): Promise<Reassignment> {
  const etas = await etaBeforehand(deps, ctx.actor, assignmentId, input, etaOf);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const a = await findAssignment(tx, assignmentId, { forUpdate: true });
    if (!a) throw notFound('Assignment');
    const ids = [...new Set([a.incidentId, input.incidentId ?? a.incidentId])].sort();
    const locked = new Map<string, IncidentRow | undefined>();
    for (const id of ids) locked.set(id, await findIncidentRow(tx, id, { forUpdate: true }));
    const from = locked.get(a.incidentId)!;
    if (!can(ctx.actor, 'incidents:read', from.jurisdictionPath)) throw notFound('Assignment');
    if (!can(ctx.actor, 'dispatch:assign', from.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not dispatch for incidents of ${from.jurisdictionPath}`);
    const now = deps.clock();
    const done = input.incidentId
      ? await move(tx, record, ctx.actor, a, from, locked.get(input.incidentId), now, etas)
      : await swap(tx, record, ctx.actor, a, from, input.unitId!, now, etas);
    for (const id of ids) await advanceClock(tx, record, id, await progressOf(tx, id), now);
    return done;
  });
  return result;
}

/** Road travel time of the unit that is to go, worked out before the transaction (which must wait on nothing). */
async function etaBeforehand(deps: CommandDeps, actor: Actor, assignmentId: string, input: ReassignBody, etaOf: EtaOf): Promise<Map<string, number | null>> {
  const a = await findAssignment(deps.db, assignmentId);
  const to = a ? await findIncidentRow(deps.db, input.incidentId ?? a.incidentId) : undefined;
  if (!a || !to || !can(actor, 'dispatch:assign', to.jurisdictionPath)) return new Map();
  return etaOf(to, [input.unitId ?? a.unitId]);
}

async function move(
  tx: Tx, record: CommandRecord, actor: Actor, a: Assignment, from: IncidentRow, to: IncidentRow | undefined, now: Date, etas: Map<string, number | null>,
): Promise<Reassignment> {
  if (!to || !can(actor, 'incidents:read', to.jurisdictionPath)) throw invalidField('body.incidentId', 'no such incident');
  if (to.id === from.id) throw new AppError('DISPATCH_REASSIGN_NOT_ALLOWED', 'The unit is already on that incident');
  if (!can(actor, 'dispatch:assign', to.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not dispatch to incidents of ${to.jurisdictionPath}`);
  assertTakesUnits(to);
  const unit = await lockUnit(tx, actor, a.unitId);
  assertMaySend(actor, unit);
  const ended = await endAssignment(tx, record, a, from, unit, now, 'reassignment');
  const moved = await applyUnitCommand(tx, record, unit, { type: 'reassign', incidentId: to.id }, now);
  const started = await recordAssignment(tx, record, actor, to, { ...unit, status: moved.status, incidentId: to.id }, now, {
    etaSeconds: etas.get(unit.id) ?? null, action: 'dispatch.unit_reassigned', from: { incidentId: from.id, assignmentId: a.id }, via: 'reassignment',
  });
  // The leaving incident's timeline says where the unit went (the new one's says where it came from).
  record.audit({ action: 'dispatch.unit_reassigned', entityType: 'incident', entityId: from.id, jurisdictionPath: from.jurisdictionPath, after: { kind: 'move', toIncidentId: to.id, ended, started } });
  announce(record, 'move', ended, started, [from, to], unit);
  return { ended, started };
}

async function swap(
  tx: Tx, record: CommandRecord, actor: Actor, a: Assignment, incident: IncidentRow, unitId: string, now: Date, etas: Map<string, number | null>,
): Promise<Reassignment> {
  if (unitId === a.unitId) throw new AppError('DISPATCH_REASSIGN_NOT_ALLOWED', 'That unit is the one on the assignment');
  assertTakesUnits(incident);
  const rows = new Map<string, UnitRow>();
  for (const id of [a.unitId, unitId].sort()) {
    if (id === a.unitId) rows.set(id, await lockUnit(tx, actor, id));
    else {
      const row = await findUnitRow(tx, id, { forUpdate: true });
      if (!row || !canOnUnit(actor, 'units:read', row)) throw invalidField('body.unitId', 'no such unit');
      rows.set(id, row);
    }
  }
  const [leaving, coming] = [rows.get(a.unitId)!, rows.get(unitId)!];
  assertMaySend(actor, coming);
  const ended = await endAssignment(tx, record, a, incident, leaving, now, null);
  await applyUnitCommand(tx, record, leaving, { type: 'clear' }, now);
  await applyUnitCommand(tx, record, coming, { type: 'dispatch', incidentId: incident.id }, now, 'DISPATCH_UNIT_UNAVAILABLE');
  const started = await recordAssignment(tx, record, actor, incident, coming, now, {
    etaSeconds: etas.get(coming.id) ?? null, action: 'dispatch.unit_reassigned', from: { incidentId: incident.id, assignmentId: a.id },
  });
  announce(record, 'swap', ended, started, [incident], leaving);
  return { ended, started };
}

/** Cancels the assignment, or clears it if its unit had arrived; the model of assignment steps decides. */
async function endAssignment(tx: Tx, record: CommandRecord, a: Assignment, incident: IncidentRow, unit: UnitRow, now: Date, via: 'reassignment' | null): Promise<Assignment> {
  const step = a.state === 'on_scene' ? 'clear' : 'cancel';
  const next = nextAssignmentState(a.state, step);
  if (typeof next !== 'string') throw new AppError('ASSIGNMENT_TRANSITION_NOT_ALLOWED', next.refused);
  await tx.execute(sql`update assignments set state = ${next}, ${sql.raw(STEP_TIME[step])} = ${now} where id = ${a.id}`);
  const ended = (await findAssignment(tx, a.id))!;
  const data = { ...ended, step, ...(via ? { via } : {}) };
  record.audit({ action: 'dispatch.assignment_changed', entityType: 'incident', entityId: a.incidentId, jurisdictionPath: incident.jurisdictionPath, before: { state: a.state }, after: data });
  for (const path of new Set([incident.jurisdictionPath, unit.jurisdictionPath])) record.emit({ type: 'dispatch.assignment_changed', jurisdictionPath: path, data });
  return ended;
}

function announce(record: CommandRecord, kind: 'move' | 'swap', ended: Assignment, started: Assignment, incidents: IncidentRow[], unit: UnitRow): void {
  const data = { kind, fromIncidentId: ended.incidentId, toIncidentId: started.incidentId, ended, started };
  for (const path of new Set([...incidents.map((i) => i.jurisdictionPath), unit.jurisdictionPath])) record.emit({ type: 'dispatch.unit_reassigned', jurisdictionPath: path, data });
}
