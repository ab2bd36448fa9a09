import type { GoodsSite, GoodsTransfer } from '@firebreak/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

/** Every goods query starts with 'goods': one stream event (goods.*) marks them all stale. */
export const goodsKeys = {
  all: ['goods'] as const,
  sites: ['goods', 'sites'] as const,
  site: (id: string) => ['goods', 'site', id] as const,
  ledger: (id: string) => ['goods', 'ledger', id] as const,
};

export const useGoodsSites = () => useQuery({ queryKey: goodsKeys.sites, queryFn: () => api<GoodsSite[]>('/goods/sites') });
export const useGoodsSite = (id: string) => useQuery({ queryKey: goodsKeys.site(id), queryFn: () => api<GoodsSite>(`/goods/sites/${id}`) });
export const useGoodsLedger = (id: string) => useQuery({ queryKey: goodsKeys.ledger(id), queryFn: () => api<GoodsTransfer[]>(`/goods/sites/${id}/transfers?limit=200`) });
