import type { ReinforcementCandidate, ReinforcementRequest, ReinforcementTargets } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

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
  useQuery({ queryKey: reinforcementKeys.ofIncident(incidentId), queryFn: () => api<ReinforcementRequest[]>(`/incidents/${incidentId}/reinforcement-requests`) });

export const useReinforcementTargets = (incidentId: string, enabled: boolean) =>
  useQuery({ queryKey: reinforcementKeys.targets(incidentId), queryFn: () => api<ReinforcementTargets>(`/incidents/${incidentId}/reinforcement-targets`), enabled, staleTime: 10 * 60_000 });

/** Requests waiting for my level's answer now. */
export const useReinforcementInbox = () =>
  useQuery({ queryKey: reinforcementKeys.inbox, queryFn: () => api<ReinforcementRequest[]>('/reinforcement-requests?addressed=mine') });

/** Every request I may see (my incidents', and those my level was asked or answered), newest first. */
export const useReinforcementHistory = () =>
  useQuery({ queryKey: [...reinforcementKeys.all, 'history'], queryFn: () => api<ReinforcementRequest[]>('/reinforcement-requests?addressed=all') });

export const useGrantCandidates = (requestId: string, enabled: boolean) =>
  useQuery({ queryKey: reinforcementKeys.candidates(requestId), queryFn: () => api<ReinforcementCandidate[]>(`/reinforcement-requests/${requestId}/candidates`), enabled });
