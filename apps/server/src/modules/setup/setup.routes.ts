import { SetupOsmQuery, SetupOsmReport, SetupStatus } from '@firebreak/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { AppError, invalidField } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { parseLevelsOption } from '../jurisdictions/index.js';
import { rootPaths, setupStatus } from './status.js';
import { looksLikeOsmPbf, OSM_UPLOAD_LIMIT, saveUpload, UploadedFile } from './upload.js';
import { setupFromOsm } from './osm-import.js';

/**
 * The first run without the demo: is the deployment still empty, and the region's OSM extract
 * imported from the browser. Its own plugin: the body parser (a stream to a file, any type) and
 * the larger limit stay inside it.
 */
export async function setupRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/setup/status', {
    schema: { operationId: 'getSetupStatus', tags: ['setup'], summary: 'Whether the deployment is still to be set up (only the bare root a first start makes, no units), its levels, whether the demo is on', response: { 200: SetupStatus } },
    config: { access: 'authenticated' },
  }, async () => setupStatus(platform.db, platform.config));

  // Whatever the client calls the file (octet-stream, x-protobuf, JSON by mistake), it is streamed
  // to the data folder as it arrives, never held whole in memory.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    saveUpload(payload as Readable, platform.config.dataDir).then((f) => done(null, f), (err: Error) => done(err));
  });
  // The temporary file goes however the request ended (refused query, failed import, success).
  // onSend, not onResponse: removed before the client has its answer, so nothing is left to race.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.body instanceof UploadedFile) await request.body.remove();
    return payload;
  });

  /** An administrator of every root: the import rebuilds the whole tree. Checked before the upload is read. */
  const rootAdmin = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const roots = await rootPaths(platform.db);
    if (roots.length === 0 || roots.some((root) => !can(actor, 'jurisdictions:manage', root))) {
      throw new AppError('FORBIDDEN', 'Setting up the region is for an administrator of the root jurisdiction');
    }
  };

  r.post('/setup/osm-import', {
    schema: {
      operationId: 'importOsmAtSetup', errors: ['UPLOAD_TOO_LARGE', 'CONFLICT'], tags: ['setup'],
      summary: "Build the jurisdiction tree and key places from the region's OpenStreetMap extract (.osm.pbf) sent as the body, as `firebreak import osm` does: clipped boundaries repaired, a root made from the extract when it has no national boundary. dryRun: do it in a transaction that is rolled back and answer what would happen, with each boundary for a map preview",
      querystring: SetupOsmQuery,
      file: {
        description: "The region's OpenStreetMap extract in the PBF format (`.osm.pbf`, e.g. from Geofabrik), its bytes as they are: no multipart form, no JSON. Streamed to the data folder as it arrives; any Content-Type is taken (the file is recognised by its first block, an OSMHeader).",
        mediaTypes: { 'application/octet-stream': {}, 'application/x-protobuf': {} },
      },
      response: { 200: SetupOsmReport, 201: SetupOsmReport },
    },
    bodyLimit: OSM_UPLOAD_LIMIT,
    config: { access: 'jurisdictions:manage' },
    // Before a byte of the upload is read.
    preParsing: async (request, _reply, payload) => {
      await rootAdmin(request);
      return payload;
    },
  }, async (request, reply) => {
    const q = request.query;
    const file = request.body instanceof UploadedFile ? request.body : null;
    if (!file || file.bytes === 0) throw invalidField('body', 'send the .osm.pbf file as the request body');
    if (!(await looksLikeOsmPbf(file.file))) throw invalidField('body', 'not an OpenStreetMap PBF extract (.osm.pbf): its first block is not an OSMHeader');
    const levels = platform.config.levels.keys;
    if (q.levels !== undefined) {
      try {
        parseLevelsOption(q.levels, levels);
      } catch (err) {
        throw invalidField('query.levels', (err as Error).message.replace(/^--levels: /, ''));
      }
    }
    const actor = actorOf(request);
    const report = await setupFromOsm(platform.command, { actor, requestId: request.id }, file.file, {
      countryCode: q.countryCode?.toLowerCase(), levelsOption: q.levels, rootName: q.rootName, levels, dryRun: q.dryRun,
    });
    return reply.status(q.dryRun ? 200 : 201).send(report);
  });
}
