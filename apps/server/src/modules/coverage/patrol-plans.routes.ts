import { AssignPatrolUnitsBody, CancelPatrolPlanBody, CoverageMove, CreatePatrolPlanBody, EditPatrolPlanBody, EndMoveUpBody, IdParams, PatrolPlan, PatrolPlanListQuery, PatrolPlanSummary, PatrolPresence, type Jurisdiction, type Permission } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction, visibleJurisdiction } from '../jurisdictions/index.js';
import { assignPatrolUnits } from './assign-patrol-units.js';
import { cancelPatrolPlan } from './cancel-patrol-plan.js';
import { createPatrolPlan } from './create-patrol-plan.js';
import { editPatrolPlan } from './edit-patrol-plan.js';
import { endMoveUp } from './end-move-up.js';
import { patrolPresence } from './patrol-presence.js';
import { findPlanRow, listPlans, loadPlan } from './patrol-plans.queries.js';

/**
 * A jurisdiction named in a body: one the caller cannot see is refused like a bad reference
 * (400 naming the field, revealing nothing); one seen but not the caller's to act in is a 403.
 */
export async function jurisdictionInBody(platform: Platform, actor: Actor, sees: Permission, needs: Permission, id: string, field: string): Promise<Jurisdiction> {
  const j = await findJurisdiction(platform.db, id);
  if (!j || !can(actor, sees, j.path)) throw invalidField(field, 'no such jurisdiction in your scope');
  if (!can(actor, needs, j.path)) throw new AppError('FORBIDDEN', `You need ${needs} in ${j.path}`);
  return j;
}

/** Patrol plans (posts with windows, held by units, measured by AVL) and the end of a move-up order. */
export async function patrolPlanRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function visiblePlan(actor: Actor, id: string) {
    const row = await findPlanRow(platform.db, id);
    if (!row || !can(actor, 'units:read', row.jurisdictionPath)) throw notFound('Patrol plan');
    return loadPlan(platform.db, row);
  }

  r.post('/coverage/patrol-plans', {
    schema: {
      operationId: 'createPatrolPlan', tags: ['coverage'], body: CreatePatrolPlanBody, response: { 201: PatrolPlan }, errors: ['FORBIDDEN'],
      summary: 'Create a patrol plan for a shift: posts (a placement\'s or picked), the windows each must be held in, and the units holding them (units:manage; send an Idempotency-Key)',
    },
    config: { access: 'units:manage' },
  }, async (request, reply) => {
    const j = await jurisdictionInBody(platform, actorOf(request), 'units:read', 'units:manage', request.body.jurisdictionId, 'body.jurisdictionId');
    return reply.status(201).send(await createPatrolPlan(platform.command, commandContext(request), j, request.body));
  });

  r.get('/coverage/patrol-plans', {
    schema: {
      operationId: 'listPatrolPlans', tags: ['coverage'], querystring: PatrolPlanListQuery, response: { 200: z.array(PatrolPlanSummary) }, errors: ['NOT_FOUND'],
      summary: 'The patrol plans of a jurisdiction subtree, the latest shift first',
    },
    config: { access: 'units:read' },
  }, async (request) => listPlans(platform.db, (await visibleJurisdiction(platform.db, actorOf(request), 'units:read', request.query.jurisdictionId)).path));

  r.get('/coverage/patrol-plans/:id', {
    schema: { operationId: 'getPatrolPlan', tags: ['coverage'], params: IdParams, response: { 200: PatrolPlan }, errors: ['NOT_FOUND'], summary: 'A patrol plan with its posts, windows and units' },
    config: { access: 'units:read' },
  }, async (request) => visiblePlan(actorOf(request), request.params.id));

  r.put('/coverage/patrol-plans/:id/assignments', {
    schema: {
      operationId: 'assignPatrolUnits', tags: ['coverage'], params: IdParams, body: AssignPatrolUnitsBody, response: { 200: PatrolPlan }, errors: ['FORBIDDEN', 'NOT_FOUND', 'PATROL_PLAN_CANCELLED', 'PATROL_UNIT_CLASH'],
      summary: 'Assign units to the posts of a patrol plan (or take them off with null), all or none; a unit may not hold two posts in overlapping windows',
    },
    config: { access: 'units:manage' },
  }, async (request) => assignPatrolUnits(platform.command, commandContext(request), request.params.id, request.body));

  r.patch('/coverage/patrol-plans/:id', {
    schema: {
      operationId: 'editPatrolPlan', tags: ['coverage'], params: IdParams, body: EditPatrolPlanBody, response: { 200: PatrolPlan },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'PATROL_PLAN_STALE', 'PATROL_PLAN_CANCELLED', 'PATROL_PLAN_BEGUN', 'PATROL_UNIT_CLASH'],
      summary: 'Edit a patrol plan (title, shift, posts and their windows) on the version you read (expectedVersion); once the shift has started only what has not begun may change (units:manage; send an Idempotency-Key)',
    },
    config: { access: 'units:manage' },
  }, async (request) => editPatrolPlan(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/coverage/patrol-plans/:id/cancel', {
    schema: {
      operationId: 'cancelPatrolPlan', tags: ['coverage'], params: IdParams, body: CancelPatrolPlanBody, response: { 200: PatrolPlan }, errors: ['FORBIDDEN', 'NOT_FOUND', 'PATROL_PLAN_BEGUN'],
      summary: 'Cancel a patrol plan with a reason: its units are released, it stays readable with who cancelled it, when and why, and takes no more assignments (units:manage; a repeat answers the cancelled plan)',
    },
    config: { access: 'units:manage' },
  }, async (request) => cancelPatrolPlan(platform.command, commandContext(request), request.params.id, request.body));

  r.get('/coverage/patrol-plans/:id/presence', {
    schema: {
      operationId: 'getPatrolPresence', tags: ['coverage'], params: IdParams, response: { 200: PatrolPresence }, errors: ['NOT_FOUND'],
      summary: 'Visible presence: minutes each post\'s unit stood within the radius of its post (from the stored AVL track), per window, against the minutes required; missed windows counted',
    },
    config: { access: 'units:read' },
  }, async (request) => patrolPresence(platform.db, await visiblePlan(actorOf(request), request.params.id), platform.clock()));

  r.post('/coverage/moves/:id/end', {
    schema: {
      operationId: 'endMoveUp', tags: ['coverage'], params: IdParams, body: EndMoveUpBody, response: { 200: CoverageMove }, errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
      summary: 'End an open move-up order: cancelled (called off) or completed (the unit is released from its post); the unit then counts where it is',
    },
    config: { access: 'dispatch:assign' },
  }, async (request) => endMoveUp(platform.command, commandContext(request), request.params.id, request.body));
}
