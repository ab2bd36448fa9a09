import { IdParams, RecordVisitBody, SupervisionVisit, VisitListQuery, VisitPage } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { visibleJurisdiction } from '../jurisdictions/index.js';
import { recordVisit } from './record-visit.js';
import { findVisit, listVisits } from './supervision.queries.js';

/** Visits are seen by whoever sees the hazards of the subject's jurisdiction: their corrections are hazard records. */
const SEE = 'hazards:read';

export async function supervisionRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  r.get('/supervision/visits', {
    schema: { operationId: 'listSupervisionVisits', tags, summary: 'Supervision visits in my scope, newest first', querystring: VisitListQuery, response: { 200: VisitPage } },
    config: { access: SEE },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...f } = request.query;
    const underPath = jurisdictionId ? (await visibleJurisdiction(platform.db, actor, SEE, jurisdictionId)).path : undefined;
    return listVisits(platform.db, { ...f, roots: scopeRoots(actor, SEE), underPath }, platform.clock());
  });

  r.get('/supervision/visits/:id', {
    schema: { operationId: 'getSupervisionVisit', tags, summary: 'One visit with its findings and where each required correction stands', params: IdParams, response: { 200: SupervisionVisit } },
    config: { access: SEE },
  }, async (request) => {
    const v = await findVisit(platform.db, request.params.id, platform.clock());
    if (!v || !can(actorOf(request), SEE, v.jurisdictionPath)) throw notFound('Supervision visit');
    return v;
  });

  r.post('/supervision/visits', {
    schema: {
      operationId: 'recordSupervisionVisit', tags, summary: 'Record a supervision visit of a task, a unit or a place; each required correction becomes a hazard record to rectify',
      body: RecordVisitBody, response: { 201: SupervisionVisit },
    },
    config: { access: 'supervision:record' },
  }, async (request, reply) => reply.status(201).send(await recordVisit(platform.command, commandContext(request), request.body)));
}
