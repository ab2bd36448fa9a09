import { CancelReinforcementBody, CreateReinforcementBody, GrantReinforcementBody, IdParams, ReinforcementCandidate, ReinforcementListQuery, ReinforcementRequest, ReinforcementTargets, RefuseReinforcementBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { findIncidentRow } from '../incidents/index.js';
import { livePositionsOf } from '../units/index.js';
import { assertVisible } from './access.js';
import { cancelReinforcement } from './cancel-reinforcement.js';
import { grantCandidates } from './grant-candidates.js';
import { grantReinforcement } from './grant-reinforcement.js';
import { findRequest, listRequests, requestsOfIncident, targetsOf } from './reinforcements.queries.js';
import { refuseReinforcement } from './refuse-reinforcement.js';
import { requestReinforcement } from './request-reinforcement.js';

/** Reinforcement requests: asked by an incident's dispatchers, answered by the jurisdiction asked (see CONTEXT.md). */
export async function reinforcementRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reinforcements'];
  const live = livePositionsOf(platform);

  r.post('/incidents/:id/reinforcement-requests', {
    schema: { operationId: 'requestReinforcements', errors: ['INCIDENT_CLOSED', 'INCIDENT_IS_DUPLICATE', 'REINFORCEMENT_TARGET_INVALID'], tags, summary: 'Ask the level above (or a neighbour) for units of a kind or capability for this incident', params: IdParams, body: CreateReinforcementBody, response: { 201: ReinforcementRequest } },
    config: { access: 'dispatch:assign' },
  }, async (request, reply) => reply.status(201).send(await requestReinforcement(platform.command, commandContext(request), request.params.id, request.body)));

  r.get('/incidents/:id/reinforcement-requests', {
    schema: { operationId: 'listIncidentReinforcementRequests', tags, summary: "An incident's reinforcement requests, oldest first", params: IdParams, response: { 200: z.array(ReinforcementRequest) } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const incident = await findIncidentRow(platform.db, request.params.id);
    if (!incident || !can(actorOf(request), 'incidents:read', incident.jurisdictionPath)) throw notFound('Incident');
    return requestsOfIncident(platform.db, incident.id);
  });

  r.get('/incidents/:id/reinforcement-targets', {
    schema: { operationId: 'listReinforcementTargets', tags, summary: 'Whom I may ask for this incident: the level above and the neighbours, by name', params: IdParams, response: { 200: ReinforcementTargets } },
    config: { access: 'dispatch:assign' },
  }, async (request) => {
    const incident = await findIncidentRow(platform.db, request.params.id);
    if (!incident || !can(actorOf(request), 'dispatch:assign', incident.jurisdictionPath)) throw notFound('Incident');
    return targetsOf(platform.db, incident.jurisdictionId);
  });

  r.get('/reinforcement-requests', {
    schema: { operationId: 'listReinforcementRequests', tags, summary: 'Requests addressed to my level now (mine), or every one I may see (all)', querystring: ReinforcementListQuery, response: { 200: z.array(ReinforcementRequest) } },
    config: { access: 'dispatch:assign' },
  }, async (request) => listRequests(platform.db, { roots: scopeRoots(actorOf(request), 'dispatch:assign'), ...request.query }));

  r.get('/reinforcement-requests/:id', {
    schema: { operationId: 'getReinforcementRequest', tags, summary: 'One reinforcement request', params: IdParams, response: { 200: ReinforcementRequest } },
    config: { access: 'dispatch:assign' },
  }, async (request) => {
    const found = await findRequest(platform.db, request.params.id);
    assertVisible(actorOf(request), found);
    return found;
  });

  r.get('/reinforcement-requests/:id/candidates', {
    schema: { operationId: 'listReinforcementCandidates', tags, summary: 'Units I could lend for it, fastest by road to the incident first', params: IdParams, response: { 200: z.array(ReinforcementCandidate) } },
    config: { access: 'dispatch:assign' },
  }, async (request) => {
    const actor = actorOf(request);
    const found = await findRequest(platform.db, request.params.id);
    assertVisible(actor, found);
    if (found.state !== 'open' || found.targetPath === null || !can(actor, 'dispatch:assign', found.targetPath)) return [];
    // Without a road network (not loaded yet, or failed) the units still show, without ETAs.
    const graphs = await deploymentRoadNetwork(platform.config).then((n) => n.byProfile, () => null);
    await live.ready();
    return grantCandidates(platform.db, graphs, live, actor, found);
  });

  r.post('/reinforcement-requests/:id/grant', {
    schema: { operationId: 'grantReinforcements', errors: ['INCIDENT_CLOSED', 'REINFORCEMENT_NOT_ADDRESSED', 'REINFORCEMENT_NOT_OPEN', 'REINFORCEMENT_TOO_MANY', 'REINFORCEMENT_UNIT_NOT_LENDABLE', 'REINFORCEMENT_UNIT_UNAVAILABLE'], tags, summary: 'Lend units of mine for the incident (all asked for, or some: the rest goes a level up)', params: IdParams, body: GrantReinforcementBody, response: { 200: ReinforcementRequest } },
    config: { access: 'dispatch:assign' },
  }, async (request) => grantReinforcement(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/reinforcement-requests/:id/refuse', {
    schema: { operationId: 'refuseReinforcements', errors: ['REINFORCEMENT_NOT_ADDRESSED', 'REINFORCEMENT_NOT_OPEN'], tags, summary: 'Cannot lend: the request goes a level up at once', params: IdParams, body: RefuseReinforcementBody, response: { 200: ReinforcementRequest } },
    config: { access: 'dispatch:assign' },
  }, async (request) => refuseReinforcement(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/reinforcement-requests/:id/cancel', {
    schema: { operationId: 'cancelReinforcementRequest', errors: ['REINFORCEMENT_NOT_OPEN'], tags, summary: 'No longer needed: nobody is asked any more, unsent lent units go back', params: IdParams, body: CancelReinforcementBody, response: { 200: ReinforcementRequest } },
    config: { access: 'dispatch:assign' },
  }, async (request) => cancelReinforcement(platform.command, commandContext(request), request.params.id, request.body ?? {}));
}
