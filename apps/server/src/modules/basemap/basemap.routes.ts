import { gzipSync } from 'node:zlib';
import { BASEMAP_MAX_ZOOM, GlyphParams, MAP_FONT_STACK, TileJson, TileParams } from '@firebreak/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidField, notFound } from '../../errors.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentOsmExtract } from '../dispatch/index.js';
import { BaseMap } from './basemap.js';
import { glyphRangesIn } from './glyphs.js';
import { tileJson } from './tilejson.js';

export const MVT_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';
/** Tiles change only with a new extract or a jurisdiction boundary; the ETag revalidates cheaply. */
const TILE_CACHE_CONTROL = 'private, max-age=600';
/** Glyphs change only with the fonts in the repository, that is with a new release. */
const GLYPH_CACHE_CONTROL = 'public, max-age=86400';

const gzipped = new WeakMap<Uint8Array, Buffer>();
const gzipOf = (data: Uint8Array): Buffer => {
  let z = gzipped.get(data);
  if (!z) gzipped.set(data, (z = gzipSync(data)));
  return z;
};

const acceptsGzip = (request: FastifyRequest): boolean => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/** Where this API is reached from the caller's side (a proxy's host and scheme when FIREBREAK_TLS trusts it). */
const apiBase = (request: FastifyRequest): string => `${request.protocol}://${request.host}/api/v1`;

export async function basemapRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['map'];
  const basemap = new BaseMap(deploymentOsmExtract(platform.config), platform.db, platform.log);
  const detach = basemap.attach(platform.bus);
  const glyphs = glyphRangesIn(platform.config.dataDir);
  app.addHook('onClose', async () => detach());

  r.get('/tiles.json', {
    schema: { operationId: 'getTileJson', tags, summary: 'TileJSON of the offline base map (vector tiles made from the OSM extract)', response: { 200: TileJson } },
    config: { access: 'authenticated' },
  }, async (request, reply) => {
    const osm = await basemap.osm();
    void reply.header('cache-control', TILE_CACHE_CONTROL);
    return tileJson(`${apiBase(request)}/tiles/{z}/{x}/{y}.mvt`, osm.bounds);
  });

  r.get('/tiles/:z/:x/:y.mvt', {
    schema: {
      operationId: 'getVectorTile', tags, params: TileParams,
      summary: `A base-map vector tile (MVT, gzip when accepted; 204 when empty; z 0-22, tiles past ${BASEMAP_MAX_ZOOM} overzoomed)`,
    },
    config: { access: 'authenticated' },
  }, async (request, reply) => {
    const { z, x, y } = request.params;
    const n = 2 ** z;
    if (x >= n) throw invalidField('path.x', `must be below 2^z = ${n}`);
    if (y >= n) throw invalidField('path.y', `must be below 2^z = ${n}`);
    const tile = (await basemap.tiles()).tile(z, x, y);
    void reply.header('cache-control', TILE_CACHE_CONTROL).header('vary', 'accept-encoding');
    // MapLibre (4+) draws a 204 as an empty tile.
    if (!tile.data) return reply.status(204).send();
    void reply.header('etag', tile.etag);
    if (request.headers['if-none-match'] === tile.etag) return reply.status(304).send();
    void reply.type(MVT_MEDIA_TYPE);
    if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(gzipOf(tile.data));
    return reply.send(Buffer.from(tile.data.buffer, tile.data.byteOffset, tile.data.byteLength));
  });

  // Public: open fonts (SIL OFL), no data of the deployment; MapLibre fetches them without credentials.
  r.get('/glyphs/:fontstack/:range.pbf', {
    schema: { operationId: 'getGlyphs', tags, params: GlyphParams, summary: `Glyphs of the map's labels (SDF, MapLibre glyph PBF; font stack "${MAP_FONT_STACK}", ranges of 256 code points)` },
    config: { access: 'public' },
  }, async (request, reply) => {
    const { fontstack, range: [start] } = request.params;
    // MapLibre asks for the style's whole text-font list, comma-joined: one of them must be ours.
    if (!fontstack.split(',').some((f) => f.trim() === MAP_FONT_STACK)) throw notFound(`font stack "${fontstack}"`);
    const pbf = await glyphs.get(start);
    void reply.header('cache-control', GLYPH_CACHE_CONTROL).header('vary', 'accept-encoding').type('application/x-protobuf');
    if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(gzipOf(pbf));
    return reply.send(Buffer.from(pbf.buffer, pbf.byteOffset, pbf.byteLength));
  });
}
