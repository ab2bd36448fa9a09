import type { Campaign, CampaignProgress } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiAll } from '../../api/http';
import type { CampaignAssignment, ChecklistTemplate, CoverageTree } from '../../api/types';

/** Every campaign query starts with 'campaigns': an inspection or a sweep marks them all stale (apply-events). */
export const campaignKeys = {
  list: ['campaigns', 'list'] as const,
  one: (id: string) => ['campaigns', id] as const,
  coverage: (id: string) => ['campaigns', id, 'coverage'] as const,
  assignments: (id: string, status: string) => ['campaigns', id, 'assignments', status] as const,
  progress: (id: string, jurisdictionId: string | null) => ['campaigns', id, 'progress', jurisdictionId] as const,
};

export const useCampaigns = (enabled = true) => useQuery({ queryKey: campaignKeys.list, queryFn: () => api<Campaign[]>('/campaigns'), enabled });
export const useCampaign = (id: string) => useQuery({ queryKey: campaignKeys.one(id), queryFn: () => api<Campaign>(`/campaigns/${id}`) });
export const useCoverage = (id: string) =>
  useQuery({ queryKey: campaignKeys.coverage(id), queryFn: () => api<CoverageTree>(`/campaigns/${id}/coverage?depth=2`) });
export const useCampaignAssignments = (id: string, status: 'all' | 'pending' | 'done' | 'missed') =>
  useQuery({
    queryKey: campaignKeys.assignments(id, status),
    queryFn: () => apiAll<CampaignAssignment>(`/campaigns/${id}/assignments${status === 'all' ? '' : `?status=${status}`}`, 500, 10),
  });
export const useChecklists = (category: string | null) =>
  useQuery({
    queryKey: ['checklists', category],
    enabled: category !== null,
    staleTime: 10 * 60_000,
    queryFn: () => api<ChecklistTemplate[]>(`/checklists?category=${category}`),
  });

/** The browser's time zone: a commander reads the days of the progress chart as their own calendar days. */
const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Per-day progress of a campaign, under a jurisdiction (default: as the coverage report chooses). */
export const useCampaignProgress = (id: string, jurisdictionId: string | null = null) =>
  useQuery({
    queryKey: campaignKeys.progress(id, jurisdictionId),
    queryFn: () => {
      const q = new URLSearchParams({ timeZone: timeZone() });
      if (jurisdictionId) q.set('jurisdictionId', jurisdictionId);
      return api<CampaignProgress>(`/campaigns/${id}/progress?${q}`);
    },
  });
