import type { SupervisionSubject } from '@firebreak/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { allPages, call, fb } from '../../api/http';

/**
 * Visits live under 'hazards': a visit's corrections are hazard records, so every `hazards.*` event
 * from the live stream (a correction raised, started, submitted, verified, escalated) marks them stale.
 */
export const supervisionKeys = {
  all: ['hazards', 'supervision'] as const,
  list: (kind: SupervisionSubject | null) => ['hazards', 'supervision', 'visits', kind] as const,
  one: (id: string) => ['hazards', 'supervision', 'visit', id] as const,
};

export const useVisits = (kind: SupervisionSubject | null) =>
  useQuery({ queryKey: supervisionKeys.list(kind), queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/supervision/visits', { params: { query: { ...(kind ? { subjectType: kind } : {}), limit: 200, cursor } } })), 5) });

export const useVisit = (id: string) => useQuery({ queryKey: supervisionKeys.one(id), queryFn: () => call(fb.GET('/api/v1/supervision/visits/{id}', { params: { path: { id } } })) });

/** Places whose name contains what was typed (two letters at least), asked of the server as the user types. */
export function usePlaceSearch(text: string) {
  const [q] = useDebouncedValue(text.trim(), 250);
  return useQuery({
    queryKey: ['places', 'search', q],
    enabled: q.length >= 2,
    staleTime: 60_000,
    queryFn: () => call(fb.GET('/api/v1/places', { params: { query: { q, limit: 20 } } })).then((r) => r.items),
  });
}

/** The same list and key as the directives screen. */
export const useDirectiveList = (enabled: boolean) => useQuery({ queryKey: ['directives', 'list'], enabled, queryFn: () => call(fb.GET('/api/v1/directives', { params: { query: { limit: 200 } } })) });
export const useDirectiveTasks = (directiveId: string | null) =>
  useQuery({ queryKey: ['tasks', 'directive', directiveId], enabled: directiveId !== null, queryFn: () => call(fb.GET('/api/v1/tasks', { params: { query: { directiveId: directiveId! } } })) });
