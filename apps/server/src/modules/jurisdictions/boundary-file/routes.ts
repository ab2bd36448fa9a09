import { BoundaryImportQuery, BoundaryImportReport } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, invalidField } from '../../../errors.js';
import { can } from '../../../platform/auth/access.js';
import { actorOf } from '../../../platform/auth/guard.js';
import { commandContext } from '../../../platform/http/context.js';
import type { Platform } from '../../../platform/kernel.js';
import { byPathVisible } from './scope.js';
import { importBoundaryFile } from './import-boundaries.js';
import { BoundaryFileError } from './types.js';

/** A region's station areas are a few MB even at full survey detail. */
const BOUNDARY_BODY_LIMIT = 64 * 1024 * 1024;
/** The file is the body, whatever type the client calls it (a GeoJSON file is JSON, but is read as a file here). */
const FILE_TYPES = ['application/octet-stream', 'application/zip', 'application/geo+json', 'application/geopackage+sqlite3', 'application/json'];

/**
 * `POST /jurisdictions/boundary-imports`: the first-run wizard's (and any client's) way to load an
 * agency's boundary file. Registered as its own plugin: its body parser (raw bytes, JSON too)
 * stays inside it.
 */
export async function boundaryImportRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: BOUNDARY_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/jurisdictions/boundary-imports', {
    schema: {
      operationId: 'importBoundaries', errors: ['BOUNDARY_FEATURES_REJECTED', 'GEOMETRY_INVALID', 'JURISDICTION_LEVEL_INVALID', 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'JURISDICTION_BOUNDARY_OVERLAPS', 'JURISDICTION_BOUNDARY_CUTS_CHILD', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_NOT_ALLOWED', 'CONFLICT'], tags: ['jurisdictions'],
      summary: 'Build or refresh jurisdictions under parentPath from a boundary file in the body (GeoJSON, a zipped Shapefile, a GeoPackage; the filename says which), matched by code. dryRun: only say per feature what would be created, updated or rejected. A file with a rejected feature is refused whole (422) unless allowPartial',
      querystring: BoundaryImportQuery,
      file: {
        description: 'The boundary file, its bytes as they are (no multipart form): a GeoJSON FeatureCollection of (Multi)Polygons, a zipped Shapefile (.shp with its .dbf and .prj; reprojected to WGS 84 from its coordinate system) or a GeoPackage. `filename` says which by its extension, whatever the Content-Type (application/json is taken too); `nameField`/`codeField` name the properties that hold each feature\'s name and code.',
        mediaTypes: {
          'application/geo+json': { example: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Vaduz","code":"vaduz"},"geometry":{"type":"Polygon","coordinates":[[[9.49,47.12],[9.55,47.12],[9.55,47.17],[9.49,47.17],[9.49,47.12]]]}}]}' },
          'application/zip': {},
          'application/geopackage+sqlite3': {},
          'application/octet-stream': {},
        },
      },
      response: { 200: BoundaryImportReport, 201: BoundaryImportReport },
    },
    bodyLimit: BOUNDARY_BODY_LIMIT,
    config: { access: 'jurisdictions:manage' },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const q = request.query;
    if (!(await byPathVisible(platform.db, q.parentPath, actor))) throw invalidField('query.parentPath', 'no such jurisdiction in your scope');
    if (!can(actor, 'jurisdictions:manage', q.parentPath)) {
      throw new AppError('FORBIDDEN', `You may not add jurisdictions under ${q.parentPath}`, { fields: [{ path: 'query.parentPath', message: 'not a jurisdiction you administer' }] });
    }
    // No body schema: the body is the file's raw bytes (the parser above), not a JSON document.
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw invalidField('body', 'the boundary file is missing: send its bytes as the request body');
    let report: BoundaryImportReport;
    try {
      report = await importBoundaryFile(platform.command, commandContext(request), { name: q.filename, bytes }, q, platform.config.levels);
    } catch (err) {
      if (err instanceof BoundaryFileError) throw invalidField(err.field === 'file' ? 'body' : `query.${err.field}`, err.message);
      throw err;
    }
    if (!q.dryRun && !report.written) {
      const rejected = report.features.filter((f) => f.outcome === 'rejected');
      throw new AppError('BOUNDARY_FEATURES_REJECTED', `${rejected.length} of ${report.features.length} features cannot be imported; nothing was imported`, {
        fields: rejected.slice(0, 100).map((f) => ({ path: `body.features.${f.index}`, message: `${f.code ?? '(no code)'} ${f.name ?? ''}: ${f.reason}`.trim() })),
      });
    }
    return reply.status(q.dryRun ? 200 : 201).send(report);
  });
}
