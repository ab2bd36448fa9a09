import type { Directive } from '@firebreak/contracts';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { findDirective } from '../directives/index.js';
import { findTaskRow, lockTree, type TaskRow } from './tasks.queries.js';

/**
 * A task the actor sees, read again after its directive's tree is locked (so that the change and
 * the roll-up see every other change to the tree), with its directive. Unseen tasks do not exist.
 */
export async function taskForChange(tx: Tx, actor: Actor, taskId: string, now: Date): Promise<{ task: TaskRow; directive: Directive }> {
  const seen = await findTaskRow(tx, taskId);
  if (!seen || !can(actor, 'directives:read', seen.jurisdictionPath)) throw notFound('Task');
  await lockTree(tx, seen.directiveId);
  const task = (await findTaskRow(tx, taskId))!;
  return { task, directive: (await findDirective(tx, task.directiveId, now))! };
}

/**
 * Where a task may sit in its directive's breakdown, the one rule for creating, reassigning and
 * re-decomposing: a top-level task's post lies under one of the directive's targets; a subtask's
 * post under its parent task's jurisdiction, due no later than the parent. Returns the level the
 * work is handed down from (where `tasks:manage` is needed) and the parent.
 */
export async function placeTask(
  q: Queryable,
  directive: Directive,
  at: { parentTaskId: string | null; postPath: string; dueAt: Date },
): Promise<{ from: string; parent: TaskRow | null }> {
  if (at.parentTaskId) {
    const parent = await findTaskRow(q, at.parentTaskId);
    if (!parent || parent.directiveId !== directive.id) throw invalidField('body.parentTaskId', 'no such task of this directive');
    if (!isWithin(at.postPath, parent.jurisdictionPath)) throw outside(`${at.postPath} is not under the parent task's ${parent.jurisdictionPath}`);
    if (at.dueAt > parent.dueAt) throw invalidField('body.dueAt', "must not be after the parent task's due date");
    return { from: parent.jurisdictionPath, parent };
  }
  const target = directive.targets.find((t) => isWithin(at.postPath, t.jurisdictionPath));
  if (!target) throw outside(`${at.postPath} is not under any target of the directive`);
  return { from: target.jurisdictionPath, parent: null };
}

export const outside = (detail: string) => new AppError('TASK_OWNER_OUTSIDE_SUBTREE', detail, { fields: [{ path: 'body.ownerPostId', message: detail }] });
