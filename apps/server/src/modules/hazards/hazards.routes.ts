import {
  BoardQuery, DeadlinePolicy, HazardReport, HazardReportExportQuery, HazardReportQuery, DeadlinePolicyBody, Evidence, EvidenceBody, ExtensionDecisionBody, ExtensionRequestBody, Hazard,
  HazardActionBody, HazardBoard, HazardListQuery, HazardPage, HistoryEntry, IdParams, RaiseHazardBody, SupervisionBody,
} from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import { sendStoredFile } from '../../platform/http/stored-file.js';
import type { Platform } from '../../platform/kernel.js';
import { jurisdictionNamesOf, visibleJurisdiction } from '../jurisdictions/index.js';
import { historyOf } from '../places/index.js';
import { addEvidence, evidenceContent, listEvidence } from './add-evidence.js';
import { advanceHazard } from './advance-hazard.js';
import { decideExtension } from './decide-extension.js';
import { csvField } from '../campaigns/index.js';
import { boardOf, deadlinesAt, findHazard, listHazards } from './hazards.queries.js';
import { hazardReportHtml } from './hazards-report-html.js';
import { hazardReport, hazardReportCsv, type ReportRow } from './hazards-report.js';
import { hazardReportSpeech } from './hazards-report-words.js';
import { listSupervision } from './list-supervision.js';
import { requestExtension } from './request-extension.js';
import { setDeadlinePolicy } from './set-deadline-policy.js';
import { raiseHazard } from './raise-hazard.js';
import { sendCsv } from '../../platform/http/csv-download.js';

const EvidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });

export async function hazardRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hazards'];
  const visibleHazard = async (actor: Actor, id: string) => {
    const h = await findHazard(platform.db, id, platform.clock());
    if (!h || !can(actor, 'hazards:read', h.jurisdictionPath)) throw notFound('Hazard');
    return h;
  };

  r.get('/hazards', {
    schema: { operationId: 'listHazards', tags, summary: 'Hazards in my scope, filtered', querystring: HazardListQuery, response: { 200: HazardPage } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...f } = request.query;
    const underPath = jurisdictionId ? (await visibleJurisdiction(platform.db, actor, 'hazards:read', jurisdictionId)).path : undefined;
    return listHazards(platform.db, { ...f, roots: scopeRoots(actor, 'hazards:read'), underPath }, platform.clock());
  });

  r.get('/hazards/board', {
    schema: { operationId: 'getHazardBoard', tags, summary: "A jurisdiction's board: overdue hazards of its subtree and those it supervises", querystring: BoardQuery, response: { 200: HazardBoard } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'hazards:read', request.query.jurisdictionId);
    return boardOf(platform.db, j.path, platform.clock(), request.query.limit);
  });

  r.get('/hazards/report', {
    schema: { operationId: 'getHazardReport', tags, summary: 'Hazards found, fixed, open and overdue by child jurisdiction', querystring: HazardReportQuery, response: { 200: HazardReport } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    const { jurisdictionId, from, to } = request.query;
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'hazards:read', jurisdictionId);
    return { from, to, ...(await hazardReport(platform.db, j.path, new Date(from), new Date(to), platform.clock())) };
  });

  /** The export's words: the reader's language and zone, and every jurisdiction of the report by its name. */
  const speech = async (report: { total: ReportRow; rows: ReportRow[] }, q: HazardReportExportQuery) =>
    hazardReportSpeech(q.lang, q.timeZone, await jurisdictionNamesOf(platform.db, [report.total, ...report.rows].map((r) => r.jurisdictionPath)));

  r.get('/hazards/report.csv', {
    schema: { operationId: 'getHazardReportCsv', tags, summary: 'The hazard report as CSV, in the language asked for (paths and counts as they are)', querystring: HazardReportExportQuery },
    config: { access: 'hazards:read' },
  }, async (request, reply) => {
    const { jurisdictionId, from, to } = request.query;
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'hazards:read', jurisdictionId);
    const report = await hazardReport(platform.db, j.path, new Date(from), new Date(to), platform.clock());
    return sendCsv(reply, `hazards-${j.path}.csv`, hazardReportCsv(report, await speech(report, request.query), csvField));
  });

  r.get('/hazards/report.html', {
    schema: { operationId: 'getHazardReportHtml', tags, summary: 'The hazard report as a printable page, in the language and time zone asked for', querystring: HazardReportExportQuery },
    config: { access: 'hazards:read' },
  }, async (request, reply) => {
    const { jurisdictionId, from, to } = request.query;
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'hazards:read', jurisdictionId);
    const now = platform.clock();
    const report = await hazardReport(platform.db, j.path, new Date(from), new Date(to), now);
    return reply.type('text/html; charset=utf-8').send(hazardReportHtml(report, { from, to }, now, await speech(report, request.query)));
  });

  r.get('/hazards/:id', {
    schema: { operationId: 'getHazard', tags, summary: 'One hazard with its extension requests', params: IdParams, response: { 200: Hazard } },
    config: { access: 'hazards:read' },
  }, async (request) => visibleHazard(actorOf(request), request.params.id));

  r.get('/hazards/:id/history', {
    schema: { operationId: 'getHazardHistory', tags, summary: 'Every step of a hazard, oldest first', params: IdParams, response: { 200: z.array(HistoryEntry) } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    await visibleHazard(actorOf(request), request.params.id);
    return historyOf(platform.db, 'hazard', request.params.id);
  });

  r.post('/hazards', {
    schema: { operationId: 'raiseHazard', tags, summary: 'Raise a hazard at a place', body: RaiseHazardBody, response: { 201: Hazard } },
    config: { access: 'hazards:manage' },
  }, async (request, reply) => reply.status(201).send(await raiseHazard(platform.command, commandContext(request), request.body)));

  r.post('/hazards/:id/actions', {
    schema: { operationId: 'actOnHazard', errors: ['HAZARD_TRANSITION_NOT_ALLOWED'], tags, summary: 'A step of rectification: start, submit, reject, verify, close', params: IdParams, body: HazardActionBody, response: { 200: Hazard } },
    config: { access: 'hazards:read' },
  }, async (request) => advanceHazard(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/hazards/:id/extensions', {
    schema: { operationId: 'requestHazardExtension', errors: ['HAZARD_TRANSITION_NOT_ALLOWED'], tags, summary: 'Ask for a later deadline', params: IdParams, body: ExtensionRequestBody, response: { 201: Hazard } },
    config: { access: 'hazards:manage' },
  }, async (request, reply) => reply.status(201).send(await requestExtension(platform.command, commandContext(request), request.params.id, request.body)));

  r.post('/hazards/:id/extensions/decision', {
    schema: { operationId: 'decideHazardExtension', errors: ['HAZARD_TRANSITION_NOT_ALLOWED'], tags, summary: 'Approve or deny the pending extension request', params: IdParams, body: ExtensionDecisionBody, response: { 200: Hazard } },
    config: { access: 'hazards:verify' },
  }, async (request) => decideExtension(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/hazards/:id/supervision', {
    schema: { operationId: 'listHazardForSupervision', errors: ['HAZARD_TRANSITION_NOT_ALLOWED'], tags, summary: 'List a major hazard for supervision by a higher level', params: IdParams, body: SupervisionBody, response: { 200: Hazard } },
    config: { access: 'hazards:verify' },
  }, async (request) => listSupervision(platform.command, commandContext(request), request.params.id, request.body.jurisdictionId));

  r.get('/hazards/:id/evidence', {
    schema: { operationId: 'listHazardEvidence', tags, summary: 'Photos and documents of a hazard', params: IdParams, response: { 200: z.array(Evidence) } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    await visibleHazard(actorOf(request), request.params.id);
    return listEvidence(platform.db, request.params.id);
  });

  r.post('/hazards/:id/evidence', {
    schema: { operationId: 'attachHazardEvidence', errors: ['UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_NOT_ALLOWED', 'HAZARD_TRANSITION_NOT_ALLOWED'], tags, summary: 'Attach a photo or document (JSON, base64; JPEG, PNG, WebP or PDF up to 512 KiB)', params: IdParams, body: EvidenceBody, response: { 201: Evidence } },
    config: { access: 'hazards:manage' },
  }, async (request, reply) => reply.status(201).send(await addEvidence(platform.command, commandContext(request), request.params.id, request.body)));

  r.get('/hazards/:id/evidence/:evidenceId/content', {
    schema: { operationId: 'getHazardEvidenceContent', tags, summary: 'The bytes of one evidence file', params: EvidenceParams },
    config: { access: 'hazards:read' },
  }, async (request, reply) => {
    await visibleHazard(actorOf(request), request.params.id);
    const file = await evidenceContent(platform.db, request.params.id, request.params.evidenceId);
    if (!file) throw notFound('Evidence');
    return sendStoredFile(reply, file);
  });

  r.get('/hazard-deadlines/:id', {
    schema: { operationId: 'getHazardDeadlines', tags, summary: 'Deadlines by grade in force at a jurisdiction', params: IdParams, response: { 200: DeadlinePolicy } },
    config: { access: 'hazards:read' },
  }, async (request) => {
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'hazards:read', request.params.id);
    const d = await deadlinesAt(platform.db, j.path);
    return { jurisdictionPath: j.path, definedAt: d.definedAt, generalDays: d.generalDays, majorDays: d.majorDays };
  });

  r.put('/hazard-deadlines/:id', {
    schema: { operationId: 'setHazardDeadlines', tags, summary: 'Set deadlines by grade for a jurisdiction and its subtree (new hazards)', params: IdParams, body: DeadlinePolicyBody, response: { 200: DeadlinePolicy } },
    config: { access: 'hazards:configure' },
  }, async (request) => setDeadlinePolicy(platform.command, commandContext(request), request.params.id, request.body));
}
