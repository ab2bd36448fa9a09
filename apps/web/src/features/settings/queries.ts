import type { IncidentType, Priority } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { call, fb } from '../../api/http';
import type { JurisdictionNode } from '../../api/queries';

export type AgreementState = 'active' | 'revoked' | 'all';

export const settingsKeys = {
  plans: ['settings', 'response-plans'] as const,
  plansSet: (incidentType: IncidentType, priority: Priority) => ['settings', 'response-plans', 'set', incidentType, priority] as const,
  planInForce: (jurisdictionId: string, incidentType: IncidentType, priority: Priority) => ['settings', 'response-plans', jurisdictionId, incidentType, priority] as const,
  agreements: ['settings', 'mutual-aid'] as const,
  agreementList: (state: AgreementState) => ['settings', 'mutual-aid', state] as const,
};

export const usePlanInForce = (jurisdictionId: string | null, incidentType: IncidentType, priority: Priority) =>
  useQuery({
    queryKey: settingsKeys.planInForce(jurisdictionId ?? '', incidentType, priority),
    queryFn: () => call(fb.GET('/api/v1/response-plans/in-force', { params: { query: { jurisdictionId: jurisdictionId!, incidentType, priority } } })),
    enabled: Boolean(jurisdictionId),
  });

/** Every run card of a type and priority set in my scope: where the tree overrides it. */
export const usePlansSet = (incidentType: IncidentType, priority: Priority) =>
  useQuery({
    queryKey: settingsKeys.plansSet(incidentType, priority),
    queryFn: () => call(fb.GET('/api/v1/response-plans', { params: { query: { incidentType, priority } } })),
  });

export const useAgreements = (state: AgreementState) =>
  useQuery({ queryKey: settingsKeys.agreementList(state), queryFn: () => call(fb.GET('/api/v1/mutual-aid-agreements', { params: { query: { state } } })) });

/** Every jurisdiction of my tree by id and by path (names for paths the server answers with). */
export function indexTree(nodes: readonly JurisdictionNode[]): { byId: Map<string, JurisdictionNode>; byPath: Map<string, JurisdictionNode> } {
  const byId = new Map<string, JurisdictionNode>();
  const byPath = new Map<string, JurisdictionNode>();
  const walk = (list: readonly JurisdictionNode[]) => {
    for (const n of list) {
      byId.set(n.id, n);
      byPath.set(n.path, n);
      walk(n.children);
    }
  };
  walk(nodes);
  return { byId, byPath };
}
