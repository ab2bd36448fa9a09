import { CreateTaskBody, IdParams, ProgressReportBody, Task, TaskDetail, TaskListQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { canSeeDirective, findDirective } from '../directives/index.js';
import { createTask } from './create-task.js';
import { reportProgress } from './report-progress.js';
import { findTaskRow, presentTask, reportsOf, tasksOf } from './tasks.queries.js';

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

  r.get('/tasks/:id', {
    schema: { tags, summary: 'One task with its progress reports, oldest first', params: IdParams, response: { 200: TaskDetail } },
    config: { access: 'directives:read' },
  }, async (request) => {
    const row = await findTaskRow(platform.db, request.params.id);
    if (!row || !can(actorOf(request), 'directives:read', row.jurisdictionPath)) throw notFound('Task');
    return { ...presentTask(row, platform.clock()), reports: await reportsOf(platform.db, row.id) };
  });

  r.post('/tasks', {
    schema: { tags, summary: 'Break a directive or one of its tasks down into a task for a post', body: CreateTaskBody, response: { 201: Task } },
    config: { access: 'tasks:manage' },
  }, async (request, reply) => reply.status(201).send(await createTask(platform.command, commandContext(request), request.body)));

  r.post('/tasks/:id/reports', {
    schema: { tags, summary: 'Report progress on a task without subtasks; its parents roll up', params: IdParams, body: ProgressReportBody, response: { 201: Task } },
    config: { access: 'tasks:report' },
  }, async (request, reply) => reply.status(201).send(await reportProgress(platform.command, commandContext(request), request.params.id, request.body)));
}
