import type { ArrivalDoubt, ArrivalSource, Assignment, AssignmentActionBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { advanceClock, findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { applyUnitCommand, findUnitRow, type UnitRow } from '../units/index.js';
import { onSceneDoubt, type ArrivalRules } from './arrival-model.js';
import { nextAssignmentState, STEP_TIME, UNIT_STEP, type AssignmentAction } from './assignment-model.js';
import { findAssignment, progressOf } from './dispatch.queries.js';

/** The defaults of ARRIVAL_RADIUS_METRES and AVL_STALE_SECONDS (config.ts), for callers without a config at hand. */
export const DEFAULT_ARRIVAL_RULES: ArrivalRules = { radiusMetres: 100, staleSeconds: 120 };

/**
 * A step of a unit on an assignment — acknowledge, en route, on scene, clear, cancel — reported
 * by the unit (dispatch:respond on the unit) or by a dispatcher of the incident. The unit's status
 * follows, and the incident's response clock settles what it can. An on-scene status is checked
 * against the unit's last AVL fix and the ETA it was sent with (`onSceneDoubt`): it stands, but a
 * doubtful one is kept with the assignment, audited and announced (`dispatch.arrival_doubted`).
 */
export async function advanceAssignment(
  deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: AssignmentActionBody, rules: ArrivalRules = DEFAULT_ARRIVAL_RULES,
): Promise<Assignment> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const a = await findAssignment(tx, id, { forUpdate: true });
    if (!a) throw notFound('Assignment');
    // Incident before unit, as dispatch locks them: two commands never wait on each other.
    const incident = (await findIncidentRow(tx, a.incidentId, { forUpdate: true }))!;
    const unit = (await findUnitRow(tx, a.unitId, { forUpdate: true }))!;
    const [ofIncident, ofUnit] = [incident.jurisdictionPath, unit.jurisdictionPath];
    if (!can(ctx.actor, 'incidents:read', ofIncident) && !can(ctx.actor, 'units:read', ofUnit)) throw notFound('Assignment');
    if (!can(ctx.actor, 'dispatch:respond', ofUnit) && !can(ctx.actor, 'dispatch:assign', ofIncident)) {
      throw new AppError('FORBIDDEN', 'Only the unit or a dispatcher of the incident reports its steps');
    }
    const now = deps.clock();
    const arrival = input.action === 'on_scene' && nextAssignmentState(a.state, 'on_scene') === 'on_scene'
      ? { source: 'status' as const, doubt: await doubtOf(tx, a, incident, now, rules) }
      : undefined;
    return stepAssignment(tx, record, { assignment: a, incident, unit }, input.action, now, arrival);
  });
  return result;
}

/**
 * The step itself, on an assignment, incident and unit already locked (in that order): the
 * state and its time, the unit's status, the audit row, the events at the incident's and the
 * unit's paths, the incident's clock. `arrival` says how an on-scene step became known.
 */
export async function stepAssignment(
  tx: Tx, record: CommandRecord, locked: { assignment: Assignment; incident: IncidentRow; unit: UnitRow },
  action: AssignmentAction, now: Date, arrival?: { source: ArrivalSource; doubt: ArrivalDoubt | null; fix?: { at: string; metres: number } },
): Promise<Assignment> {
  const { assignment: a, incident, unit } = locked;
  const [ofIncident, ofUnit] = [incident.jurisdictionPath, unit.jurisdictionPath];
  const next = nextAssignmentState(a.state, action);
  if (typeof next !== 'string') throw new AppError('ASSIGNMENT_TRANSITION_NOT_ALLOWED', next.refused);
  const arrivalSet = arrival ? sql`, arrival_source = ${arrival.source}, arrival_doubt = ${arrival.doubt ? JSON.stringify(arrival.doubt) : null}::jsonb` : sql``;
  await tx.execute(sql`update assignments set state = ${next}, ${sql.raw(STEP_TIME[action])} = ${now}${arrivalSet} where id = ${a.id}`);
  const step = UNIT_STEP[action];
  if (step) await applyUnitCommand(tx, record, unit, { type: step }, now);
  const after = (await findAssignment(tx, a.id))!;
  const detail = { ...after, step: action, ...(arrival?.fix ? { fix: arrival.fix } : {}) };
  record.audit({ action: 'dispatch.assignment_changed', entityType: 'incident', entityId: a.incidentId, jurisdictionPath: ofIncident, before: { state: a.state }, after: detail });
  for (const path of new Set([ofIncident, ofUnit])) record.emit({ type: 'dispatch.assignment_changed', jurisdictionPath: path, data: detail });
  if (arrival?.doubt) {
    const data = {
      assignmentId: a.id, incidentId: a.incidentId, unitId: a.unitId, callSign: a.callSign, jurisdictionPath: ofIncident,
      incidentType: incident.type, priority: incident.priority, onSceneAt: now.toISOString(), ...arrival.doubt,
    };
    record.audit({ action: 'dispatch.arrival_doubted', entityType: 'incident', entityId: a.incidentId, jurisdictionPath: ofIncident, after: data });
    for (const path of new Set([ofIncident, ofUnit])) record.emit({ type: 'dispatch.arrival_doubted', jurisdictionPath: path, data });
  }
  await advanceClock(tx, record, a.incidentId, await progressOf(tx, a.incidentId), now);
  return after;
}

/** The plausibility of an on-scene status pressed now: the unit's last stored fix and the ETA it was sent with. */
async function doubtOf(tx: Tx, a: Assignment, incident: IncidentRow, now: Date, rules: ArrivalRules): Promise<ArrivalDoubt | null> {
  const [fix] = await rows<{ metres: number; age: number }>(tx, sql`
    select ST_Distance(t.location::geography, ST_SetSRID(ST_MakePoint(${Number(incident.lon)}, ${Number(incident.lat)}), 4326)::geography) as metres,
      extract(epoch from (${now}::timestamptz - t.at))::float8 as age
    from unit_track t where t.unit_id = ${a.unitId} and t.at <= ${now}::timestamptz order by t.at desc limit 1`);
  return onSceneDoubt({
    secondsSinceDispatch: (now.getTime() - Date.parse(a.assignedAt)) / 1000,
    etaSeconds: a.etaSeconds,
    lastFix: fix ? { metres: Number(fix.metres), ageSeconds: Number(fix.age) } : null,
  }, rules);
}
