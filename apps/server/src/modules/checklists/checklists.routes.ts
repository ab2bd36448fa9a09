import { ChecklistDefinition, ChecklistListQuery, ChecklistTemplate, IdParams } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findTemplate, listTemplates } from './checklists.queries.js';
import { publishChecklist } from './publish-checklist.js';

export async function checklistRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['checklists'];

  r.get('/checklists', {
    schema: { operationId: 'listChecklists', tags, summary: 'Checklists (latest versions, or all with all=true), optionally for one place category', querystring: ChecklistListQuery, response: { 200: z.array(ChecklistTemplate) } },
    config: { access: 'places:read' },
  }, async (request) => listTemplates(platform.db, { category: request.query.category, all: request.query.all === 'true' }));

  r.get('/checklists/:id', {
    schema: { operationId: 'getChecklist', tags, summary: 'One version of a checklist', params: IdParams, response: { 200: ChecklistTemplate } },
    config: { access: 'places:read' },
  }, async (request) => (await findTemplate(platform.db, request.params.id)) ?? Promise.reject(notFound('Checklist')));

  r.post('/checklists', {
    schema: { operationId: 'publishChecklist', tags, summary: 'Publish a checklist, or the next version of one (national)', body: ChecklistDefinition, response: { 201: ChecklistTemplate } },
    config: { access: 'checklists:manage' },
  }, async (request, reply) => reply.status(201).send(await publishChecklist(platform.command, commandContext(request), request.body)));
}
