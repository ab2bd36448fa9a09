import { ReplayRequest, ReplayResult } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { replayPeriod } from './replay-period.js';

export async function replayRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // POST: the deployments travel in the body; nothing is written (a report computed on demand).
  r.post('/replays', {
    schema: {
      operationId: 'replayCalls', tags: ['reports'], body: ReplayRequest, response: { 200: ReplayResult },
      errors: ['REPLAY_DEPLOYMENT_INVALID', 'REPLAY_TOO_LARGE'],
      summary: 'What-if replay: the calls of a period replayed against a deployment (the recorded fleet, moved, added or removed units, shifts) in a seeded discrete-event simulation; 1-3-5 tiers and NFPA-style figures by priority against the recorded ones and another deployment',
    },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const actor = actorOf(request);
    return replayPeriod(platform, request.body, { mayRead: (path) => can(actor, 'incidents:read', path) });
  });
}
