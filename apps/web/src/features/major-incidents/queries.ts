import type {
  AfterActionReport as AfterActionReportSchema, MajorIncident as MajorIncidentSchema, MajorIncidentSummary as MajorIncidentSummarySchema,
  AlertDraft as AlertDraftSchema, PublicAlert as PublicAlertSchema, ReportUpClock as ReportUpClockSchema, Sitrep as SitrepSchema,
} from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { call, fb } from '../../api/http';
import type { Out } from '../../api/types';

export type MajorIncident = Out<typeof MajorIncidentSchema>;
export type MajorIncidentSummary = Out<typeof MajorIncidentSummarySchema>;
export type Sitrep = Out<typeof SitrepSchema>;
export type ReportUpClock = Out<typeof ReportUpClockSchema>;
export type AfterActionReport = Out<typeof AfterActionReportSchema>;
export type CommandPosition = MajorIncident['positions'][number];
export type PublicAlert = Out<typeof PublicAlertSchema>;
export type AlertDraft = Out<typeof AlertDraftSchema>;

/** Every query of this feature starts with 'major-incidents': a stream event refreshes them all. */
export const majorKeys = {
  all: ['major-incidents'] as const,
  list: ['major-incidents', 'list'] as const,
  one: (id: string) => ['major-incidents', id] as const,
  sitreps: (id: string) => ['major-incidents', id, 'sitreps'] as const,
  afterAction: (id: string) => ['major-incidents', id, 'after-action'] as const,
  alerts: (id: string) => ['major-incidents', id, 'alerts'] as const,
  alertDrafts: (id: string) => ['major-incidents', id, 'alert-drafts'] as const,
  hospitals: (id: string) => ['major-incidents', id, 'hospitals'] as const,
  settings: ['major-incidents', 'settings'] as const,
  offers: ['major-incidents', 'traffic-point-offers'] as const,
};

export const useMajorIncidents = () => useQuery({ queryKey: majorKeys.list, queryFn: () => call(fb.GET('/api/v1/major-incidents', { params: { query: { limit: 200 } } })) });
export const useMajorIncident = (id: string) => useQuery({ queryKey: majorKeys.one(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}', { params: { path: { id } } })) });
export const useSitreps = (id: string) => useQuery({ queryKey: majorKeys.sitreps(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}/sitreps', { params: { path: { id } } })) });
export const useMajorAlerts = (id: string) => useQuery({ queryKey: majorKeys.alerts(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}/alerts', { params: { path: { id } } })) });
export const useAlertDrafts = (id: string) => useQuery({ queryKey: majorKeys.alertDrafts(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}/alert-drafts', { params: { path: { id } } })) });
export const useMajorHospitals = (id: string) => useQuery({ queryKey: majorKeys.hospitals(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}/hospitals', { params: { path: { id } } })) });
/** Open traffic control points offered to my patrols; refreshed by any major-incident event, and every 20 s (points of a place I do not read). */
export const useTrafficPointOffers = (enabled = true) => useQuery({
  queryKey: majorKeys.offers, enabled, refetchInterval: 20_000,
  queryFn: () => call(fb.GET('/api/v1/major-incidents/traffic-point-offers')),
});
export const useMajorSettings = () => useQuery({ queryKey: majorKeys.settings, queryFn: () => call(fb.GET('/api/v1/major-incidents/settings')), staleTime: Infinity });
export const useAfterAction = (id: string) => useQuery({ queryKey: majorKeys.afterAction(id), queryFn: () => call(fb.GET('/api/v1/major-incidents/{id}/after-action', { params: { path: { id } } })) });

/** The state of one clock at `now`: met, missed, or open with the seconds left (negative once past due, until the sweep settles it). */
export function clockState(c: { deadlineAt: string; metAt: string | null; missedAt: string | null }, now: number): { state: 'met' | 'missed' | 'open' | 'overdue'; secondsLeft: number } {
  const secondsLeft = (Date.parse(c.deadlineAt) - now) / 1000;
  if (c.metAt) return { state: 'met', secondsLeft };
  if (c.missedAt) return { state: 'missed', secondsLeft };
  return { state: secondsLeft < 0 ? 'overdue' : 'open', secondsLeft };
}

/** A date and time in the user's language and the browser's time zone. */
export function formatWhen(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
}
