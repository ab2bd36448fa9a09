import { CreateMutualAidBody, IdParams, MutualAidAgreement, MutualAidListQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { createAgreement } from './create-agreement.js';
import { findAgreement, listAgreements } from './mutual-aid.queries.js';
import { revokeAgreement } from './revoke-agreement.js';

/** An agreement is visible to whoever sees the units of either side. */
export async function mutualAidRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mutual aid'];

  r.get('/mutual-aid-agreements', {
    schema: { operationId: 'listMutualAidAgreements', tags, summary: 'Cross-border agreements either side of which lies in my scope', querystring: MutualAidListQuery, response: { 200: z.array(MutualAidAgreement) } },
    config: { access: 'units:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const touching = await subtreeFilter(platform.db, actor, 'units:read', request.query.jurisdictionId);
    return listAgreements(platform.db, { roots: scopeRoots(actor, 'units:read'), touching, state: request.query.state });
  });

  r.get('/mutual-aid-agreements/:id', {
    schema: { operationId: 'getMutualAidAgreement', tags, summary: 'One agreement', params: IdParams, response: { 200: MutualAidAgreement } },
    config: { access: 'units:read' },
  }, async (request) => {
    const a = await findAgreement(platform.db, request.params.id);
    const actor = actorOf(request);
    if (!a || ![a.providingJurisdictionPath, a.requestingJurisdictionPath].some((p) => can(actor, 'units:read', p))) throw notFound('Mutual aid agreement');
    return a;
  });

  r.post('/mutual-aid-agreements', {
    schema: { operationId: 'createMutualAidAgreement', errors: ['MUTUAL_AID_NESTED', 'CONFLICT'], tags, summary: "Let a jurisdiction's dispatchers see and send a neighbour's units of given kinds (needs authority over both)", body: CreateMutualAidBody, response: { 201: MutualAidAgreement } },
    config: { access: 'mutual_aid:manage' },
  }, async (request, reply) => reply.status(201).send(await createAgreement(platform.command, commandContext(request), request.body)));

  r.post('/mutual-aid-agreements/:id/revoke', {
    schema: { operationId: 'revokeMutualAidAgreement', errors: ['MUTUAL_AID_REVOKED'], tags, summary: 'End an agreement, at once (either side may)', params: IdParams, response: { 200: MutualAidAgreement } },
    config: { access: 'mutual_aid:manage' },
  }, async (request) => revokeAgreement(platform.command, commandContext(request), request.params.id));
}
