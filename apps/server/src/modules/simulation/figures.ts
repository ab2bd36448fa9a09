import type { Priority } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/** One priority's figures of a simulated run, in seconds, rounded to the second (null: nothing to measure). */
export interface PriorityFigures {
  priority: Priority;
  calls: number;
  /** Calls with a unit on scene. */
  arrived: number;
  /** Received -> first unit sent (call processing). */
  callToDispatchP50: number | null;
  callToDispatchP90: number | null;
  /** Sent -> en route, per unit (turnout). */
  turnoutP50: number | null;
  /** En route -> on scene, per unit (travel). */
  travelP50: number | null;
  /** Received -> first unit on scene. */
  callToArrivalP50: number | null;
  callToArrivalP90: number | null;
  /** Share (0-1) of the calls with a unit on scene whose first unit was there within 5 and 10 min of the call. */
  within5Min: number | null;
  within10Min: number | null;
  /** Share of the calls whose units were sent by arrival detection (AVL) rather than a pressed status, per assignment on scene. */
  arrivalsByAvl: number | null;
  /** Units sent per call, on average. */
  unitsPerCall: number | null;
  /** Per on-scene tier of the 1-3-5 clock: met / (met + missed). */
  tiers: { tier: number; met: number; missed: number; rate: number | null }[];
}

const s = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
const share = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);

/**
 * The figures of the simulated incidents received in [from, to), per priority: what
 * docs/simulation.md compares with a small country's service. Computed in PostgreSQL, as the
 * response-times report is (percentile_cont).
 */
export async function simulatedFigures(q: Queryable, from: Date, to: Date): Promise<PriorityFigures[]> {
  const calls = await rows<Record<string, unknown>>(q, sql`
    with c as (
      select i.id, i.priority, i.received_at, i.tiers,
        (select min(a.assigned_at) from assignments a where a.incident_id = i.id) as sent,
        (select min(a.on_scene_at) from assignments a where a.incident_id = i.id) as arrived,
        (select count(*) from assignments a where a.incident_id = i.id) as units
      from incidents i where i.origin = 'simulated' and i.received_at >= ${from} and i.received_at < ${to})
    select priority, count(*)::int as calls, count(arrived)::int as arrived,
      percentile_cont(0.5) within group (order by extract(epoch from sent - received_at)) as c2d50,
      percentile_cont(0.9) within group (order by extract(epoch from sent - received_at)) as c2d90,
      percentile_cont(0.5) within group (order by extract(epoch from arrived - received_at)) as c2a50,
      percentile_cont(0.9) within group (order by extract(epoch from arrived - received_at)) as c2a90,
      (count(*) filter (where arrived - received_at <= interval '5 minutes'))::float8 / nullif(count(arrived), 0) as w5,
      (count(*) filter (where arrived - received_at <= interval '10 minutes'))::float8 / nullif(count(arrived), 0) as w10,
      avg(units) filter (where sent is not null) as units
    from c group by priority order by priority`);
  const units = await rows<Record<string, unknown>>(q, sql`
    select i.priority,
      percentile_cont(0.5) within group (order by extract(epoch from a.en_route_at - a.assigned_at)) as turnout50,
      percentile_cont(0.5) within group (order by extract(epoch from a.on_scene_at - a.en_route_at)) as travel50,
      (count(*) filter (where a.arrival_source = 'avl'))::float8 / nullif(count(a.on_scene_at), 0) as avl
    from assignments a join incidents i on i.id = a.incident_id
    where i.origin = 'simulated' and i.received_at >= ${from} and i.received_at < ${to} group by i.priority`);
  const tiers = await rows<{ priority: Priority; tier: number; met: number; missed: number }>(q, sql`
    select i.priority, (t->>'tier')::int as tier, (count(*) filter (where t->>'metAt' is not null))::int as met,
      (count(*) filter (where t->>'missedAt' is not null))::int as missed
    from incidents i cross join lateral jsonb_array_elements(i.tiers) as t
    where i.origin = 'simulated' and i.received_at >= ${from} and i.received_at < ${to} group by 1, 2 order by 1, 2`);
  return calls.map((c) => {
    const u = units.find((x) => x.priority === c.priority) ?? {};
    return {
      priority: c.priority as Priority,
      calls: Number(c.calls),
      arrived: Number(c.arrived),
      callToDispatchP50: s(c.c2d50),
      callToDispatchP90: s(c.c2d90),
      turnoutP50: s(u.turnout50),
      travelP50: s(u.travel50),
      callToArrivalP50: s(c.c2a50),
      callToArrivalP90: s(c.c2a90),
      within5Min: share(c.w5),
      within10Min: share(c.w10),
      arrivalsByAvl: share(u.avl),
      unitsPerCall: c.units === null ? null : Math.round(Number(c.units) * 10) / 10,
      tiers: tiers.filter((t) => t.priority === c.priority).map((t) => ({
        tier: Number(t.tier), met: Number(t.met), missed: Number(t.missed), rate: t.met + t.missed === 0 ? null : share(Number(t.met) / (Number(t.met) + Number(t.missed))),
      })),
    };
  });
}

/** m:ss of seconds, for the printed report. */
export function mss(seconds: number | null): string {
  if (seconds === null) return '–';
  const t = Math.round(seconds);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
}
