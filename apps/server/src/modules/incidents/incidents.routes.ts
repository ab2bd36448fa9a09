import { CloseIncidentBody, CreateIncidentBody, IdParams, Incident, IncidentListQuery, IncidentPage, LinkDuplicateBody, PossibleDuplicates, PossibleDuplicatesQuery, TimelineEntry } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { historyOf } from '../places/index.js';
import { findIncidentRow, listIncidents, presentIncident } from './incidents.queries.js';
import { possibleDuplicates } from './duplicates.js';
import { closeIncident } from './close-incident.js';
import { linkDuplicate, unlinkDuplicate } from './link-duplicate.js';
import { openIncident } from './open-incident.js';
import { purgeCaller } from './purge-caller.js';

export async function incidentRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/incidents', {
    schema: { operationId: 'listIncidents', description: 'A page of the incidents of the jurisdictions in your scope, newest first; filter by jurisdiction subtree, state and origin (live, historical, simulated). Follow `nextCursor` for the next page. For live changes, listen to the stream instead of polling.', tags, summary: 'Incidents in my scope, newest first', querystring: IncidentListQuery, response: { 200: IncidentPage } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...f } = request.query;
    const underPath = await subtreeFilter(platform.db, actor, 'incidents:read', jurisdictionId);
    return listIncidents(platform.db, { ...f, roots: scopeRoots(actor, 'incidents:read'), underPath });
  });

  r.get('/incidents/:id', {
    schema: { operationId: 'getIncident', tags, summary: 'One incident with its response clock', params: IdParams, response: { 200: Incident } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const row = await findIncidentRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    return presentIncident(row);
  });

  r.get('/incidents/:id/timeline', {
    schema: { operationId: 'getIncidentTimeline', tags, summary: 'Everything that happened to an incident, oldest first', params: IdParams, response: { 200: z.array(TimelineEntry) } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const row = await findIncidentRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    return historyOf(platform.db, 'incident', request.params.id);
  });

  r.post('/incidents', {
    schema: { operationId: 'createIncident', description: "The call-taker's command. The incident's jurisdiction is the deepest one whose boundary holds `location` (404 NO_JURISDICTION_AT_POINT outside every one), and its response clock starts at the call. Subscribers of the stream receive `incidents.opened`; ask `recommendUnits` next. Send an Idempotency-Key: a retried request creates no second incident.", errors: ['NO_JURISDICTION_AT_POINT'], tags, summary: 'Take an emergency report; the clock starts at the call', body: CreateIncidentBody, response: { 201: Incident } },
    config: { access: 'incidents:create' },
  }, async (request, reply) => reply.status(201).send(await openIncident(platform.command, commandContext(request), request.body, platform.config.responseTiers)));

  r.get('/incidents/possible-duplicates', {
    schema: { operationId: 'findPossibleDuplicates', tags, summary: 'At intake: incidents of the same type nearby and close in time, nearest first', querystring: PossibleDuplicatesQuery, response: { 200: PossibleDuplicates } },
    config: { access: 'incidents:create' },
  }, async (request) => {
    const { type, lon, lat, receivedAt } = request.query;
    // The API takes live calls only (the simulator opens its own): so are the candidates.
    const probe = { type, origin: 'live' as const, lon, lat, receivedAt: receivedAt ? new Date(receivedAt) : platform.clock() };
    return possibleDuplicates(platform.db, scopeRoots(actorOf(request), 'incidents:read'), probe, platform.config.duplicates);
  });

  r.get('/incidents/:id/duplicates', {
    schema: { operationId: 'listIncidentDuplicates', tags, summary: 'Possible duplicates of an incident (same type, nearby, close in time), nearest first', params: IdParams, response: { 200: PossibleDuplicates } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await findIncidentRow(platform.db, request.params.id);
    if (!row || !can(actor, 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    const probe = { type: row.type, origin: row.origin, lon: Number(row.lon), lat: Number(row.lat), receivedAt: row.receivedAt, excludeId: row.id };
    return possibleDuplicates(platform.db, scopeRoots(actor, 'incidents:read'), probe, platform.config.duplicates);
  });

  r.put('/incidents/:id/duplicate-of', {
    schema: { operationId: 'linkDuplicateIncident', errors: ['INCIDENT_DUPLICATE_NOT_ALLOWED', 'INCIDENT_CLOSED', 'INCIDENT_IS_DUPLICATE'], tags, summary: 'Link the incident as a duplicate of another: its own clock stops', params: IdParams, body: LinkDuplicateBody, response: { 200: Incident } },
    config: { access: 'incidents:create' },
  }, async (request) => linkDuplicate(platform.command, commandContext(request), request.params.id, request.body));

  r.delete('/incidents/:id/duplicate-of', {
    schema: { operationId: 'unlinkDuplicateIncident', errors: ['INCIDENT_NOT_DUPLICATE', 'INCIDENT_CLOSED'], tags, summary: 'Undo a duplicate link: the incident runs its own clock again from the call', params: IdParams, response: { 200: Incident } },
    config: { access: 'incidents:create' },
  }, async (request) => unlinkDuplicate(platform.command, commandContext(request), request.params.id));

  r.post('/incidents/:id/close', {
    schema: { operationId: 'closeIncident', description: 'Refused with 409 INCIDENT_UNITS_COMMITTED while a unit is still on its way or on scene: clear or cancel its assignment first. Emits `incidents.closed`; closing a closed incident again answers INCIDENT_CLOSED.', errors: ['INCIDENT_UNITS_COMMITTED', 'INCIDENT_CLOSED', 'INCIDENT_IS_DUPLICATE'], tags, summary: 'Close the incident with its disposition, once every unit has cleared or been cancelled (send an Idempotency-Key)', params: IdParams, body: CloseIncidentBody, response: { 200: Incident } },
    config: { access: 'dispatch:assign' },
  }, async (request) => closeIncident(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/incidents/:id/purge-caller', {
    schema: { operationId: 'purgeIncidentCaller', tags, summary: "Remove the caller's call-back number for good", params: IdParams, response: { 200: Incident } },
    config: { access: 'incidents:create' },
  }, async (request) => purgeCaller(platform.command, commandContext(request), request.params.id));
}
