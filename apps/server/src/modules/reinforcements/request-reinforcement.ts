import { KNOWN_CAPABILITIES, type CreateReinforcementBody, type ReinforcementRequest } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { answerDue, firstAbove, neighbourProblem } from './model.js';
import { announce } from './request-steps.js';
import { findRequest, TOUCHING_DEGREES } from './reinforcements.queries.js';
import { reinforcementRequests } from './reinforcements.tables.js';


/** A capability is known when the catalogue names it or some unit carries it. */
async function capabilityKnown(tx: Tx, capability: string): Promise<boolean> {
  if ((KNOWN_CAPABILITIES as readonly string[]).includes(capability)) return true;
  return (await rows(tx, sql`select 1 from units where ${capability} = any(capabilities) limit 1`)).length > 0;
}

/** The jurisdiction first asked: the level above the incident's, or a named neighbour of it. */
async function firstTarget(tx: Tx, incident: IncidentRow, input: CreateReinforcementBody): Promise<string> {
  if (input.target.to === 'above') {
    const above = firstAbove(incident.jurisdictionPath);
    if (!above) throw new AppError('REINFORCEMENT_TARGET_INVALID', 'A national incident has no level above: name a neighbour', { fields: [{ path: 'body.target.to', message: 'nothing above a national incident' }] });
    return above;
  }
  const field = 'body.target.jurisdictionId';
  const j = await findJurisdiction(tx, input.target.jurisdictionId);
  // A neighbour lies outside the requester's scope by definition: any jurisdiction may be named, the rule below decides.
  if (!j) throw invalidField(field, 'no such jurisdiction');
  const [touch] = await rows<{ touching: boolean }>(tx, sql`select coalesce(ST_DWithin(a.boundary, b.boundary, ${TOUCHING_DEGREES}), false) as touching
    from jurisdictions a, jurisdictions b where a.id = ${incident.jurisdictionId} and b.id = ${j.id}`);
  const problem = neighbourProblem(incident.jurisdictionPath, j.path, touch?.touching === true);
  if (problem) throw new AppError('REINFORCEMENT_TARGET_INVALID', `${j.path} ${problem}`, { fields: [{ path: field, message: problem }] });
  return j.path;
}

/**
 * Asks for units the dispatcher's own and agreements' units do not give: `count` of a kind and/or a
 * capability, for one open incident, of the level above (or a neighbour). Whoever may dispatch for
 * that jurisdiction receives it (`reinforcements.requested` at its path: the alert); each level has
 * `timeoutSeconds` to answer before the sweep asks the next one up.
 */
export async function requestReinforcement(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, incidentId: string, input: CreateReinforcementBody): Promise<ReinforcementRequest> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const incident = await findIncidentRow(tx, incidentId, { forUpdate: true });
    if (!incident || !can(ctx.actor, 'incidents:read', incident.jurisdictionPath)) throw notFound('Incident');
    if (!can(ctx.actor, 'dispatch:assign', incident.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not dispatch for incidents of ${incident.jurisdictionPath}`);
    assertAskable(incident);
    const target = await firstTarget(tx, incident, input);
    return raiseRequest(tx, record, ctx.actor, incident, input, target, deps.clock(), 'body');
  });
  return result;
}

/**
 * Raises a request inside another command's transaction (a major incident's SITREP asking the
 * level above its command): the caller has decided who may ask and whom (`targetPath`); the
 * incident must be open and not a duplicate. Audited on the incident, announced like any request.
 */
export async function raiseReinforcementRequest(
  tx: Tx, record: CommandRecord, actor: Actor, incidentId: string, input: Omit<CreateReinforcementBody, 'target'>, targetPath: string, now: Date, field: string,
): Promise<ReinforcementRequest> {
  const incident = await findIncidentRow(tx, incidentId, { forUpdate: true });
  if (!incident) throw notFound('Incident');
  assertAskable(incident);
  return raiseRequest(tx, record, actor, incident, input, targetPath, now, field);
}

function assertAskable(incident: IncidentRow): void {
  if (incident.state !== 'open') throw new AppError('INCIDENT_CLOSED');
  if (incident.duplicateOf) throw new AppError('INCIDENT_IS_DUPLICATE', `The incident is a duplicate of ${incident.duplicateOf}: ask for units there`);
}

/** `field`: where the request's fields sit in the caller's body (`body`, or `body.reinforcement` in a SITREP). */
async function raiseRequest(
  tx: Tx, record: CommandRecord, actor: Actor, incident: IncidentRow, input: Omit<CreateReinforcementBody, 'target'>, target: string, now: Date, field: string,
): Promise<ReinforcementRequest> {
  if (input.capability !== undefined && !(await capabilityKnown(tx, input.capability))) {
    throw invalidField(`${field}.capability`, 'no unit carries this capability and it is not a known one');
  }
  const id = uuidv7();
  await tx.insert(reinforcementRequests).values({
    id, incidentId: incident.id, incidentPath: incident.jurisdictionPath, kind: input.kind ?? null, capability: input.capability ?? null, count: input.count,
    state: 'open', targetPath: target, answerDueAt: answerDue(now, input.timeoutSeconds), timeoutSeconds: input.timeoutSeconds,
    requestedBy: actor.id, requestedByName: actor.displayName, note: input.note ?? null, createdAt: now,
    steps: [{ at: now.toISOString(), step: 'asked', jurisdictionPath: target, by: { id: actor.id, name: actor.displayName } }],
  });
  const request = (await findRequest(tx, id))!;
  record.audit({ action: 'reinforcements.requested', entityType: 'incident', entityId: incident.id, jurisdictionPath: incident.jurisdictionPath, after: request });
  announce(record, 'reinforcements.requested', request);
  return request;
}
