import { GeocodeQuery, GeocodeResponse, ReverseGeocodeQuery, ReverseGeocodeResponse } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forbidden } from '../../errors.js';
import { canAnywhere } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentOsmExtract } from '../dispatch/index.js';
import { GeocodeService } from './geocoder.js';

/** Addresses are public geography: anyone who may read incidents or places searches the whole extract. */
function assertMayGeocode(actor: ReturnType<typeof actorOf>): void {
  if (!canAnywhere(actor, 'incidents:read') && !canAnywhere(actor, 'places:read')) throw forbidden('geocoding needs incidents:read or places:read');
}

export async function geocodeRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['geocode'];
  const service = new GeocodeService(deploymentOsmExtract(platform.config), platform.db, platform.log);
  const detach = service.attach(platform.bus);
  app.addHook('onClose', async () => detach());

  r.get('/geocode', {
    schema: {
      operationId: 'searchLocations', tags, querystring: GeocodeQuery, response: { 200: GeocodeResponse },
      summary: 'Search as you type: addresses, streets, places, key places and jurisdictions of the OSM extract (typos, missing diacritics, abbreviations, any order)',
    },
    config: { access: 'authenticated' },
  }, async (request) => {
    assertMayGeocode(actorOf(request));
    const { q, near, limit } = request.query;
    const geocoder = await service.geocoder();
    return { results: geocoder.search(q, { near, limit }) };
  });

  r.get('/geocode/reverse', {
    schema: { operationId: 'reverseGeocode', tags, querystring: ReverseGeocodeQuery, response: { 200: ReverseGeocodeResponse }, summary: 'The nearest address and street to a point, and the jurisdiction holding it' },
    config: { access: 'authenticated' },
  }, async (request) => {
    assertMayGeocode(actorOf(request));
    const geocoder = await service.geocoder();
    return geocoder.reverse([request.query.lon, request.query.lat]);
  });
}
