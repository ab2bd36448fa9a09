import { CreateJurisdictionBody, IdParams, Jurisdiction, JurisdictionDetail, JurisdictionName, JurisdictionNamesQuery, JurisdictionNode, LevelsResponse, LookupQuery, UpdateJurisdictionBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { createJurisdiction, updateJurisdiction } from './create-jurisdiction.js';
import { containing, findDetail, listWithin, namesOf, nest } from './jurisdictions.queries.js';

export async function jurisdictionRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jurisdictions'];

  r.get('/jurisdictions', {
    schema: { operationId: 'getJurisdictionTree', tags, summary: 'The jurisdiction tree within my scope', response: { 200: z.array(JurisdictionNode) } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => nest(await listWithin(platform.db, scopeRoots(actorOf(request), 'jurisdictions:read'))));

  r.get('/jurisdictions/levels', {
    schema: { operationId: 'listJurisdictionLevels', tags, summary: "The organisation's levels (FIREBREAK_LEVELS), root first, with their names in each language", response: { 200: LevelsResponse } },
    config: { access: 'jurisdictions:read' },
  }, async () => platform.config.levels.info);

  // Names only, of any jurisdiction: the web shows "Balzers" where a record names a path outside the
  // caller's tree (an issuer above, a neighbour lending a unit). Boundaries and detail stay scoped.
  r.get('/jurisdictions/names', {
    schema: { operationId: 'getJurisdictionNames', tags, summary: 'Names of jurisdictions by path (up to 200), with the parent\'s name where two share a name', querystring: JurisdictionNamesQuery, response: { 200: z.array(JurisdictionName) } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => namesOf(platform.db, request.query.paths));

  r.get('/jurisdictions/lookup', {
    schema: { operationId: 'lookUpJurisdictionsAtPoint', errors: ['NO_JURISDICTION_AT_POINT'], tags, summary: 'The jurisdictions containing a point, deepest first', querystring: LookupQuery, response: { 200: z.array(Jurisdiction) } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const found = (await containing(platform.db, request.query.lon, request.query.lat)).filter((j) => can(actor, 'jurisdictions:read', j.path));
    if (found.length === 0) throw new AppError('NO_JURISDICTION_AT_POINT', `No jurisdiction in your scope contains ${request.query.lon}, ${request.query.lat}`);
    return found;
  });

  r.get('/jurisdictions/:id', {
    schema: { operationId: 'getJurisdiction', tags, summary: 'One jurisdiction with its GeoJSON boundary', params: IdParams, response: { 200: JurisdictionDetail } },
    config: { access: 'jurisdictions:read' },
  }, async (request) => {
    const j = await findDetail(platform.db, request.params.id);
    if (!j || !can(actorOf(request), 'jurisdictions:read', j.path)) throw notFound('Jurisdiction');
    return j;
  });

  r.post('/jurisdictions', {
    schema: { operationId: 'createJurisdiction', errors: ['CONFLICT', 'GEOMETRY_INVALID', 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'JURISDICTION_BOUNDARY_OVERLAPS', 'JURISDICTION_LEVEL_INVALID'], tags, summary: 'Add a jurisdiction (e.g. a station) under one I administer', body: CreateJurisdictionBody, response: { 201: Jurisdiction } },
    config: { access: 'jurisdictions:manage' },
  }, async (request, reply) => reply.status(201).send(await createJurisdiction(platform.command, commandContext(request), request.body, platform.config.levels)));

  r.patch('/jurisdictions/:id', {
    schema: { operationId: 'updateJurisdiction', errors: ['CONFLICT', 'GEOMETRY_INVALID', 'JURISDICTION_BOUNDARY_OUTSIDE_PARENT', 'JURISDICTION_BOUNDARY_OVERLAPS', 'JURISDICTION_BOUNDARY_CUTS_CHILD'], tags, summary: 'Rename a jurisdiction or replace its boundary', params: IdParams, body: UpdateJurisdictionBody, response: { 200: Jurisdiction } },
    config: { access: 'jurisdictions:manage' },
  }, async (request) => updateJurisdiction(platform.command, commandContext(request), request.params.id, request.body));
}
