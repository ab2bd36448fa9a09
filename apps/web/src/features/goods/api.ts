import { useQuery } from '@tanstack/react-query';
import { call, fb } from '../../api/http';

/** Every goods query starts with 'goods': one stream event (goods.*) marks them all stale. */
export const goodsKeys = {
  all: ['goods'] as const,
  sites: ['goods', 'sites'] as const,
  site: (id: string) => ['goods', 'site', id] as const,
  ledger: (id: string) => ['goods', 'ledger', id] as const,
};

export const useGoodsSites = () => useQuery({ queryKey: goodsKeys.sites, queryFn: () => call(fb.GET('/api/v1/goods/sites')) });
export const useGoodsSite = (id: string) => useQuery({ queryKey: goodsKeys.site(id), queryFn: () => call(fb.GET('/api/v1/goods/sites/{id}', { params: { path: { id } } })) });
// Under 'goods': a count recorded (goods.* event) marks it stale with the rest.
export const useDiscrepancyReport = () => useQuery({ queryKey: ['goods', 'discrepancy-report'], queryFn: () => call(fb.GET('/api/v1/goods/discrepancies/report')) });
export const useGoodsLedger = (id: string) => useQuery({ queryKey: goodsKeys.ledger(id), queryFn: () => call(fb.GET('/api/v1/goods/sites/{id}/transfers', { params: { path: { id }, query: { limit: 200 } } })) });

export const permitKeys = {
  list: ['goods', 'permits'] as const,
  alerts: (id: string) => ['goods', 'permit-alerts', id] as const,
  trail: (id: string) => ['goods', 'permit-trail', id] as const,
};

export const useTransportPermits = () => useQuery({ queryKey: permitKeys.list, queryFn: () => call(fb.GET('/api/v1/goods/permits', { params: { query: { active: 'true' } } })) });
export const usePermitAlerts = (id: string) => useQuery({ queryKey: permitKeys.alerts(id), queryFn: () => call(fb.GET('/api/v1/goods/permits/{id}/alerts', { params: { path: { id } } })) });
export const usePermitTrail = (id: string) => useQuery({ queryKey: permitKeys.trail(id), queryFn: () => call(fb.GET('/api/v1/goods/permits/{id}/trail', { params: { path: { id } } })) });
export const useMajorHoldings = (id: string) => useQuery({ queryKey: ['goods', 'major-holdings', id], queryFn: () => call(fb.GET('/api/v1/goods/major-incidents/{id}/holdings', { params: { path: { id } } })) });
