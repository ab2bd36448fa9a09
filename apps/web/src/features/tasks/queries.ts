import type { Task } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { call, fb, rawQuery } from '../../api/http';
import { useMe } from '../../api/queries';
import { grantRoots, treeQuery } from './task-filters';

/** Every task query starts with 'tasks': a task event marks them all stale (live/apply-events). */
export const taskKeys = {
  inScope: (rootIds: readonly string[]) => ['tasks', 'scope', ...rootIds] as const,
  one: (id: string) => ['tasks', id] as const,
  tree: (query: string) => ['tasks', 'tree', query] as const,
  history: (id: string) => ['tasks', id, 'history'] as const,
};

/** Every task of my scope (each grant's subtree, any source), soonest due first. */
export function useTasksInScope() {
  const me = useMe().data;
  const roots = grantRoots(me?.grants ?? []).map((g) => g.jurisdictionId);
  return useQuery({
    queryKey: taskKeys.inScope(roots),
    enabled: Boolean(me),
    queryFn: async () => {
      const lists = await Promise.all(roots.map((id) => call(fb.GET('/api/v1/tasks', { params: { query: { jurisdictionId: id } } }))));
      return lists.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
  });
}

export const useTask = (id: string) => useQuery({ queryKey: taskKeys.one(id), queryFn: () => call(fb.GET('/api/v1/tasks/{id}', { params: { path: { id } } })) });

/** The whole tree of the task's source, as far as I may see it. */
export const useTaskTree = (task: Task | undefined) => {
  const query = task ? treeQuery(task) : '';
  return useQuery({ queryKey: taskKeys.tree(query), enabled: Boolean(task), queryFn: () => call(fb.GET('/api/v1/tasks', rawQuery(query))) });
};

export const useTaskHistory = (id: string) => useQuery({ queryKey: taskKeys.history(id), queryFn: () => call(fb.GET('/api/v1/tasks/{id}/history', { params: { path: { id } } })) });
