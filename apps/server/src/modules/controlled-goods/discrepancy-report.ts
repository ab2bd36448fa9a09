import type { DiscrepancyReportRow } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/** Per site (grouped under its jurisdiction): how many counts, how many found a difference above tolerance, of which major. */
export async function discrepancyReport(q: Queryable, f: { scope: SQL; underPath?: string | undefined; since?: Date | undefined }): Promise<DiscrepancyReportRow[]> {
  const conds = [f.scope];
  if (f.underPath) conds.push(sql`d.jurisdiction_path <@ ${f.underPath}::ltree`);
  if (f.since) conds.push(sql`d.at >= ${f.since}`);
  const found = await rows<DiscrepancyReportRow & { lastAt: Date }>(q, sql`select d.jurisdiction_path::text as "jurisdictionPath", d.site_id as "siteId", p.name as "siteName",
      count(distinct d.reconciliation_id)::int as reconciliations,
      count(*) filter (where d.severity in ('general', 'major'))::int as discrepancies,
      count(*) filter (where d.severity = 'major')::int as major, count(*) filter (where d.severity = 'general')::int as general, max(d.at) as "lastAt"
    from goods_discrepancies d join goods_sites s on s.id = d.site_id join places p on p.id = s.place_id
    where ${sql.join(conds, sql` and `)}
    group by d.jurisdiction_path, d.site_id, p.name order by d.jurisdiction_path, major desc, discrepancies desc, p.name`);
  return found.map((r) => ({ ...r, lastAt: new Date(r.lastAt).toISOString() }));
}
