import type { TaskStatus } from '@firebreak/contracts';

export interface Weighted {
  weight: number;
  percent: number;
}

/** A parent's progress: the mean of its children's, each counted by its weight. */
export function weightedMean(children: readonly Weighted[]): number {
  const total = children.reduce((s, c) => s + c.weight, 0);
  return total === 0 ? 0 : children.reduce((s, c) => s + c.weight * c.percent, 0) / total;
}

export interface TaskNode extends Weighted {
  id: string;
  parentId: string | null;
}

/**
 * The rolled-up progress of every task of a forest: a task without subtasks counts what was
 * reported on it, any other the weighted mean of its subtasks' rolled-up progress. Works children
 * before parents without recursion, so a tree of any depth is fine.
 */
export function rollUp(nodes: readonly TaskNode[]): Map<string, number> {
  const children = new Map<string, TaskNode[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const order: TaskNode[] = [];
  const stack = nodes.filter((n) => n.parentId === null);
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n);
    stack.push(...(children.get(n.id) ?? []));
  }
  const result = new Map<string, number>();
  for (const n of order.reverse()) {
    const kids = children.get(n.id);
    result.set(n.id, kids ? weightedMean(kids.map((k) => ({ weight: k.weight, percent: result.get(k.id)! }))) : n.percent);
  }
  return result;
}

export function statusOf(percent: number): TaskStatus {
  return percent >= 100 ? 'done' : percent > 0 ? 'in_progress' : 'open';
}

export const isOverdue = (t: { status: TaskStatus; dueAt: Date }, now: Date): boolean => t.status !== 'done' && t.dueAt < now;

const DAY_MS = 86_400_000;

/**
 * The period of a standing duty running at `now` (the latest one begun, and none begun at or after
 * `endsAt`): [start, end), end = start + everyDays. `now` must not be before `startsAt`.
 */
export function currentPeriod(duty: { startsAt: Date; everyDays: number; endsAt: Date | null }, now: Date): { start: Date; end: Date } {
  const length = duty.everyDays * DAY_MS;
  let k = Math.floor((now.getTime() - duty.startsAt.getTime()) / length);
  if (duty.endsAt) k = Math.min(k, Math.ceil((duty.endsAt.getTime() - duty.startsAt.getTime()) / length) - 1);
  const start = duty.startsAt.getTime() + Math.max(k, 0) * length;
  return { start: new Date(start), end: new Date(start + length) };
}
