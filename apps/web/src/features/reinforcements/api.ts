import { useQuery } from '@tanstack/react-query';
import { call, fb } from '../../api/http';

/** Every reinforcement query starts with 'reinforcements': one stream event marks them all stale. */
export const reinforcementKeys = {
  all: ['reinforcements'] as const,
  ofIncident: (id: string) => ['reinforcements', 'incident', id] as const,
  targets: (id: string) => ['reinforcements', 'targets', id] as const,
  inbox: ['reinforcements', 'inbox'] as const,
  one: (id: string) => ['reinforcements', 'one', id] as const,
  candidates: (id: string) => ['reinforcements', 'candidates', id] as const,
};

export const useIncidentReinforcements = (incidentId: string) =>
  useQuery({ queryKey: reinforcementKeys.ofIncident(incidentId), queryFn: () => call(fb.GET('/api/v1/incidents/{id}/reinforcement-requests', { params: { path: { id: incidentId } } })) });

export const useReinforcementTargets = (incidentId: string, enabled: boolean) =>
  useQuery({ queryKey: reinforcementKeys.targets(incidentId), queryFn: () => call(fb.GET('/api/v1/incidents/{id}/reinforcement-targets', { params: { path: { id: incidentId } } })), enabled, staleTime: 10 * 60_000 });

/** Requests waiting for my level's answer now. */
export const useReinforcementInbox = () =>
  useQuery({ queryKey: reinforcementKeys.inbox, queryFn: () => call(fb.GET('/api/v1/reinforcement-requests', { params: { query: { addressed: 'mine' } } })) });

/** Every request I may see (my incidents', and those my level was asked or answered), newest first. */
export const useReinforcementHistory = () =>
  useQuery({ queryKey: [...reinforcementKeys.all, 'history'], queryFn: () => call(fb.GET('/api/v1/reinforcement-requests', { params: { query: { addressed: 'all' } } })) });

export const useGrantCandidates = (requestId: string, enabled: boolean) =>
  useQuery({ queryKey: reinforcementKeys.candidates(requestId), queryFn: () => call(fb.GET('/api/v1/reinforcement-requests/{id}/candidates', { params: { path: { id: requestId } } })), enabled });
