import type { Permission } from '@firebreak/contracts';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { campaignVisibleTo, findCampaign } from '../campaigns/index.js';
import { canSeeDirective, findDirective } from '../directives/index.js';
import { findStandingDuty } from './standing-duties.queries.js';
import { findTaskRow, lockTree, treeOf, type TaskRow, type TaskTree } from './tasks.queries.js';

/**
 * What a task tree hangs from, whatever its source: a top-level task's post lies under one of
 * `roots` (a directive's targets; a campaign's issuer; a standing duty's post) and is handed down
 * from that root with `permission` there; `scope`, when set, bounds every subtask's post too (the
 * jurisdictions a campaign covers).
 */
export interface TaskOrigin {
  tree: TaskTree;
  title: string;
  roots: string[];
  permission: Permission;
  scope: string[] | null;
}

/** The origin of a tree, if it exists and the actor sees it (else undefined). */
export async function originOf(q: Queryable, actor: Actor | null, tree: TaskTree, now: Date): Promise<TaskOrigin | undefined> {
  if (tree.source === 'directive') {
    const d = await findDirective(q, tree.id, now);
    if (!d || (actor && !canSeeDirective(actor, d))) return undefined;
    return { tree, title: d.title, roots: d.targets.map((t) => t.jurisdictionPath), permission: 'tasks:manage', scope: null };
  }
  if (tree.source === 'campaign') {
    const c = await findCampaign(q, tree.id);
    if (!c || (actor && !campaignVisibleTo(actor, c))) return undefined;
    return { tree, title: c.title, roots: [c.issuerPath], permission: 'campaigns:manage', scope: c.scopePaths };
  }
  const duty = await findStandingDuty(q, tree.id);
  if (!duty || (actor && !can(actor, 'directives:read', duty.jurisdictionPath))) return undefined;
  return { tree, title: duty.title, roots: [duty.jurisdictionPath], permission: 'tasks:manage', scope: null };
}

/**
 * A task the actor sees, read again after its tree is locked (so that the change and the roll-up
 * see every other change to the tree), with its origin. Unseen tasks do not exist.
 */
export async function taskForChange(tx: Tx, actor: Actor, taskId: string, now: Date): Promise<{ task: TaskRow; origin: TaskOrigin }> {
  const seen = await findTaskRow(tx, taskId);
  if (!seen || !can(actor, 'directives:read', seen.jurisdictionPath)) throw notFound('Task');
  await lockTree(tx, treeOf(seen));
  const task = (await findTaskRow(tx, taskId))!;
  return { task, origin: (await originOf(tx, null, treeOf(task), now))! };
}

/**
 * Where a task may sit in its tree, the one rule for creating, reassigning and re-decomposing: a
 * top-level task's post lies under one of the origin's roots; a subtask's post under its parent
 * task's jurisdiction (and the origin's scope, if any), due no later than the parent. Returns the
 * level the work is handed down from, the permission needed there, and the parent.
 */
export async function placeTask(
  q: Queryable,
  origin: TaskOrigin,
  at: { parentTaskId: string | null; postPath: string; dueAt: Date },
): Promise<{ from: string; permission: Permission; parent: TaskRow | null }> {
  if (at.parentTaskId) {
    const parent = await findTaskRow(q, at.parentTaskId);
    if (!parent || treeOf(parent).id !== origin.tree.id) throw invalidField('body.parentTaskId', `no such task of this ${origin.tree.source.replace('_', ' ')}`);
    if (!isWithin(at.postPath, parent.jurisdictionPath)) throw outside(`${at.postPath} is not under the parent task's ${parent.jurisdictionPath}`);
    if (origin.scope && !origin.scope.some((s) => isWithin(at.postPath, s))) throw outside(`${at.postPath} is not in the campaign's scope`);
    if (at.dueAt > parent.dueAt) throw invalidField('body.dueAt', "must not be after the parent task's due date");
    return { from: parent.jurisdictionPath, permission: 'tasks:manage', parent };
  }
  const root = origin.roots.find((r) => isWithin(at.postPath, r));
  if (!root) throw outside(`${at.postPath} is not under ${TOP_LEVEL[origin.tree.source]}`);
  return { from: root, permission: origin.permission, parent: null };
}

const TOP_LEVEL = { directive: 'any target of the directive', campaign: "the campaign's issuer", standing_duty: "the standing duty's jurisdiction" } as const;

export const outside = (detail: string) => new AppError('TASK_OWNER_OUTSIDE_SUBTREE', detail, { fields: [{ path: 'body.ownerPostId', message: detail }] });
