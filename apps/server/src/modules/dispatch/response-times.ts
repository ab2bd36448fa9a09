import type { IncidentOrigin, ResponseTimesReport } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { csvField } from '../campaigns/index.js';

interface Scope {
  jurisdiction: { id: string; path: string };
  from: Date;
  to: Date;
  /** Live, historical or simulated incidents: one origin per report, so they never mix. */
  origin: IncidentOrigin;
}

/**
 * The incidents of the subtree received in the period, each with its first unit sent and first
 * unit on scene. A unit sent and later cancelled was still sent: the dispatcher's part was done.
 * Imported history keeps its units' times in `imported_responses` (modules/history); `least`
 * skips the side that has none. `doubtful`: an imported call with a local time in an hour a DST
 * change repeats or skips (modules/history): its durations may be an hour off or negative, so it
 * is counted but left out of every interval and tier.
 */
const inScope = ({ jurisdiction, from, to, origin }: Scope) => sql`select i.id, i.received_at, i.tiers,
    least((select min(a.assigned_at) from assignments a where a.incident_id = i.id),
      (select min(h.dispatched_at) from imported_responses h where h.incident_id = i.id)) as dispatched_at,
    least((select min(a.on_scene_at) from assignments a where a.incident_id = i.id),
      (select min(h.on_scene_at) from imported_responses h where h.incident_id = i.id)) as arrived_at,
    exists (select 1 from imported_calls c where c.incident_id = i.id and c.time_doubt is not null) as doubtful
  from incidents i
  where i.jurisdiction_path <@ ${jurisdiction.path}::ltree and i.received_at >= ${from} and i.received_at < ${to} and i.origin = ${origin}
    and i.duplicate_of is null`; // a linked duplicate is the same emergency as its original: counted once

const seconds = (later: string, earlier: string) => sql.raw(`extract(epoch from (${later} - ${earlier}))::float8`);
const percentiles = (name: string, later: string, earlier: string) => sql`
  (count(${sql.raw(later)}) filter (where not doubtful))::int as ${sql.raw(`${name}_count`)},
  percentile_cont(0.5) within group (order by ${seconds(later, earlier)}) filter (where not doubtful) as ${sql.raw(`${name}_p50`)},
  percentile_cont(0.9) within group (order by ${seconds(later, earlier)}) filter (where not doubtful) as ${sql.raw(`${name}_p90`)}`;

type IntervalRow = Record<`${'c2d' | 'd2a' | 'c2a'}_${'count' | 'p50' | 'p90'}`, number | null>;

/** Whole seconds: a chief reads 1033, not 1033.4000000000005. */
const wholeSeconds = (v: number | null) => (v === null ? null : Math.round(Number(v)));

const interval = (r: IntervalRow, name: 'c2d' | 'd2a' | 'c2a') => ({
  count: Number(r[`${name}_count`]),
  p50Seconds: wholeSeconds(r[`${name}_p50`]),
  p90Seconds: wholeSeconds(r[`${name}_p90`]),
});

/** Response times and tier compliance of a jurisdiction's subtree over a period, computed in PostgreSQL. */
export async function responseTimes(q: Queryable, scope: Scope): Promise<ResponseTimesReport> {
  const [totals] = await rows<IntervalRow & { incidents: number; doubtful: number }>(q, sql`with s as (${inScope(scope)})
    select count(*)::int as incidents, (count(*) filter (where doubtful))::int as doubtful,
      ${percentiles('c2d', 'dispatched_at', 'received_at')},
      ${percentiles('d2a', 'arrived_at', 'dispatched_at')},
      ${percentiles('c2a', 'arrived_at', 'received_at')}
    from s`);
  const tiers = await rows<{ tier: number; met: number; missed: number; open: number }>(q, sql`with s as (${inScope(scope)})
    select (t->>'tier')::int as tier,
      (count(*) filter (where t->>'metAt' is not null))::int as met,
      (count(*) filter (where t->>'missedAt' is not null))::int as missed,
      (count(*) filter (where t->>'metAt' is null and t->>'missedAt' is null))::int as open
    from s cross join lateral jsonb_array_elements(s.tiers) as t
    where not s.doubtful
    group by 1 order by 1`);
  const t = totals!;
  return {
    jurisdictionId: scope.jurisdiction.id,
    jurisdictionPath: scope.jurisdiction.path,
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    origin: scope.origin,
    counts: { incidents: Number(t.incidents), dispatched: Number(t.c2d_count), arrived: Number(t.c2a_count) },
    doubtfulTimes: Number(t.doubtful),
    callToDispatch: interval(t, 'c2d'),
    dispatchToArrival: interval(t, 'd2a'),
    callToArrival: interval(t, 'c2a'),
    tiers: tiers.map((x) => {
      const [met, missed, open] = [Number(x.met), Number(x.missed), Number(x.open)];
      return { tier: Number(x.tier), met, missed, open, complianceRate: met + missed === 0 ? null : Math.round((1000 * met) / (met + missed)) / 1000 };
    }),
  };
}

const cell = (v: number | null) => (v === null ? '' : v);

/** One line per measure: the three intervals, then each tier's compliance. */
export function responseTimesCsv(r: ResponseTimesReport): string {
  const head = ['jurisdiction_path', 'from', 'to', 'measure', 'count', 'p50_seconds', 'p90_seconds', 'met', 'missed', 'open', 'compliance_rate', 'origin'];
  const lines = [head.join(',')];
  const line = (values: (string | number)[]) => lines.push([r.jurisdictionPath, r.from, r.to, ...values, r.origin].map(csvField).join(','));
  line(['incidents', r.counts.incidents, '', '', '', '', '', '']);
  line(['doubtful_times_excluded', r.doubtfulTimes, '', '', '', '', '', '']);
  for (const [measure, s] of [['call_to_dispatch', r.callToDispatch], ['dispatch_to_arrival', r.dispatchToArrival], ['call_to_arrival', r.callToArrival]] as const) {
    line([measure, s.count, cell(s.p50Seconds), cell(s.p90Seconds), '', '', '', '']);
  }
  for (const x of r.tiers) line([`tier_${x.tier}`, x.met + x.missed + x.open, '', '', x.met, x.missed, x.open, cell(x.complianceRate)]);
  return `${lines.join('\r\n')}\r\n`;
}
