import type { Assignment, Hazard, Incident, Jurisdiction, Me, Place, Recommendations, Unit } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiAll } from './http';

/** Every cache key in one place, so the live stream knows what each event touches. */
export const keys = {
  me: ['me'] as const,
  openIncidents: ['incidents', 'open'] as const,
  incident: (id: string) => ['incident', id] as const,
  assignments: (id: string) => ['incident', id, 'assignments'] as const,
  recommendations: (id: string) => ['incident', id, 'recommendations'] as const,
  timeline: (id: string) => ['incident', id, 'timeline'] as const,
  units: ['units'] as const,
  places: ['places'] as const,
  openHazards: ['hazards', 'open'] as const,
  jurisdictions: ['jurisdictions'] as const,
  boundaries: ['jurisdictions', 'boundaries'] as const,
};

export type JurisdictionNode = Jurisdiction & { children: JurisdictionNode[] };
export type JurisdictionWithBoundary = Jurisdiction & { boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon | null };
export interface TimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => api<Me>('/auth/me'), retry: false, staleTime: 60_000 });

export const useOpenIncidents = () =>
  useQuery({ queryKey: keys.openIncidents, queryFn: () => apiAll<Incident>('/incidents?state=open', 500) });

export const useIncident = (id: string) => useQuery({ queryKey: keys.incident(id), queryFn: () => api<Incident>(`/incidents/${id}`) });

export const useAssignments = (id: string) =>
  useQuery({ queryKey: keys.assignments(id), queryFn: () => api<Assignment[]>(`/incidents/${id}/assignments`) });

export const useRecommendations = (id: string, enabled: boolean) =>
  useQuery({ queryKey: keys.recommendations(id), queryFn: () => api<Recommendations>(`/incidents/${id}/recommendations?limit=20`), enabled });

export const useTimeline = (id: string) =>
  useQuery({ queryKey: keys.timeline(id), queryFn: () => api<TimelineEntry[]>(`/incidents/${id}/timeline`) });

export const useUnits = (enabled = true) => useQuery({ queryKey: keys.units, queryFn: () => apiAll<Unit>('/units', 1000), enabled });

export const usePlaces = (enabled = true) => useQuery({ queryKey: keys.places, queryFn: () => apiAll<Place>('/places', 500), enabled, staleTime: 5 * 60_000 });

export const useOpenHazards = (enabled = true) =>
  useQuery({ queryKey: keys.openHazards, queryFn: () => apiAll<Hazard>('/hazards?state=open,rectifying,submitted', 500), enabled });

export const useJurisdictions = () => useQuery({ queryKey: keys.jurisdictions, queryFn: () => api<JurisdictionNode[]>('/jurisdictions'), staleTime: 10 * 60_000 });

/** Boundaries of the top of my tree (roots and two levels below), for the map overlay. */
export const useBoundaries = (tree: JurisdictionNode[] | undefined) =>
  useQuery({
    queryKey: keys.boundaries,
    enabled: Boolean(tree),
    staleTime: 30 * 60_000,
    queryFn: async () => {
      const ids: string[] = [];
      const walk = (nodes: JurisdictionNode[], depth: number) => {
        for (const n of nodes) {
          if (ids.length < 80) ids.push(n.id);
          if (depth < 2) walk(n.children, depth + 1);
        }
      };
      walk(tree ?? [], 0);
      return Promise.all(ids.map((id) => api<JurisdictionWithBoundary>(`/jurisdictions/${id}`)));
    },
  });
