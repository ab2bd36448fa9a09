import { CreatePlaceBody, HistoryEntry, IdParams, Place, PlaceListQuery, PlacePage, UpdatePlaceBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Queryable } from '../../platform/db/client.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { createPlace } from './create-place.js';
import { findPlace, historyOf, listPlaces } from './places.queries.js';
import { updatePlace } from './update-place.js';

/** A place the actor may see; one outside their scope does not exist for them. */
export async function visiblePlace(q: Queryable, actor: Actor, id: string): Promise<Place> {
  const place = await findPlace(q, id);
  if (!place || !can(actor, 'places:read', place.jurisdictionPath)) throw notFound('Place');
  return place;
}

export async function placeRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['places'];

  r.get('/places', {
    schema: { operationId: 'listPlaces', tags, summary: 'Key places in my scope, by category, jurisdiction subtree and bounding box', querystring: PlaceListQuery, response: { 200: PlacePage } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...filter } = request.query;
    const underPath = await subtreeFilter(platform.db, actor, 'places:read', jurisdictionId);
    return listPlaces(platform.db, { ...filter, roots: scopeRoots(actor, 'places:read'), underPath });
  });

  r.get('/places/:id', {
    schema: { operationId: 'getPlace', tags, summary: 'One key place', params: IdParams, response: { 200: Place } },
    config: { access: 'places:read' },
  }, async (request) => visiblePlace(platform.db, actorOf(request), request.params.id));

  r.get('/places/:id/history', {
    schema: { operationId: 'getPlaceHistory', tags, summary: 'Every change of a place, oldest first', params: IdParams, response: { 200: z.array(HistoryEntry) } },
    config: { access: 'places:read' },
  }, async (request) => {
    await visiblePlace(platform.db, actorOf(request), request.params.id);
    return historyOf(platform.db, 'place', request.params.id);
  });

  r.post('/places', {
    schema: { operationId: 'createPlace', errors: ['CONFLICT', 'GEOMETRY_INVALID', 'PLACE_OUTSIDE_JURISDICTION', 'NO_JURISDICTION_AT_POINT'], tags, summary: 'Add a key place', body: CreatePlaceBody, response: { 201: Place } },
    config: { access: 'places:manage' },
  }, async (request, reply) => reply.status(201).send(await createPlace(platform.command, commandContext(request), request.body)));

  r.patch('/places/:id', {
    schema: { operationId: 'updatePlace', errors: ['CONFLICT', 'GEOMETRY_INVALID', 'PLACE_OUTSIDE_JURISDICTION'], tags, summary: 'Edit a key place (send the version you edited)', params: IdParams, body: UpdatePlaceBody, response: { 200: Place } },
    config: { access: 'places:manage' },
  }, async (request) => updatePlace(platform.command, commandContext(request), request.params.id, request.body));
}
