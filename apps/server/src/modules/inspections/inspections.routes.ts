import { Attachment, AttachmentBody, IdParams, Inspection, InspectionListQuery, RecordInspectionBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { attachFile, attachmentContent, listAttachments } from './attach-file.js';
import { findInspection, listInspections } from './inspections.queries.js';
import { recordInspection } from './record-inspection.js';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export async function inspectionRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];
  const visibleInspection = async (actor: Actor, id: string) => {
    const i = await findInspection(platform.db, id);
    if (!i || !can(actor, 'places:read', i.jurisdictionPath)) throw notFound('Inspection');
    return i;
  };

  r.post('/inspections', {
    schema: { operationId: 'recordInspection', tags, summary: 'Record an inspection; failed items raise hazards', body: RecordInspectionBody, response: { 201: Inspection } },
    config: { access: 'inspections:record' },
  }, async (request, reply) => reply.status(201).send(await recordInspection(platform.command, commandContext(request), request.body)));

  r.get('/inspections', {
    schema: { operationId: 'listInspections', tags, summary: 'Inspections in my scope', querystring: InspectionListQuery, response: { 200: z.object({ items: z.array(Inspection), nextCursor: z.string().nullable() }) } },
    config: { access: 'places:read' },
  }, async (request) => listInspections(platform.db, { ...request.query, roots: scopeRoots(actorOf(request), 'places:read') }));

  r.get('/inspections/:id', {
    schema: { operationId: 'getInspection', tags, summary: 'One inspection', params: IdParams, response: { 200: Inspection } },
    config: { access: 'places:read' },
  }, async (request) => visibleInspection(actorOf(request), request.params.id));

  r.post('/inspections/:id/attachments', {
    schema: { operationId: 'attachInspectionFile', errors: ['UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_NOT_ALLOWED'], tags, summary: 'Attach a photo or document (JSON, base64; JPEG, PNG, WebP or PDF up to 512 KiB)', params: IdParams, body: AttachmentBody, response: { 201: Attachment } },
    config: { access: 'inspections:record' },
  }, async (request, reply) => reply.status(201).send(await attachFile(platform.command, commandContext(request), request.params.id, request.body)));

  r.get('/inspections/:id/attachments', {
    schema: { operationId: 'listInspectionAttachments', tags, summary: 'Photos and documents of an inspection', params: IdParams, response: { 200: z.array(Attachment) } },
    config: { access: 'places:read' },
  }, async (request) => {
    await visibleInspection(actorOf(request), request.params.id);
    return listAttachments(platform.db, request.params.id);
  });

  r.get('/inspections/:id/attachments/:attachmentId/content', {
    schema: { operationId: 'getInspectionAttachmentContent', tags, summary: 'The bytes of one attachment', params: AttachmentParams },
    config: { access: 'places:read' },
  }, async (request, reply) => {
    await visibleInspection(actorOf(request), request.params.id);
    const file = await attachmentContent(platform.db, request.params.id, request.params.attachmentId);
    if (!file) throw notFound('Attachment');
    return reply.type(file.mediaType).header('content-disposition', `attachment; filename="${file.filename.replaceAll(/[^\w.-]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff').send(Buffer.from(file.content));
  });
}
