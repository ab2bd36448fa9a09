import { CreateTaskBody, IdParams, ProgressReportBody, ReassignTaskBody, RedecomposeTaskBody, Task, TaskDetail, TaskEvidenceParams, TaskHistoryEntry, TaskListQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import { sendStoredFile } from '../../platform/http/stored-file.js';
import type { Platform } from '../../platform/kernel.js';
import { canSeeDirective, findDirective } from '../directives/index.js';
import { auditTrailOf } from '../../platform/audit/audit-trail.js';
import { createTask } from './create-task.js';
import { reassignTask } from './reassign-task.js';
import { redecomposeTask } from './redecompose-task.js';
import { reportProgress } from './report-progress.js';
import { evidenceContent, findTaskRow, presentTask, reportsOf, tasksOf } from './tasks.queries.js';

export async function taskRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  r.get('/tasks', {
    schema: { tags, summary: "A directive's tasks in my scope, each with its rolled-up progress", querystring: TaskListQuery, response: { 200: z.array(Task) } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const now = platform.clock();
    const d = await findDirective(platform.db, request.query.directiveId, now);
    if (!d || !canSeeDirective(actor, d)) throw notFound('Directive');
    return (await tasksOf(platform.db, d.id, now)).filter((t) => can(actor, 'directives:read', t.jurisdictionPath));
  });

  const visibleTask = async (request: { params: { id: string } } & Parameters<typeof actorOf>[0]) => {
    const row = await findTaskRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'directives:read', row.jurisdictionPath)) throw notFound('Task');
    return row;
  };

  r.get('/tasks/:id/history', {
    schema: { tags, summary: 'Every audited step of a task, oldest first: creation, reports, roll-ups, reassignments, re-decompositions, overdue and escalation', params: IdParams, response: { 200: z.array(TaskHistoryEntry) } },
    config: { access: 'directives:read' },
  }, async (request) => {
    await visibleTask(request);
    const trail = await auditTrailOf(platform.db, 'task', [request.params.id]);
    return trail.map((e) => ({ auditId: e.auditId, at: e.at.toISOString(), action: e.action, actorName: e.actorName, before: e.before, after: e.after }));
  });

  r.get('/tasks/:id/evidence/:evidenceId/content', {
    schema: { tags, summary: 'The bytes of one file backing a progress report', params: TaskEvidenceParams },
    config: { access: 'directives:read' },
  }, async (request, reply) => {
    await visibleTask(request);
    const file = await evidenceContent(platform.db, request.params.id, request.params.evidenceId);
    if (!file) throw notFound('Evidence');
    return sendStoredFile(reply, file);
  });

  r.post('/tasks/:id/reassignment', {
    schema: { tags, summary: 'Hand the task to another post (kept in its history)', params: IdParams, body: ReassignTaskBody, response: { 200: Task } },
    config: { access: 'tasks:manage' },
  }, async (request) => reassignTask(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/tasks/:id/redecomposition', {
    schema: { tags, summary: 'Move the task under another parent (or to the top level), or change its weight or due date (kept in its history)', params: IdParams, body: RedecomposeTaskBody, response: { 200: Task } },
    config: { access: 'tasks:manage' },
  }, async (request) => redecomposeTask(platform.command, commandContext(request), request.params.id, request.body));

  r.get('/tasks/:id', {
    schema: { tags, summary: 'One task with its progress reports, oldest first', params: IdParams, response: { 200: TaskDetail } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const row = await visibleTask(request);
    return { ...presentTask(row, platform.clock()), reports: await reportsOf(platform.db, row.id) };
  });

  r.post('/tasks', {
    schema: { tags, summary: 'Break a directive or one of its tasks down into a task for a post', body: CreateTaskBody, response: { 201: Task } },
    config: { access: 'tasks:manage' },
  }, async (request, reply) => reply.status(201).send(await createTask(platform.command, commandContext(request), request.body)));

  r.post('/tasks/:id/reports', {
    schema: { tags, summary: 'Report progress on a task without subtasks, with evidence files (JSON, base64); its parents roll up', params: IdParams, body: ProgressReportBody, response: { 201: Task } },
    config: { access: 'tasks:report' },
  }, async (request, reply) => reply.status(201).send(await reportProgress(platform.command, commandContext(request), request.params.id, request.body)));
}
