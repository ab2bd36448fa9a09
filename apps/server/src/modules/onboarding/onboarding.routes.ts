import { Id, OnboardBatchList, OnboardKind, OnboardQuery, OnboardReport, UndoOnboardResult } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalidField } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { livePositionsOf } from '../units/index.js';
import { listOnboardBatches } from './batches.js';
import { OnboardFileError } from './decode.js';
import { onboard } from './onboard.js';
import { parsePairs } from './read-rows.js';
import { undoOnboarding } from './undo-onboarding.js';

/** A county's staff list or school register is a few hundred kB; a national one fits too. */
const ONBOARD_BODY_LIMIT = 32 * 1024 * 1024;
const MAX_ROW_ERRORS = 100;

/**
 * Bulk onboarding over HTTP, for the first-run wizard: the file is the request body, as it is
 * (bytes, so that its encoding is ours to decode). Gated by `jurisdictions:manage`; each row is
 * then checked by its own domain command's permission (units:manage, places:manage, staff:manage)
 * on its jurisdiction, as when it is created by hand.
 */
export async function onboardingRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  // Scoped to this plugin: CSV and GeoJSON arrive as raw bytes (JSON still goes through the app's parser).
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/geo+json', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/onboarding/:kind', {
    schema: {
      operationId: 'onboardRecords', errors: ['ONBOARD_ROWS_REJECTED', 'CONFLICT'], tags: ['onboarding'],
      summary: 'Load stations, units, staff or key places from a CSV (or GeoJSON) file sent as the body, in one batch that can be undone; rows whose record exists unchanged are left alone. dryRun: only report. A file with rejected rows writes nothing and answers 422 naming each row and column (a dry run too: it answers as the import would), unless allowPartial',
      params: z.strictObject({ kind: OnboardKind }),
      querystring: OnboardQuery,
      file: {
        description: 'The list as a file, its bytes as they are (no multipart form): CSV with a header row naming the columns (`map` renames them, `set` fills one for every row), or a GeoJSON FeatureCollection of points whose properties are the columns. Read as UTF-8 (a BOM is fine) or UTF-16 by its BOM, or in `encoding`. The example is a `units` list; the columns of each kind are in the README (Onboarding your agency).',
        mediaTypes: {
          'text/csv': { example: 'call_sign,kind,jurisdiction,crew_size,capabilities,home_station,lon,lat,on_duty\nE 41,fire_engine,li.oberland.vaduz,4,pump;water,Fire Station Vaduz,,,yes\nA 12,ambulance,li.oberland.vaduz,2,als,,9.5200,47.1400,no\n' },
          'application/geo+json': { example: '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[9.52,47.14]},"properties":{"call_sign":"A 12","kind":"ambulance","jurisdiction":"li.oberland.vaduz","crew_size":2}}]}' },
          'text/plain': {},
          'application/octet-stream': {},
        },
      },
      response: { 200: OnboardReport, 201: OnboardReport },
    },
    bodyLimit: ONBOARD_BODY_LIMIT,
    config: { access: 'jurisdictions:manage' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const q = request.query;
    const body: unknown = request.body;
    const bytes = Buffer.isBuffer(body) ? body : body === undefined || body === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    if (bytes.length === 0) throw invalidField('body', 'send the file as the request body (text/csv or application/geo+json)');
    let columns;
    try {
      columns = { map: parsePairs('map', q.map), set: parsePairs('set', q.set), ignoreExtra: q.ignoreExtra };
    } catch (err) {
      throw invalidField(q.map !== undefined && String(err).includes('map') ? 'query.map' : 'query.set', (err as Error).message);
    }
    let report;
    try {
      report = await onboard(platform.command, { actor, requestId: request.id }, {
        kind: request.params.kind, bytes, file: q.file ?? (/json/.test(request.headers['content-type'] ?? '') ? 'upload.geojson' : 'upload.csv'), encoding: q.encoding, dryRun: q.dryRun, allowPartial: q.allowPartial, columns, live: livePositionsOf(platform),
      });
    } catch (err) {
      // Raised while reading the file, before anything is written.
      if (err instanceof OnboardFileError) throw invalidField('body', err.message);
      throw err;
    }
    if (report.refused) {
      const rejected = report.items.filter((i) => i.status === 'rejected');
      const fields = rejected.slice(0, MAX_ROW_ERRORS).map((i) => ({ path: `body.rows.${i.row}${i.field ? `.${i.field}` : ''}`, message: i.reason ?? 'rejected' }));
      throw new AppError('ONBOARD_ROWS_REJECTED', `${rejected.length} of ${report.rows} rows rejected (first: row ${rejected[0]!.row}${rejected[0]!.field ? ` ${rejected[0]!.field}` : ''}: ${rejected[0]!.reason}); nothing was written. Send allowPartial=true to load the other ${report.rows - rejected.length}`, { fields });
    }
    return reply.status(q.dryRun || report.batchId === null ? 200 : 201).send(report);
  });
  r.get('/onboarding/batches', {
    schema: { operationId: 'listOnboardingBatches', tags: ['onboarding'], summary: 'Onboarding batches in your scope, newest first, with what each created and whether it was undone', response: { 200: OnboardBatchList } },
    config: { access: 'jurisdictions:manage' },
  }, async (request) => ({ items: await listOnboardBatches(platform.db, scopeRoots(actorOf(request), 'jurisdictions:manage')) }));
  r.post('/onboarding/batches/:id/undo', {
    schema: { operationId: 'undoOnboardingBatch', errors: ['CONFLICT'], tags: ['onboarding'], summary: 'Undo an onboarding batch: remove exactly the records it created and give those it updated their values from before, audited; refused (409, naming them) when some are in use or changed since; undoing it again changes nothing', params: z.strictObject({ id: Id }), response: { 200: UndoOnboardResult } },
    config: { access: 'jurisdictions:manage' },
  }, async (request) => {
    const actor = actorOf(request);
    return undoOnboarding(platform.command, { actor, requestId: request.id }, request.params.id, { live: livePositionsOf(platform), mayUndo: (path) => can(actor, 'jurisdictions:manage', path) });
  });
}
