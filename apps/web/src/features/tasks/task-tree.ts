import type { Task } from '@firebreak/contracts';

/** A task in its tree: its subtasks, its depth, and its share of the parent's roll-up. */
export interface TaskNode {
  task: Task;
  depth: number;
  children: TaskNode[];
  /** Its weight over its siblings' (0..1); 1 for a task at the top. */
  share: number;
  /** What it adds to its parent's percent: share × its own percent. */
  contribution: number;
}

/**
 * The forest of a source's tasks, subtasks under their parents (soonest due first). A task whose
 * parent is not in the list (the reader sees only part of the tree) starts a tree of its own.
 */
export function buildTaskTree(tasks: readonly Task[]): TaskNode[] {
  const ids = new Set(tasks.map((t) => t.id));
  const byParent = new Map<string | null, Task[]>();
  for (const t of tasks) {
    const parent = t.parentTaskId && ids.has(t.parentTaskId) ? t.parentTaskId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), t]);
  }
  const order = (a: Task, b: Task) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title);
  const grow = (parent: string | null, depth: number, seen: Set<string>): TaskNode[] => {
    const siblings = (byParent.get(parent) ?? []).filter((t) => !seen.has(t.id)).sort(order);
    const total = siblings.reduce((sum, t) => sum + t.weight, 0);
    return siblings.map((t) => {
      const share = parent === null || total === 0 ? 1 : t.weight / total;
      return { task: t, depth, share, contribution: share * t.percent, children: grow(t.id, depth + 1, new Set([...seen, t.id])) };
    });
  };
  return grow(null, 0, new Set());
}

/** The tree in reading order (parents before their subtasks), for a table. */
export function flattenTree(nodes: readonly TaskNode[]): TaskNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The tree that holds `id`, or null. */
export function treeHolding(nodes: readonly TaskNode[], id: string): TaskNode | null {
  return nodes.find((n) => n.task.id === id || flattenTree(n.children).some((c) => c.task.id === id)) ?? null;
}

/** A parent's percent as its subtasks' contributions add up (what the server stores after each report). */
export function rolledUpPercent(node: TaskNode): number {
  if (node.children.length === 0) return node.task.percent;
  return node.children.reduce((sum, c) => sum + c.share * rolledUpPercent(c), 0);
}

/** A percent as people read it: whole when whole, else one decimal (56.25 -> "56.3"). */
export function formatPercent(p: number): string {
  return Number.isInteger(p) ? String(p) : (Math.round(p * 10) / 10).toFixed(1);
}
