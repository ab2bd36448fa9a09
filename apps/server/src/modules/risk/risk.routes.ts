import { IdParams, PlaceCategory, PlaceRisk, RiskQuery } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField } from '../../errors.js';
import { scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { visiblePlace } from '../places/index.js';
import { placesByRisk } from './risk.queries.js';

export async function riskRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risk'];

  r.get('/risk/places', {
    schema: { operationId: 'listPlaceRisks', tags, summary: 'Places in my scope ordered by risk score, highest first (see the places module CONTEXT.md for the formula)', querystring: RiskQuery, response: { 200: z.array(PlaceRisk) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, category, limit } = request.query;
    let under = sql`true`;
    const underPath = await subtreeFilter(platform.db, actor, 'places:read', jurisdictionId);
    if (underPath) under = sql`p.jurisdiction_path <@ ${underPath}::ltree`;
    const parsed = category === undefined ? undefined : PlaceCategory.safeParse(category);
    if (parsed && !parsed.success) throw invalidField('query.category', 'not a place category');
    const ofCategory = parsed ? sql`p.category = ${parsed.data}` : sql`true`;
    return placesByRisk(platform.db, sql`${withinRoots(sql`p.jurisdiction_path`, scopeRoots(actor, 'places:read'))} and ${under} and ${ofCategory}`, platform.clock(), limit);
  });

  r.get('/risk/places/:id', {
    schema: { operationId: 'getPlaceRisk', tags, summary: "One place's risk score with its parts", params: IdParams, response: { 200: PlaceRisk } },
    config: { access: 'places:read' },
  }, async (request) => {
    const place = await visiblePlace(platform.db, actorOf(request), request.params.id);
    const [found] = await placesByRisk(platform.db, sql`p.id = ${place.id}`, platform.clock(), 1);
    return found!;
  });
}
