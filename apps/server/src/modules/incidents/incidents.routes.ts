import { CreateIncidentBody, IdParams, Incident, IncidentListQuery, IncidentPage, TimelineEntry } from '@firebreak/contracts';
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
import { openIncident } from './open-incident.js';
import { purgeCaller } from './purge-caller.js';

export async function incidentRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/incidents', {
    schema: { tags, summary: 'Incidents in my scope, newest first', querystring: IncidentListQuery, response: { 200: IncidentPage } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...f } = request.query;
    const underPath = await subtreeFilter(platform.db, actor, 'incidents:read', jurisdictionId);
    return listIncidents(platform.db, { ...f, roots: scopeRoots(actor, 'incidents:read'), underPath });
  });

  r.get('/incidents/:id', {
    schema: { tags, summary: 'One incident with its response clock', params: IdParams, response: { 200: Incident } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const row = await findIncidentRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    return presentIncident(row);
  });

  r.get('/incidents/:id/timeline', {
    schema: { tags, summary: 'Everything that happened to an incident, oldest first', params: IdParams, response: { 200: z.array(TimelineEntry) } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const row = await findIncidentRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'incidents:read', row.jurisdictionPath)) throw notFound('Incident');
    return historyOf(platform.db, 'incident', request.params.id);
  });

  r.post('/incidents', {
    schema: { tags, summary: 'Take an emergency report; the clock starts at the call', body: CreateIncidentBody, response: { 201: Incident } },
    config: { access: 'incidents:create' },
  }, async (request, reply) => reply.status(201).send(await openIncident(platform.command, commandContext(request), request.body, platform.config.responseTiers)));

  r.post('/incidents/:id/purge-caller', {
    schema: { tags, summary: "Remove the caller's call-back number for good", params: IdParams, response: { 200: Incident } },
    config: { access: 'incidents:create' },
  }, async (request) => purgeCaller(platform.command, commandContext(request), request.params.id));
}
