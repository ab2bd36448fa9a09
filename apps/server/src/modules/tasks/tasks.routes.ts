import { CreateTaskBody, IdParams, ProgressReportBody, ReassignTaskBody, RedecomposeTaskBody, Task, TaskDetail, TaskEvidenceParams, TaskHistoryEntry, TaskListQuery, TaskListItem } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField, notFound } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import { sendStoredFile } from '../../platform/http/stored-file.js';
import type { Platform } from '../../platform/kernel.js';
import { auditTrailOf } from '../../platform/audit/audit-trail.js';
import { coverageWithin } from '../campaigns/index.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { createTask } from './create-task.js';
import { originOf } from './placement.js';
import { standingDutyRoutes } from './standing-duties.routes.js';
import { reassignTask } from './reassign-task.js';
import { redecomposeTask } from './redecompose-task.js';
import { reportProgress } from './report-progress.js';
import { evidenceContent, findTaskRow, presentTask, reportsOf, tasksOf, tasksUnder, type TaskTree } from './tasks.queries.js';

export async function taskRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  r.get('/tasks', {
    schema: { operationId: 'listTasks', tags, summary: "The tasks of a directive, a campaign or a standing duty in my scope, or every task at and under a jurisdiction, each with its rolled-up progress", querystring: TaskListQuery, response: { 200: z.array(TaskListItem) } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const now = platform.clock();
    const { directiveId, campaignId, standingDutyId, jurisdictionId, limit } = request.query;
    if (jurisdictionId !== undefined) {
      if (directiveId ?? campaignId ?? standingDutyId) throw invalidField('query.jurisdictionId', 'name exactly one of directiveId, campaignId, standingDutyId, jurisdictionId');
      const path = await subtreeFilter(platform.db, actor, 'directives:read', jurisdictionId);
      return tasksUnder(platform.db, path!, now, limit);
    }
    const named: TaskTree[] = [
      ...(directiveId ? [{ source: 'directive' as const, id: directiveId }] : []),
      ...(campaignId ? [{ source: 'campaign' as const, id: campaignId }] : []),
      ...(standingDutyId ? [{ source: 'standing_duty' as const, id: standingDutyId }] : []),
    ];
    if (named.length !== 1) throw invalidField('query.directiveId', 'name exactly one of directiveId, campaignId, standingDutyId, jurisdictionId');
    const origin = await originOf(platform.db, actor, named[0]!, now);
    if (!origin) throw notFound(named[0]!.source === 'directive' ? 'Directive' : named[0]!.source === 'campaign' ? 'Campaign' : 'Standing duty');
    const list = (await tasksOf(platform.db, origin.tree, now)).filter((t) => can(actor, 'directives:read', t.jurisdictionPath));
    if (origin.tree.source !== 'campaign') return list;
    const coverage = await coverageWithin(platform.db, origin.tree.id, list.map((t) => t.jurisdictionPath));
    return list.map((t) => ({ ...t, coverage: coverage.get(t.jurisdictionPath)! }));
  });

  const visibleTask = async (request: { params: { id: string } } & Parameters<typeof actorOf>[0]) => {
    const row = await findTaskRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'directives:read', row.jurisdictionPath)) throw notFound('Task');
    return row;
  };

  r.get('/tasks/:id/history', {
    schema: { operationId: 'getTaskHistory', tags, summary: 'Every audited step of a task, oldest first: creation, reports, roll-ups, reassignments, re-decompositions, overdue and escalation', params: IdParams, response: { 200: z.array(TaskHistoryEntry) } },
    config: { access: 'directives:read' },
  }, async (request) => {
    await visibleTask(request);
    const trail = await auditTrailOf(platform.db, 'task', [request.params.id]);
    return trail.map((e) => ({ auditId: e.auditId, at: e.at.toISOString(), action: e.action, actorName: e.actorName, before: e.before, after: e.after }));
  });

  r.get('/tasks/:id/evidence/:evidenceId/content', {
    schema: { operationId: 'getTaskEvidenceContent', tags, summary: 'The bytes of one file backing a progress report', params: TaskEvidenceParams },
    config: { access: 'directives:read' },
  }, async (request, reply) => {
    await visibleTask(request);
    const file = await evidenceContent(platform.db, request.params.id, request.params.evidenceId);
    if (!file) throw notFound('Evidence');
    return sendStoredFile(reply, file);
  });

  r.post('/tasks/:id/reassignment', {
    schema: { operationId: 'reassignTask', errors: ['TASK_CHANGE_NOT_ALLOWED', 'TASK_OWNER_OUTSIDE_SUBTREE'], tags, summary: 'Hand the task to another post (kept in its history)', params: IdParams, body: ReassignTaskBody, response: { 200: Task } },
    config: { access: 'tasks:manage' },
  }, async (request) => reassignTask(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/tasks/:id/redecomposition', {
    schema: { operationId: 'redecomposeTask', errors: ['TASK_CHANGE_NOT_ALLOWED', 'TASK_OWNER_OUTSIDE_SUBTREE'], tags, summary: 'Move the task under another parent (or to the top level), or change its weight or due date (kept in its history)', params: IdParams, body: RedecomposeTaskBody, response: { 200: Task } },
    config: { access: 'tasks:manage' },
  }, async (request) => redecomposeTask(platform.command, commandContext(request), request.params.id, request.body));

  r.get('/tasks/:id', {
    schema: { operationId: 'getTask', tags, summary: 'One task with its progress reports, oldest first', params: IdParams, response: { 200: TaskDetail } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const row = await visibleTask(request);
    return { ...presentTask(row, platform.clock()), reports: await reportsOf(platform.db, row.id) };
  });

  r.post('/tasks', {
    schema: { operationId: 'createTask', errors: ['TASK_OWNER_OUTSIDE_SUBTREE', 'TASK_CHANGE_NOT_ALLOWED'], tags, summary: 'Break a directive, a campaign or one of their tasks (or a standing duty\'s task) down into a task for a post', body: CreateTaskBody, response: { 201: Task } },
    config: { access: 'tasks:manage' },
  }, async (request, reply) => reply.status(201).send(await createTask(platform.command, commandContext(request), request.body)));

  r.post('/tasks/:id/reports', {
    schema: { operationId: 'reportTaskProgress', errors: ['TASK_HAS_SUBTASKS', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_NOT_ALLOWED'], tags, summary: 'Report progress on a task without subtasks, with evidence files (JSON, base64); its parents roll up', params: IdParams, body: ProgressReportBody, response: { 201: Task } },
    config: { access: 'tasks:report' },
  }, async (request, reply) => reply.status(201).send(await reportProgress(platform.command, commandContext(request), request.params.id, request.body)));

  await standingDutyRoutes(app, { platform });
}
