import { IdParams, Inspection, InspectionListQuery, RecordInspectionBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findInspection, listInspections } from './inspections.queries.js';
import { recordInspection } from './record-inspection.js';

export async function inspectionRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];

  r.post('/inspections', {
    schema: { tags, summary: 'Record an inspection; failed items raise hazards', body: RecordInspectionBody, response: { 201: Inspection } },
    config: { access: 'inspections:record' },
  }, async (request, reply) => reply.status(201).send(await recordInspection(platform.command, commandContext(request), request.body)));

  r.get('/inspections', {
    schema: { tags, summary: 'Inspections in my scope', querystring: InspectionListQuery, response: { 200: z.object({ items: z.array(Inspection), nextCursor: z.string().nullable() }) } },
    config: { access: 'places:read' },
  }, async (request) => listInspections(platform.db, { ...request.query, roots: scopeRoots(actorOf(request), 'places:read') }));

  r.get('/inspections/:id', {
    schema: { tags, summary: 'One inspection', params: IdParams, response: { 200: Inspection } },
    config: { access: 'places:read' },
  }, async (request) => {
    const i = await findInspection(platform.db, request.params.id);
    if (!i || !can(actorOf(request), 'places:read', i.jurisdictionPath)) throw notFound('Inspection');
    return i;
  });
}
