import type { PlaceCategory } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { allPages, call, fb } from '../../api/http';

/** Every campaign query starts with 'campaigns': an inspection or a sweep marks them all stale (apply-events). */
export const campaignKeys = {
  list: ['campaigns', 'list'] as const,
  one: (id: string) => ['campaigns', id] as const,
  coverage: (id: string) => ['campaigns', id, 'coverage'] as const,
  assignments: (id: string, status: string) => ['campaigns', id, 'assignments', status] as const,
  progress: (id: string, jurisdictionId: string | null) => ['campaigns', id, 'progress', jurisdictionId] as const,
};

export const useCampaigns = (enabled = true) => useQuery({ queryKey: campaignKeys.list, queryFn: () => call(fb.GET('/api/v1/campaigns')), enabled });
export const useCampaign = (id: string) => useQuery({ queryKey: campaignKeys.one(id), queryFn: () => call(fb.GET('/api/v1/campaigns/{id}', { params: { path: { id } } })) });
export const useCoverage = (id: string) =>
  useQuery({ queryKey: campaignKeys.coverage(id), queryFn: () => call(fb.GET('/api/v1/campaigns/{id}/coverage', { params: { path: { id }, query: { depth: 2 } } })) });
export const useCampaignAssignments = (id: string, status: 'all' | 'pending' | 'done' | 'missed') =>
  useQuery({
    queryKey: campaignKeys.assignments(id, status),
    queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/campaigns/{id}/assignments', { params: { path: { id }, query: { ...(status === 'all' ? {} : { status }), limit: 500, cursor } } })), 10),
  });
export const useChecklists = (category: PlaceCategory | null) =>
  useQuery({
    queryKey: ['checklists', category],
    enabled: category !== null,
    staleTime: 10 * 60_000,
    queryFn: () => call(fb.GET('/api/v1/checklists', { params: { query: { category: category ?? undefined } } })),
  });

/** The browser's time zone: a commander reads the days of the progress chart as their own calendar days. */
const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Per-day progress of a campaign, under a jurisdiction (default: as the coverage report chooses). */
export const useCampaignProgress = (id: string, jurisdictionId: string | null = null) =>
  useQuery({
    queryKey: campaignKeys.progress(id, jurisdictionId),
    queryFn: () => {
      const query = { timeZone: timeZone(), ...(jurisdictionId ? { jurisdictionId } : {}) };
      return call(fb.GET('/api/v1/campaigns/{id}/progress', { params: { path: { id }, query } }));
    },
  });
