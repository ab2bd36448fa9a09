import { CreateStandingDutyBody, StandingDuty, StandingDutyListQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { createStandingDuty } from './create-standing-duty.js';
import { standingDutiesUnder } from './standing-duties.queries.js';

export async function standingDutyRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  r.get('/standing-duties', {
    schema: { operationId: 'listStandingDuties', tags, summary: 'The standing duties of posts at and under a jurisdiction (their period tasks at GET /tasks?standingDutyId=)', querystring: StandingDutyListQuery, response: { 200: z.array(StandingDuty) } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const j = await findJurisdiction(platform.db, request.query.jurisdictionId);
    if (!j || !can(actorOf(request), 'directives:read', j.path)) throw notFound('Jurisdiction');
    return standingDutiesUnder(platform.db, j.path);
  });

  r.post('/standing-duties', {
    schema: { operationId: 'createStandingDuty', errors: ['TASK_OWNER_OUTSIDE_SUBTREE'], tags, summary: "Give a post a recurring duty: one task per period, due at the period's end, made by the duty sweep", body: CreateStandingDutyBody, response: { 201: StandingDuty } },
    config: { access: 'tasks:manage' },
  }, async (request, reply) => reply.status(201).send(await createStandingDuty(platform.command, commandContext(request), request.body)));
}
