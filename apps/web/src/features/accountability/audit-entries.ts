/** One entry of a record's trail as this page shows it; `auditId` is absent where the source does not give it. */
export interface TrailEntry {
  auditId?: string;
  at: string;
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Where a user without `audit:read` may still read a record's trail: the history endpoints of the
 * records that have one, each under the permission that shows the record itself.
 */
const HISTORY: Record<string, (id: string) => string> = {
  hazard: (id) => `/hazards/${id}/history`,
  incident: (id) => `/incidents/${id}/timeline`,
  task: (id) => `/tasks/${id}/history`,
  place: (id) => `/places/${id}/history`,
  unit: (id) => `/units/${id}/history`,
};

/**
 * The request that reads a record's trail for me: the audit trail itself with `audit:read`; the
 * entries the trace line cites with `accountability:read` (the server keeps them to my scope);
 * else the record's history; else nothing.
 */
export function trailSource(entityType: string, entityId: string, permissions: readonly string[], cited: readonly string[] = []): { kind: 'audit' | 'cited' | 'history'; path: string } | null {
  if (permissions.includes('audit:read')) return { kind: 'audit', path: `/audit?entityId=${encodeURIComponent(entityId)}&limit=500` };
  if (permissions.includes('accountability:read') && cited.length > 0 && cited.length <= 200) return { kind: 'cited', path: `/accountability/audit-entries?ids=${cited.map(encodeURIComponent).join(',')}` };
  const history = HISTORY[entityType];
  return history ? { kind: 'history', path: history(entityId) } : null;
}

/** The ids a trace line cites, from the page's `?ids=`. */
export function citedIds(param: string | null): string[] {
  return (param ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
