import {
  AddMajorPointBody, AssignTrafficPointBody, ExerciseStarted, StartExerciseBody, MajorPoint, TakeTrafficPointBody, TrafficPointOffer, AlertDraft, AlertDraftParams, AlertParams, CancelAlertBody, IssueAlertBody, MajorPointParams, PublicAlert, RejectAlertDraftBody,
  AfterActionReport, MajorHospitals, CasualtyCounts, ChangeLevelBody, CordonBody, CordonParams, CreatePositionBody, DeclareMajorIncidentBody, HandPositionBody, IdParams, MajorIncident,
  MajorIncidentListQuery, MajorIncidentSummary, SitrepRollup, SitrepRollupQuery, PositionParams, ReleaseUnitParams, ReportUpBody, ResponseLevelRule, SectorUnitParams, Sitrep, SitrepBody,
} from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { addPoint } from './add-point.js';
import { assignTrafficPoint } from './assign-traffic-point.js';
import { takeTrafficPoint } from './take-traffic-point.js';
import { exerciseRunnerOf } from './start-exercise.js';
import { trafficPointOffers } from './traffic-offers.queries.js';
import { afterAction, afterActionCsv } from './after-action.js';
import { alertsOf } from './alerts.queries.js';
import { draftsOf } from './alert-drafts.queries.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { hospitalsFor } from './hospitals.js';
import { approveAlertDraft } from './approve-alert.js';
import { composeAlert } from './compose-alert.js';
import { rejectAlertDraft } from './reject-alert-draft.js';
import { liftCordon } from './lift-cordon.js';
import { removePoint } from './remove-point.js';
import { assignUnit } from './assign-unit.js';
import { changeLevel } from './change-level.js';
import { createPosition } from './create-position.js';
import { declareMajorIncident } from './declare-major-incident.js';
import { handPosition } from './hand-position.js';
import { canSeeMajor } from './major-incidents.access.js';
import { listMajorIncidents, majorRow, presentMajor, sitrepsOf } from './major-incidents.queries.js';
import { releaseUnit } from './release-unit.js';
import { sitrepRollup } from './rollup.queries.js';
import { reportUp } from './report-up.js';
import { setCordon } from './set-cordon.js';
import { StandDownBody, standDown } from './stand-down.js';
import { submitSitrep } from './submit-sitrep.js';
import { updateCasualties } from './update-casualties.js';
import { sendCsv } from '../../platform/http/csv-download.js';

const Settings = z.object({
  levels: z.array(ResponseLevelRule), reportUpMinutes: z.object({ first: z.number(), written: z.number() }), sitrepIntervalMinutes: z.number(),
  /** The languages every public alert is written in (one text each). */
  alertLanguages: z.array(z.string()),
});

export async function majorIncidentRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['major-incidents'];
  const cfg = platform.config.majorIncidents;
  // The car graph: where roads cross the outer cordon (its traffic control points).
  const roads = async () => (await deploymentRoadNetwork(platform.config)).graph;
  const visible = async (actor: Actor, id: string) => {
    const row = await majorRow(platform.db, id);
    if (!row || !canSeeMajor(actor, row)) throw notFound('Major incident');
    return row;
  };

  r.get('/major-incidents/settings', {
    schema: { operationId: 'getMajorIncidentSettings', tags, summary: 'Response levels (names, commanding level, casualty thresholds), report-up minutes, SITREP interval and alert languages', response: { 200: Settings } },
    config: { access: 'incidents:read' },
  }, async () => ({ ...cfg, alertLanguages: platform.config.publicAlerts.languages }));

  r.get('/major-incidents', {
    schema: { operationId: 'listMajorIncidents', tags, summary: 'Major incidents where I read incidents, newest first (exercise=false for live only)', querystring: MajorIncidentListQuery, response: { 200: z.array(MajorIncidentSummary) } },
    config: { access: 'incidents:read' },
  }, async (request) => listMajorIncidents(platform.db, scopeRoots(actorOf(request), 'incidents:read'), request.query));

  r.get('/major-incidents/rollup', {
    schema: { operationId: 'getSitrepRollup', tags, summary: 'SITREP roll-up of every active major incident where I read incidents: each with its latest SITREP, totals and by area one level below mine', querystring: SitrepRollupQuery, response: { 200: SitrepRollup } },
    config: { access: 'incidents:read' },
  }, async (request) => sitrepRollup(platform.db, scopeRoots(actorOf(request), 'incidents:read'), request.query.exercise, platform.clock()));

  r.get('/major-incidents/traffic-point-offers', {
    schema: { operationId: 'listTrafficPointOffers', tags, summary: 'Open traffic control points offered to my patrol units near them (in the commanding jurisdiction or one of its sectors), nearest first', response: { 200: z.array(TrafficPointOffer) } },
    config: { access: 'dispatch:respond' },
  }, async (request) => trafficPointOffers(platform.db, actorOf(request)));

  r.get('/major-incidents/:id', {
    schema: { operationId: 'getMajorIncident', tags, summary: 'One major incident with its command structure, sectors, units and casualty tally', params: IdParams, response: { 200: MajorIncident } },
    config: { access: 'incidents:read' },
  }, async (request) => presentMajor(platform.db, await visible(actorOf(request), request.params.id), platform.clock()));

  r.get('/major-incidents/:id/sitreps', {
    schema: { operationId: 'listSitreps', tags, summary: 'Its situation reports, newest first', params: IdParams, response: { 200: z.array(Sitrep) } },
    config: { access: 'incidents:read' },
  }, async (request) => sitrepsOf(platform.db, (await visible(actorOf(request), request.params.id)).id));

  r.get('/major-incidents/:id/after-action', {
    schema: { operationId: 'getAfterActionReport', tags, summary: 'After-action report: clocks met or missed, SITREPs, units over time, timeline from the audit trail', params: IdParams, response: { 200: AfterActionReport } },
    config: { access: 'incidents:read' },
  }, async (request) => afterAction(platform.db, await visible(actorOf(request), request.params.id), platform.clock()));

  r.get('/major-incidents/:id/after-action.csv', {
    schema: { operationId: 'getAfterActionTimelineCsv', tags, summary: 'The after-action timeline as CSV', params: IdParams },
    config: { access: 'incidents:read' },
  }, async (request, reply) => {
    const report = await afterAction(platform.db, await visible(actorOf(request), request.params.id), platform.clock());
    return sendCsv(reply, `after-action-${report.majorIncident.id}.csv`, afterActionCsv(report));
  });

  r.post('/major-incidents', {
    schema: { operationId: 'declareMajorIncident', errors: ['INCIDENT_CLOSED', 'MAJOR_INCIDENT_ALREADY_DECLARED', 'NO_JURISDICTION_AT_POINT'], tags, summary: 'Declare a major incident from an incident or at a point', body: DeclareMajorIncidentBody, response: { 201: MajorIncident } },
    config: { access: 'dispatch:assign' },
  }, async (request, reply) => reply.status(201).send(await declareMajorIncident(platform.command, commandContext(request), request.body, cfg)));

  // The scripted exercise played by this node over its timeline; closing the node stops it before its next step.
  const exercises = exerciseRunnerOf(platform, app.log);
  app.addHook('onClose', async () => exercises.close());
  r.post('/major-incidents/exercises/gas-explosion', {
    schema: { operationId: 'startGasExplosionExercise', errors: ['MAJOR_INCIDENT_EXERCISE_RUNNING', 'NO_JURISDICTION_AT_POINT'], tags, summary: 'Start the scripted gas-explosion exercise on this server: calls arrive, the major incident is declared and run over ten minutes (at speed 1), marked exercise everywhere', body: StartExerciseBody, response: { 202: ExerciseStarted } },
    config: { access: 'directives:issue' },
  }, async (request, reply) => reply.status(202).send(await exercises.start(actorOf(request), request.body)));

  r.put('/major-incidents/:id/level', {
    schema: { operationId: 'changeMajorIncidentLevel', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Raise or lower the response level, with a reason', params: IdParams, body: ChangeLevelBody, response: { 200: MajorIncident } },
  }, async (request) => changeLevel(platform.command, commandContext(request), request.params.id, request.body, cfg));

  r.post('/major-incidents/:id/reports-up', {
    schema: { operationId: 'reportMajorIncidentUp', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Record the first or the written report to the level above (meets the report-up clock)', params: IdParams, body: ReportUpBody, response: { 200: MajorIncident } },
  }, async (request) => reportUp(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/major-incidents/:id/positions', {
    schema: { operationId: 'createCommandPosition', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_POSITION_TAKEN', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Add the incident commander, a section or a sector, held by a post', params: IdParams, body: CreatePositionBody, response: { 200: MajorIncident } },
  }, async (request) => createPosition(platform.command, commandContext(request), request.params.id, request.body));

  r.put('/major-incidents/:id/positions/:positionId/post', {
    schema: { operationId: 'handCommandPosition', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Hand a position to another post', params: PositionParams, body: HandPositionBody, response: { 200: MajorIncident } },
  }, async (request) => handPosition(platform.command, commandContext(request), request.params.id, request.params.positionId, request.body));

  r.put('/major-incidents/:id/positions/:positionId/units/:unitId', {
    schema: { operationId: 'assignUnitToSector', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NOT_A_SECTOR', 'MAJOR_INCIDENT_UNIT_ELSEWHERE', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Assign a unit to a sector (or move it there from another)', params: SectorUnitParams, response: { 200: MajorIncident } },
  }, async (request) => assignUnit(platform.command, commandContext(request), request.params.id, request.params.positionId, request.params.unitId));

  r.delete('/major-incidents/:id/units/:unitId', {
    schema: { operationId: 'releaseUnitFromSector', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NOT_A_SECTOR', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Release a unit from its sector', params: ReleaseUnitParams, response: { 200: MajorIncident } },
  }, async (request) => releaseUnit(platform.command, commandContext(request), request.params.id, request.params.unitId));

  r.put('/major-incidents/:id/positions/:positionId/casualties', {
    schema: { operationId: 'reportSectorCasualties', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NOT_A_SECTOR', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: "A sector's casualty counts by triage category (counts only)", params: PositionParams, body: CasualtyCounts, response: { 200: MajorIncident } },
  }, async (request) => updateCasualties(platform.command, commandContext(request), request.params.id, request.params.positionId, request.body));

  r.put('/major-incidents/:id/cordons/:kind', {
    schema: { operationId: 'setCordon', errors: ['GEOMETRY_INVALID', 'MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Draw the inner or outer cordon (a polygon, or a radius around the point); key places inside are counted', params: CordonParams, body: CordonBody, response: { 200: MajorIncident } },
  }, async (request) => setCordon(platform.command, commandContext(request), request.params.id, request.params.kind, request.body, roads));

  r.delete('/major-incidents/:id/cordons/:kind', {
    schema: { operationId: 'liftCordon', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NO_CORDON', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Lift a cordon (the roads it closed open again)', params: CordonParams, response: { 200: MajorIncident } },
  }, async (request) => liftCordon(platform.command, commandContext(request), request.params.id, request.params.kind));

  r.post('/major-incidents/:id/points', {
    schema: { operationId: 'addMajorIncidentPoint', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Add a staging area, traffic control point, access or evacuation point', params: IdParams, body: AddMajorPointBody, response: { 200: MajorIncident } },
  }, async (request) => addPoint(platform.command, commandContext(request), request.params.id, request.body));

  r.delete('/major-incidents/:id/points/:pointId', {
    schema: { operationId: 'removeMajorIncidentPoint', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Remove a point no longer in use', params: MajorPointParams, response: { 200: MajorIncident } },
  }, async (request) => removePoint(platform.command, commandContext(request), request.params.id, request.params.pointId));

  r.put('/major-incidents/:id/points/:pointId/patrol', {
    schema: { operationId: 'assignTrafficPointPatrol', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NOT_A_PATROL', 'MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT', 'MAJOR_INCIDENT_STOOD_DOWN', 'MAJOR_INCIDENT_UNIT_ELSEWHERE'], tags, summary: 'Give a traffic control point to a patrol unit (or take the patrol off with unitId null)', params: MajorPointParams, body: AssignTrafficPointBody, response: { 200: MajorIncident } },
  }, async (request) => assignTrafficPoint(platform.command, commandContext(request), request.params.id, request.params.pointId, request.body));

  r.post('/major-incidents/:id/points/:pointId/take', {
    schema: { operationId: 'takeTrafficPoint', errors: ['MAJOR_INCIDENT_NOT_A_PATROL', 'MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT', 'MAJOR_INCIDENT_PATROL_NOT_NEAR', 'MAJOR_INCIDENT_POINT_HELD', 'MAJOR_INCIDENT_STOOD_DOWN', 'MAJOR_INCIDENT_UNIT_ELSEWHERE'], tags, summary: 'A patrol takes an open traffic control point offered to it (by its crew, or a dispatcher for it)', params: MajorPointParams, body: TakeTrafficPointBody, response: { 200: MajorPoint } },
    config: { access: 'dispatch:respond' },
  }, async (request) => takeTrafficPoint(platform.command, commandContext(request), request.params.id, request.params.pointId, request.body));

  r.get('/major-incidents/:id/hospitals', {
    schema: { operationId: 'listMajorIncidentHospitals', tags, summary: 'Hospitals by road travel time for an ambulance, with their distance, from the scene (or its staging or access point while a cordon closes the roads)', params: IdParams, response: { 200: MajorHospitals } },
  }, async (request) => {
    const row = await visible(actorOf(request), request.params.id);
    return hospitalsFor(platform.db, (await deploymentRoadNetwork(platform.config)).byProfile, row);
  });

  r.get('/major-incidents/:id/alerts', {
    schema: { operationId: 'listPublicAlerts', tags, summary: 'Its public alerts: every CAP message, newest first', params: IdParams, response: { 200: z.array(PublicAlert) } },
    config: { access: 'incidents:read' },
  }, async (request) => alertsOf(platform.db, (await visible(actorOf(request), request.params.id)).id));

  // Two-person approval: these three compose a draft (201, nothing public yet); approving it publishes.
  const alertErrors = ['GEOMETRY_INVALID', 'MAJOR_INCIDENT_ALERT_LANGUAGES', 'MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', 'MAJOR_INCIDENT_NO_CORDON', 'MAJOR_INCIDENT_STOOD_DOWN'] as const;
  const settings = platform.config.publicAlerts;
  r.post('/major-incidents/:id/alerts', {
    schema: { operationId: 'draftPublicAlert', errors: [...alertErrors], tags, summary: 'Compose a public alert (CAP 1.2 Alert) over a cordon or a drawn area, in every alert language, as a draft for a second person to approve', params: IdParams, body: IssueAlertBody, response: { 201: AlertDraft } },
  }, async (request, reply) => reply.status(201).send(await composeAlert(platform.command, commandContext(request), request.params.id, { msgType: 'Alert', alert: request.body }, settings)));

  r.post('/major-incidents/:id/alerts/:alertId/updates', {
    schema: { operationId: 'draftPublicAlertUpdate', errors: [...alertErrors, 'MAJOR_INCIDENT_ALERT_NOT_FOUND', 'MAJOR_INCIDENT_ALERT_CANCELLED'], tags, summary: 'Compose an update of a public alert (CAP Update referencing the earlier messages) as a draft; the body is the alert as it now stands', params: AlertParams, body: IssueAlertBody, response: { 201: AlertDraft } },
  }, async (request, reply) => reply.status(201).send(await composeAlert(platform.command, commandContext(request), request.params.id, { msgType: 'Update', alertId: request.params.alertId, alert: request.body }, settings)));

  r.post('/major-incidents/:id/alerts/:alertId/cancel', {
    schema: { operationId: 'draftPublicAlertCancel', errors: ['MAJOR_INCIDENT_ALERT_NOT_FOUND', 'MAJOR_INCIDENT_ALERT_CANCELLED', 'MAJOR_INCIDENT_CHANGE_NOT_ALLOWED'], tags, summary: 'Compose the cancel of a public alert (CAP Cancel) as a draft; allowed after the stand-down', params: AlertParams, body: CancelAlertBody, response: { 201: AlertDraft } },
  }, async (request, reply) => reply.status(201).send(await composeAlert(platform.command, commandContext(request), request.params.id, { msgType: 'Cancel', alertId: request.params.alertId, cancel: request.body }, settings)));

  r.get('/major-incidents/:id/alert-drafts', {
    schema: { operationId: 'listPublicAlertDrafts', tags, summary: 'Its public alert drafts, newest first: pending ones await a second person', params: IdParams, response: { 200: z.array(AlertDraft) } },
  }, async (request) => draftsOf(platform.db, (await visible(actorOf(request), request.params.id)).id));

  const decided = ['MAJOR_INCIDENT_ALERT_DRAFT_NOT_FOUND', 'MAJOR_INCIDENT_ALERT_DRAFT_DECIDED'] as const;
  r.post('/major-incidents/:id/alert-drafts/:draftId/approve', {
    schema: { operationId: 'approvePublicAlertDraft', errors: [...alertErrors, ...decided, 'MAJOR_INCIDENT_ALERT_SELF_APPROVAL', 'MAJOR_INCIDENT_ALERT_NOT_FOUND', 'MAJOR_INCIDENT_ALERT_CANCELLED'], tags, summary: 'Approve a public alert draft as the second person (not its composer): publishes it at once as CAP 1.2', params: AlertDraftParams, response: { 201: PublicAlert } },
  }, async (request, reply) => reply.status(201).send(await approveAlertDraft(platform.command, commandContext(request), request.params.id, request.params.draftId, settings)));

  r.post('/major-incidents/:id/alert-drafts/:draftId/reject', {
    schema: { operationId: 'rejectPublicAlertDraft', errors: [...decided], tags, summary: 'Reject a public alert draft with a reason (its composer may withdraw it so); it is never published', params: AlertDraftParams, body: RejectAlertDraftBody, response: { 200: AlertDraft } },
  }, async (request) => rejectAlertDraft(platform.command, commandContext(request), request.params.id, request.params.draftId, request.body));

  r.post('/major-incidents/:id/sitreps', {
    schema: { operationId: 'submitSitrep', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_NO_COMMANDER', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: "Submit a situation report for the incident commander's post", params: IdParams, body: SitrepBody, response: { 201: Sitrep } },
  }, async (request, reply) => reply.status(201).send(await submitSitrep(platform.command, commandContext(request), request.params.id, request.body)));

  r.post('/major-incidents/:id/stand-down', {
    schema: { operationId: 'standDownMajorIncident', errors: ['MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', 'MAJOR_INCIDENT_STOOD_DOWN'], tags, summary: 'Stand the major incident down (clocks stop, units released)', params: IdParams, body: StandDownBody, response: { 200: MajorIncident } },
  }, async (request) => standDown(platform.command, commandContext(request), request.params.id, request.body));
}
