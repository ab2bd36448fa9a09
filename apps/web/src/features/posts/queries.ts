import { useQuery } from '@tanstack/react-query';
import { call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { grantRoots } from '../tasks/task-filters';

/** Every post query starts with 'posts': a post event marks them all stale (live/apply-events). */
export const postKeys = {
  under: (rootIds: readonly string[]) => ['posts', 'under', ...rootIds] as const,
  one: (id: string) => ['posts', id] as const,
  holdings: (id: string) => ['posts', id, 'holdings'] as const,
  holderAt: (id: string, at: string) => ['posts', id, 'holder', at] as const,
};

/** The posts of my whole scope (every grant's subtree), with their current holders, in path order. */
export function usePostsInScope() {
  const me = useMe().data;
  const roots = grantRoots(me?.grants ?? []).map((g) => g.jurisdictionId);
  return useQuery({
    queryKey: postKeys.under(roots),
    enabled: Boolean(me),
    queryFn: async () => (await Promise.all(roots.map((id) => call(fb.GET('/api/v1/posts', { params: { query: { jurisdictionId: id, subtree: 'true' } } }))))).flat(),
  });
}

export const usePost = (id: string) => useQuery({ queryKey: postKeys.one(id), queryFn: () => call(fb.GET('/api/v1/posts/{id}', { params: { path: { id } } })) });
export const useHoldings = (id: string) => useQuery({ queryKey: postKeys.holdings(id), queryFn: () => call(fb.GET('/api/v1/posts/{id}/holdings', { params: { path: { id } } })) });
export const useHolderAt = (id: string, at: string | null) =>
  useQuery({ queryKey: postKeys.holderAt(id, at ?? ''), enabled: at !== null, queryFn: () => call(fb.GET('/api/v1/posts/{id}/holder', { params: { path: { id }, query: { at: at! } } })) });

/** Staff accounts at and under a jurisdiction (people a post can be handed to). */
export const useStaffUnder = (jurisdictionId: string, enabled: boolean) =>
  useQuery({ queryKey: ['staff', 'under', jurisdictionId], enabled, queryFn: () => call(fb.GET('/api/v1/staff', { params: { query: { jurisdictionId, limit: 500 } } })) });
