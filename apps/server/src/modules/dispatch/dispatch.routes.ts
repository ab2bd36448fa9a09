import { Assignment, AssignmentActionBody, AssignUnitsBody, IdParams, ReassignBody, Reassignment, RecommendationQuery, Recommendations, ResponsePlan, ResponsePlanInForce, ResponsePlanListQuery, ResponsePlanQuery, ResponseTimesQuery, ResponseTimesReport, SetResponsePlanBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField, notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findIncidentRow, type IncidentRow } from '../incidents/index.js';
import { findJurisdiction, subtreeFilter } from '../jurisdictions/index.js';
import { findUnitRow, livePositionsOf } from '../units/index.js';
import { advanceAssignment } from './advance-assignment.js';
import { startArrivalDetector } from './arrive-by-avl.js';
import { assignUnits } from './assign-units.js';
import { reassign } from './reassign.js';
import { assignmentsOf } from './dispatch.queries.js';
import { recommend, travelTimes } from './recommend.js';
import { listPlans, planInForce } from './response-plans.queries.js';
import { responseTimes, responseTimesCsv } from './response-times.js';
import { setResponsePlan } from './set-response-plan.js';
import { startUnitNotifier } from './unit-notifier.js';
import { deploymentRoadNetwork } from './road-network.js';
import { fleetOf } from './fleet.js';
import { sendCsv } from '../../platform/http/csv-download.js';
import { cordonAccessFor, etaTarget } from './cordon-access.js';

export async function dispatchRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dispatch'];
  const live = livePositionsOf(platform);
  const fleet = fleetOf(platform);
  app.addHook('onClose', async () => fleet.close());
  const arrivals = startArrivalDetector(platform);
  app.addHook('onClose', async () => arrivals.stop());
  const arrivalRules = { radiusMetres: platform.config.arrivalRadiusMetres, staleSeconds: platform.config.avlStaleSeconds };
  if (platform.mqtt) {
    const notifier = startUnitNotifier(platform, platform.mqtt);
    app.addHook('onClose', async () => notifier.stop());
  }
  const visibleIncident = async (actor: Actor, id: string) => {
    const row = await findIncidentRow(platform.db, id);
    if (!row || !can(actor, 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    return row;
  };
  const reportScope = async (actor: Actor, q: ResponseTimesQuery) => {
    const [from, to] = [new Date(q.from), new Date(q.to)];
    if (from >= to) throw invalidField('query.to', 'must be after from');
    const j = await findJurisdiction(platform.db, q.jurisdictionId);
    if (!j || !can(actor, 'incidents:read', j.path)) throw notFound('Jurisdiction');
    return { jurisdiction: { id: j.id, path: j.path }, from, to, origin: q.origin };
  };
  /** Travel times of the units being sent, from where they are now (for the record). */
  const etaOf = async (incident: IncidentRow, unitIds: string[]) => {
    const { byProfile } = await deploymentRoadNetwork(platform.config);
    const where = await Promise.all(unitIds.map(async (id) => {
      const u = await findUnitRow(platform.db, id);
      if (!u) return null;
      const fix = live.get(id);
      return { at: fix ? [fix.lon, fix.lat] as [number, number] : [Number(u.homeLon), Number(u.homeLat)] as [number, number], kind: u.kind };
    }));
    const known = unitIds.filter((_, i) => where[i]);
    // The same target as the recommendation: a call inside a closed cordon is reached at its staging or access point.
    const target = etaTarget([Number(incident.lon), Number(incident.lat)], await cordonAccessFor(platform.db, [Number(incident.lon), Number(incident.lat)]));
    const etas = target ? travelTimes(byProfile, where.filter((w) => w !== null), target) : where.map(() => null);
    return new Map(known.map((id, i) => [id, etas[i] ?? null]));
  };

  r.get('/incidents/:id/recommendations', {
    schema: { operationId: 'recommendUnits', description: 'The units the caller may send, ranked by road ETA, each with the run-card tiers it would make in time, and the slots no unit can fill (`shortfall`, with a ShortfallReason). Read-only: nothing is reserved.', tags, summary: 'Units I may send, fastest by road first, with ETA and the tiers they would make', params: IdParams, querystring: RecommendationQuery, response: { 200: Recommendations } },
    config: { access: 'dispatch:assign' },
  }, async (request) => {
    const actor = actorOf(request);
    const incident = await visibleIncident(actor, request.params.id);
    const [{ byProfile }] = await Promise.all([deploymentRoadNetwork(platform.config), live.ready(), fleet.ready()]);
    const now = platform.clock();
    const recommended = await recommend(platform.db, byProfile, fleet, actor, incident, now, request.query);
    return { incidentId: incident.id, computedAt: now.toISOString(), ...recommended };
  });

  r.get('/incidents/:id/assignments', {
    schema: { operationId: 'listIncidentAssignments', tags, summary: 'The units sent to an incident and their steps', params: IdParams, response: { 200: z.array(Assignment) } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    await visibleIncident(actorOf(request), request.params.id);
    return assignmentsOf(platform.db, request.params.id);
  });

  r.post('/incidents/:id/assignments', {
    schema: { operationId: 'assignUnits', description: 'Dispatches the listed units in one transaction: if any of them is no longer available (409 DISPATCH_UNIT_UNAVAILABLE) none is sent. Pass the ids you were recommended in `recommendedUnitIds` so the audit trail shows where the dispatcher departed from the recommendation. Emits `dispatch.unit_assigned` per unit.', errors: ['DISPATCH_UNIT_UNAVAILABLE', 'INCIDENT_CLOSED', 'INCIDENT_IS_DUPLICATE'], tags, summary: 'Send units to an incident (all or none; send an Idempotency-Key)', params: IdParams, body: AssignUnitsBody, response: { 201: z.array(Assignment) } },
    config: { access: 'dispatch:assign' },
  }, async (request, reply) => {
    await live.ready();
    return reply.status(201).send(await assignUnits(platform.command, commandContext(request), request.params.id, request.body, etaOf));
  });

  r.post('/assignments/:id/actions', {
    schema: { operationId: 'advanceAssignment', description: "A unit's step on its assignment (acknowledge, en route, on scene, clear, cancel), in the order the lifecycle allows (else 409 ASSIGNMENT_TRANSITION_NOT_ALLOWED). A unit with AVL is put on scene by itself when its fix enters the incident's arrival radius. Emits `dispatch.assignment_changed`.", errors: ['ASSIGNMENT_TRANSITION_NOT_ALLOWED'], tags, summary: 'A step of a unit on an assignment: acknowledge, en route, on scene, clear, cancel', params: IdParams, body: AssignmentActionBody, response: { 200: Assignment } },
    config: { access: 'authenticated' },
  }, async (request) => advanceAssignment(platform.command, commandContext(request), request.params.id, request.body, arrivalRules));

  r.post('/assignments/:id/reassign', {
    schema: { operationId: 'reassignAssignment', errors: ['DISPATCH_REASSIGN_NOT_ALLOWED', 'DISPATCH_UNIT_UNAVAILABLE', 'ASSIGNMENT_TRANSITION_NOT_ALLOWED', 'INCIDENT_CLOSED', 'INCIDENT_IS_DUPLICATE'], tags, summary: 'Move the unit to another incident, or put another unit in its place, in one step (send an Idempotency-Key)', params: IdParams, body: ReassignBody, response: { 200: Reassignment } },
    config: { access: 'dispatch:assign' },
  }, async (request) => {
    await live.ready();
    return reassign(platform.command, commandContext(request), request.params.id, request.body, etaOf);
  });

  r.get('/reports/response-times', {
    schema: { operationId: 'getResponseTimesReport', tags: ['reports'], summary: 'Response times (p50/p90) and tier compliance of a jurisdiction subtree over a period', querystring: ResponseTimesQuery, response: { 200: ResponseTimesReport } },
    config: { access: 'incidents:read' },
  }, async (request) => responseTimes(platform.db, await reportScope(actorOf(request), request.query)));

  r.get('/reports/response-times.csv', {
    schema: { operationId: 'getResponseTimesReportCsv', tags: ['reports'], summary: 'The response-times report as CSV', querystring: ResponseTimesQuery },
    config: { access: 'incidents:read' },
  }, async (request, reply) => {
    const report = await responseTimes(platform.db, await reportScope(actorOf(request), request.query));
    return sendCsv(reply, `response-times-${report.jurisdictionPath}.csv`, responseTimesCsv(report));
  });

  r.put('/response-plans', {
    schema: { operationId: 'setResponsePlan', tags, summary: "Set a jurisdiction's run card for an incident type and priority (in force below it unless overridden)", body: SetResponsePlanBody, response: { 200: ResponsePlan } },
    config: { access: 'units:manage' },
  }, async (request) => setResponsePlan(platform.command, commandContext(request), request.body));

  r.get('/response-plans', {
    schema: { operationId: 'listResponsePlans', tags, summary: 'The run cards set in a jurisdiction subtree (default: all I see): where the tree overrides what', querystring: ResponsePlanListQuery, response: { 200: z.array(ResponsePlan) } },
    config: { access: 'units:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const under = await subtreeFilter(platform.db, actor, 'units:read', request.query.jurisdictionId);
    return listPlans(platform.db, { roots: scopeRoots(actor, 'units:read'), under, incidentType: request.query.incidentType, priority: request.query.priority });
  });

  r.get('/response-plans/in-force', {
    schema: { operationId: 'getResponsePlanInForce', tags, summary: 'The run card in force at a jurisdiction: its own, else the nearest ancestor\'s', querystring: ResponsePlanQuery, response: { 200: ResponsePlanInForce } },
    config: { access: 'units:read' },
  }, async (request) => {
    const { jurisdictionId, incidentType, priority } = request.query;
    const j = await findJurisdiction(platform.db, jurisdictionId);
    if (!j || !can(actorOf(request), 'units:read', j.path)) throw notFound('Jurisdiction');
    return { plan: await planInForce(platform.db, j.path, incidentType, priority) };
  });
}
