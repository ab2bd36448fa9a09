import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { HazardReportSpeech } from './hazards-report-words.js';

export interface ReportRow {
  jurisdictionPath: string;
  name: string;
  found: number;
  foundMajor: number;
  fixed: number;
  open: number;
  overdue: number;
}

/**
 * Hazards under a jurisdiction, one row per child jurisdiction (plus one for hazards at the
 * jurisdiction itself when it has any): found and fixed (verified) in [from, to), open and
 * overdue at `now`. `total` is the whole subtree.
 */
export async function hazardReport(q: Queryable, path: string, from: Date, to: Date, now: Date): Promise<{ total: ReportRow; rows: ReportRow[] }> {
  const depth = path.split('.').length;
  const list = await rows<{ path: string; name: string | null; found: number; found_major: number; fixed: number; open: number; overdue: number }>(q, sql`
    with h as (
      select case when nlevel(jurisdiction_path) > ${depth} then subpath(jurisdiction_path, 0, ${depth + 1}) else jurisdiction_path end as bucket, *
      from hazards where jurisdiction_path <@ ${path}::ltree)
    select h.bucket::text as path, j.name,
      count(*) filter (where h.raised_at >= ${from} and h.raised_at < ${to})::int as found,
      count(*) filter (where h.raised_at >= ${from} and h.raised_at < ${to} and h.grade = 'major')::int as found_major,
      count(*) filter (where h.verified_at >= ${from} and h.verified_at < ${to})::int as fixed,
      count(*) filter (where h.state in ('open', 'rectifying', 'submitted'))::int as open,
      count(*) filter (where h.state in ('open', 'rectifying') and h.due_at < ${now})::int as overdue
    from h left join jurisdictions j on j.path = h.bucket
    group by h.bucket, j.name order by h.bucket`);
  const out = list.map((r) => ({ jurisdictionPath: r.path, name: r.name ?? r.path, found: r.found, foundMajor: r.found_major, fixed: r.fixed, open: r.open, overdue: r.overdue }));
  const [root] = await rows<{ name: string }>(q, sql`select name from jurisdictions where path = ${path}::ltree`);
  const total = out.reduce<ReportRow>((t, r) => ({ ...t, found: t.found + r.found, foundMajor: t.foundMajor + r.foundMajor, fixed: t.fixed + r.fixed, open: t.open + r.open, overdue: t.overdue + r.overdue }),
    { jurisdictionPath: path, name: root?.name ?? path, found: 0, foundMajor: 0, fixed: 0, open: 0, overdue: 0 });
  return { total, rows: out };
}

/**
 * The report as CSV, the subtree total last. The header and the names are the reader's; the path and
 * the counts stay as they are, so a spreadsheet joins on them in any language.
 */
export function hazardReportCsv(report: { total: ReportRow; rows: ReportRow[] }, s: HazardReportSpeech, csvField: (v: string | number) => string): string {
  const c = s.w.columns;
  const header = [c.path, c.name, c.found, c.foundMajor, c.fixed, c.open, c.overdue].map(csvField).join(',');
  const line = (r: ReportRow, name: string) => [r.jurisdictionPath, name, r.found, r.foundMajor, r.fixed, r.open, r.overdue].map(csvField).join(',');
  const { total } = report;
  return `${[header, ...report.rows.map((r) => line(r, s.place(r.jurisdictionPath, r.name))), line(total, s.w.total(s.place(total.jurisdictionPath, total.name)))].join('\r\n')}\r\n`;
}
