import { CallsImportSummary, ImportCallsBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, invalidField } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { importCalls } from './import-calls.js';
import { BUILT_IN_MAPPINGS, builtInMapping } from './mapping.js';
import { CallsFileError } from './read-calls.js';

/** A week of a large city's calls is a few MB; a year of a county's fits too. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const MAX_REJECTED_SHOWN = 1000;

export async function historyRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/history/imports', {
    schema: {
      tags: ['history'],
      summary: 'Import past calls from a CAD export (CSV text + column mapping) as historical incidents of a jurisdiction; re-importing adds nothing',
      body: ImportCallsBody,
      response: { 201: CallsImportSummary },
    },
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access: 'jurisdictions:manage' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body;
    const j = await findJurisdiction(platform.db, body.jurisdictionId);
    if (!j || !can(actor, 'jurisdictions:read', j.path)) throw invalidField('body.jurisdictionId', 'no such jurisdiction in your scope');
    if (!can(actor, 'jurisdictions:manage', j.path)) throw new AppError('FORBIDDEN', `You may not import history into ${j.path}`);
    const mapping = typeof body.mapping === 'string' ? builtInMapping(body.mapping) : body.mapping;
    if (!mapping) throw invalidField('body.mapping', `no built-in mapping ${body.mapping} (there is ${Object.keys(BUILT_IN_MAPPINGS).join(', ')})`);
    try {
      // No Idempotency-Key: the import is one command per chunk, and idempotent by itself (calls
      // are known by number), so a retried upload adds nothing.
      const summary = await importCalls(platform.command, { actor, requestId: request.id }, {
        text: body.csv, file: body.source, mapping, jurisdiction: { id: j.id, path: j.path }, tiers: platform.config.responseTiers,
      });
      return reply.status(201).send({ ...summary, rejected: summary.rejected.slice(0, MAX_REJECTED_SHOWN) });
    } catch (err) {
      // Raised while reading, before anything is written.
      if (err instanceof CallsFileError) throw invalidField('body.csv', err.message);
      throw err;
    }
  });
}
