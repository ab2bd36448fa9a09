import type { ClosedDay, ClosedDayInForce, ClosedDayKind, ClosedDayNames, ClosedDaysList, Jurisdiction } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { ClosedDayRule } from './closed-days-model.js';

/**
 * Reading closed days. The table is small (tens of rows per jurisdiction and year), so a date's or a
 * window's rules are read whole and applied per place in memory (`closedOn`).
 */

/** Every closed day overlapping [from, to] (local dates), of every jurisdiction: applied by path per place. */
export async function closedDayRules(q: Queryable, from: string, to: string): Promise<ClosedDayRule[]> {
  const found = await rows<{ path: string; from: string; to: string; kind: ClosedDayKind; categories: string[] }>(q, sql`
    select jurisdiction_path::text as path, from_date::text as "from", to_date::text as "to", kind, categories
    from closed_days where from_date <= ${to}::date and to_date >= ${from}::date`);
  return found.map((r) => ({ jurisdictionPath: r.path, from: r.from, to: r.to, kind: r.kind, categories: r.categories }));
}

interface DayRow { jurisdiction_id: string; path: string; jname: string; from: string; to: string; kind: ClosedDayKind; name: string; names: ClosedDayNames | null; categories: string[] }

/** The names in one key order, only the languages given (none: undefined), so equal lists compare equal. */
export function namesInOrder(names: ClosedDayNames | null | undefined): ClosedDayNames | undefined {
  if (!names) return undefined;
  const out: ClosedDayNames = {};
  if (names.en) out.en = names.en;
  if (names['zh-CN']) out['zh-CN'] = names['zh-CN'];
  return out.en || out['zh-CN'] ? out : undefined;
}

const asDay = (r: DayRow): ClosedDay => {
  const names = namesInOrder(r.names);
  return { from: r.from, to: r.to, kind: r.kind, name: r.name, ...(names ? { names } : {}), categories: r.categories as ClosedDay['categories'] };
};

/** A jurisdiction's own list for a year and what the jurisdictions above set for it, by date. */
export async function closedDaysList(q: Queryable, j: Pick<Jurisdiction, 'id' | 'path'>, year: number): Promise<ClosedDaysList> {
  const found = await rows<DayRow>(q, sql`select d.jurisdiction_id, d.jurisdiction_path::text as path, j.name as jname, d.from_date::text as "from", d.to_date::text as "to", d.kind, d.name, d.names, d.categories
    from closed_days d join jurisdictions j on j.id = d.jurisdiction_id
    where d.year = ${year} and d.jurisdiction_path @> ${j.path}::ltree
    order by d.from_date, d.to_date, nlevel(d.jurisdiction_path), d.name`);
  const [list] = await rows<{ version: number; updated_at: Date | string }>(q, sql`select version, updated_at from closed_day_lists where jurisdiction_id = ${j.id} and year = ${year}`);
  const inherited: ClosedDayInForce[] = found.filter((r) => r.jurisdiction_id !== j.id)
    .map((r) => ({ ...asDay(r), jurisdictionId: r.jurisdiction_id, jurisdictionPath: r.path, jurisdictionName: r.jname }));
  return {
    jurisdictionId: j.id, jurisdictionPath: j.path, year,
    days: found.filter((r) => r.jurisdiction_id === j.id).map(asDay),
    inherited,
    version: list ? Number(list.version) : null,
    updatedAt: list ? new Date(list.updated_at).toISOString() : null,
  };
}

const localYear = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) at an instant in a time zone. */
export function localDate(at: Date | number, timeZone: string): string {
  let f = localYear.get(timeZone);
  if (!f) localYear.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}
