import { CallsImportSummary, Id, ImportBatchesQuery, ImportBatchList, ImportCallsBody, UndoImportResult } from '@firebreak/contracts';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, invalidField } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { listBatches } from './batches.js';
import { importCalls } from './import-calls.js';
import { undoImport } from './undo-import.js';
import { jurisdictionDemand, type Demand } from '../simulation/index.js';
import { BUILT_IN_MAPPINGS, builtInMapping } from './mapping.js';
import { CallsFileError } from './read-calls.js';

/** A week of a large city's calls is a few MB; a year of a county's fits too. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const MAX_REJECTED_SHOWN = 1000;

export async function historyRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/history/imports', {
    schema: {
      operationId: 'importHistoricalCalls', errors: ['HISTORY_ROWS_REJECTED'], tags: ['history'],
      summary: 'Import past calls from a CAD export (CSV text + column mapping) as historical incidents of a jurisdiction, in one batch that can be undone; re-importing adds nothing. dryRun: only say what would be imported and rejected. A file with unreadable rows is refused whole (422) unless allowPartial. relocate: place the calls of another region at plausible places of the jurisdiction (seeded, marked relocated); without it, calls outside the jurisdiction\'s boundary are imported as they are and counted (outsideJurisdiction)',
      body: ImportCallsBody,
      response: { 200: CallsImportSummary, 201: CallsImportSummary },
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
    let relocate: { seed: number; demand: Demand } | undefined;
    if (body.relocate) {
      const demand = await jurisdictionDemand(platform.db, platform.config, j.path);
      if (!demand) throw invalidField('body.relocate', `${j.path} has no boundary with buildings or key places of the map inside it to place calls at`);
      relocate = { seed: body.seed ?? 1, demand };
    }
    try {
      // No Idempotency-Key: the import is one command per chunk, and idempotent by itself (calls
      // are known by number), so a retried upload adds nothing.
      const summary = await importCalls(platform.command, { actor, requestId: request.id }, {
        text: body.csv, file: body.source, mapping, jurisdiction: { id: j.id, path: j.path }, tiers: platform.config.responseTiers,
        dryRun: body.dryRun, allowPartial: body.allowPartial, relocate,
      });
      if (!body.dryRun && summary.dryRun) {
        // Rows were rejected and a partial import was not asked for: nothing was written.
        const fields = summary.rejected.slice(0, 20).map((r) => ({ path: 'body.csv', message: `line ${r.line}: ${r.reason}` }));
        throw new AppError('HISTORY_ROWS_REJECTED', `${summary.rejected.length} of ${summary.rows} rows cannot be read (${Object.entries(summary.rejectedByReason).map(([k, n]) => `${k}: ${n}`).join(', ')}); nothing was imported. Send dryRun for the full report, or allowPartial to import the ${summary.calls} readable calls`, { fields });
      }
      return reply.status(body.dryRun ? 200 : 201).send({ ...summary, rejected: summary.rejected.slice(0, MAX_REJECTED_SHOWN) });
    } catch (err) {
      // Raised while reading, before anything is written.
      if (err instanceof CallsFileError) throw invalidField('body.csv', err.message);
      throw err;
    }
  });
  await historyBatchRoutes(app, { platform });
}

/** Registered beside the import route: the batches an administrator may list and undo. */
async function historyBatchRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/history/imports', {
    schema: { operationId: 'listHistoryImports', tags: ['history'], summary: 'Import batches of the jurisdictions in your scope (or under one), newest first, with what each wrote and whether it was undone', querystring: ImportBatchesQuery, response: { 200: ImportBatchList } },
    config: { access: 'jurisdictions:manage' },
  }, async (request) => {
    const actor = actorOf(request);
    let under = scopeRoots(actor, 'jurisdictions:manage');
    if (request.query.jurisdictionId !== undefined) {
      const j = await findJurisdiction(platform.db, request.query.jurisdictionId);
      if (!j || !can(actor, 'jurisdictions:read', j.path)) throw invalidField('query.jurisdictionId', 'no such jurisdiction in your scope');
      if (!can(actor, 'jurisdictions:manage', j.path)) throw new AppError('FORBIDDEN', `You may not see the imports of ${j.path}`);
      under = [j.path];
    }
    return { items: await listBatches(platform.db, under) };
  });
  r.post('/history/imports/:id/undo', {
    schema: { operationId: 'undoHistoryImport', errors: ['CONFLICT'], tags: ['history'], summary: 'Undo an import batch: remove exactly the historical incidents and unit responses it wrote, in one audited transaction; undoing it again removes nothing', params: z.strictObject({ id: Id }), response: { 200: UndoImportResult } },
    config: { access: 'jurisdictions:manage' },
  }, async (request) => {
    const actor = actorOf(request);
    return undoImport(platform.command, { actor, requestId: request.id }, request.params.id, (path) => can(actor, 'jurisdictions:manage', path));
  });
}
