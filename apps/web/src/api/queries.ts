import type { Schemas } from '@firebreak/client';
import { useQuery } from '@tanstack/react-query';
import { allPages, call, fb } from './http';
import { idsBelowRoots } from './jurisdiction-tree';
import { unitListSharing } from './unit-list';

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
  rootBoundaries: ['jurisdictions', 'boundaries', 'roots'] as const,
  boundaries: ['jurisdictions', 'boundaries', 'below'] as const,
};

export type JurisdictionNode = Schemas['JurisdictionNode'];
export type JurisdictionWithBoundary = Schemas['JurisdictionDetail'];
export type TimelineEntry = Schemas['TimelineEntry'];

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => call(fb.GET('/api/v1/auth/me')), retry: false, staleTime: 60_000 });

export const useOpenIncidents = () =>
  useQuery({ queryKey: keys.openIncidents, queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/incidents', { params: { query: { state: 'open', limit: 500, cursor } } }))) });

export const useIncident = (id: string) => useQuery({ queryKey: keys.incident(id), queryFn: () => call(fb.GET('/api/v1/incidents/{id}', { params: { path: { id } } })) });

export const useAssignments = (id: string) =>
  useQuery({ queryKey: keys.assignments(id), queryFn: () => call(fb.GET('/api/v1/incidents/{id}/assignments', { params: { path: { id } } })) });

export const useRecommendations = (id: string, enabled: boolean) =>
  useQuery({ queryKey: keys.recommendations(id), queryFn: () => call(fb.GET('/api/v1/incidents/{id}/recommendations', { params: { path: { id }, query: { limit: 20 } } })), enabled });

export const useTimeline = (id: string) =>
  useQuery({ queryKey: keys.timeline(id), queryFn: () => call(fb.GET('/api/v1/incidents/{id}/timeline', { params: { path: { id } } })) });

export const useUnits = (enabled = true) =>
  useQuery({ queryKey: keys.units, queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/units', { params: { query: { limit: 1000, cursor } } }))), enabled, structuralSharing: unitListSharing });

export const usePlaces = (enabled = true) => useQuery({ queryKey: keys.places, queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/places', { params: { query: { limit: 500, cursor } } }))), enabled, staleTime: 5 * 60_000 });

export const useOpenHazards = (enabled = true) =>
  useQuery({ queryKey: keys.openHazards, queryFn: () => allPages((cursor) => call(fb.GET('/api/v1/hazards', { params: { query: { state: 'open,rectifying,submitted', limit: 500, cursor } } }))), enabled });

export const useJurisdictions = () => useQuery({ queryKey: keys.jurisdictions, queryFn: () => call(fb.GET('/api/v1/jurisdictions')), staleTime: 10 * 60_000 });

const boundaryOf = (id: string) => call(fb.GET('/api/v1/jurisdictions/{id}', { params: { path: { id } } }));

/**
 * Boundaries of the roots of my tree: all the first view needs (the box of my area), in a query of their own so the
 * map is not made only after every boundary below has come (14 requests on the demo country, up to 80).
 */
export const useRootBoundaries = (tree: JurisdictionNode[] | undefined) =>
  useQuery({
    queryKey: keys.rootBoundaries,
    enabled: Boolean(tree),
    staleTime: 30 * 60_000,
    queryFn: () => Promise.all((tree ?? []).map((n) => boundaryOf(n.id))),
  });

/**
 * Boundaries of the two levels below the roots (with the roots, at most 80), for the map overlay. Asked for when `ready`
 * (the operations screen: once the roots' have come and the map has drawn its first view): sent beside the roots', their
 * 13-80 requests shared the browser's six connections and the server's one thread with the requests the first view waits for.
 */
export const useBoundariesBelowRoots = (tree: JurisdictionNode[] | undefined, ready: boolean) =>
  useQuery({
    queryKey: keys.boundaries,
    enabled: Boolean(tree) && ready,
    staleTime: 30 * 60_000,
    queryFn: () => Promise.all(idsBelowRoots(tree ?? [], 2, 80).map(boundaryOf)),
  });
