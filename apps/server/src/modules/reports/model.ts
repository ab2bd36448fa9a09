import type { ComponentStats, ReportBreakdown, ResponseComponent, ResponseGroup } from '@firebreak/contracts';

/**
 * The response-time report's arithmetic, pure: incidents with their units' times in, figures
 * rounded for humans out. Definitions (docs/reports.md):
 *
 * - call processing: received -> the first unit dispatched (of the kind, by unit kind);
 * - turnout: the first-arriving unit's dispatch -> en route;
 * - travel: the first-arriving unit's en route -> on scene;
 * - total: received -> the first unit on scene.
 *
 * p50/p90 interpolate linearly between closest ranks (PostgreSQL's percentile_cont, NFPA
 * 1710's and most CAD vendors' reading), then round to whole seconds. "Within N" is `<= N`.
 */

/** Times in epoch milliseconds; null when the step was not recorded. */
export interface ResponseFacts {
  kind: string;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
}

export interface TierFacts {
  tier: number;
  met: boolean;
  missed: boolean;
}

export interface IncidentFacts {
  /** The incident's id, when read from the database (the what-if replay pairs calls by it). */
  id?: string;
  receivedAt: number;
  priority: string;
  type: string;
  jurisdictionPath: string;
  tiers: TierFacts[];
  /** A time in a DST-repeated or skipped hour: counted, left out of every figure. */
  doubtful: boolean;
  responses: ResponseFacts[];
}

/** Seconds of each component for one incident; null when an end is missing. */
export type Components = Record<ResponseComponent, number | null>;

const secondsBetween = (later: number | null, earlier: number | null) => (later === null || earlier === null ? null : (later - earlier) / 1000);

const earliest = (values: (number | null)[]) => values.reduce<number | null>((m, v) => (v === null ? m : m === null || v < m ? v : m), null);

/** The components of an incident from the given units (all of its units, or those of one kind). */
export function componentsOf(receivedAt: number, responses: readonly ResponseFacts[]): Components {
  const firstDispatch = earliest(responses.map((r) => r.dispatchedAt));
  const arrived = responses.filter((r) => r.onSceneAt !== null);
  // The first-arriving unit; of two arriving at the same second, the one sent first.
  const first = arrived.reduce<ResponseFacts | null>((best, r) => {
    if (!best) return r;
    if (r.onSceneAt! !== best.onSceneAt!) return r.onSceneAt! < best.onSceneAt! ? r : best;
    return (r.dispatchedAt ?? Infinity) < (best.dispatchedAt ?? Infinity) ? r : best;
  }, null);
  return {
    callProcessing: secondsBetween(firstDispatch, receivedAt),
    turnout: first ? secondsBetween(first.enRouteAt, first.dispatchedAt) : null,
    travel: first ? secondsBetween(first.onSceneAt, first.enRouteAt) : null,
    total: first ? secondsBetween(first.onSceneAt, receivedAt) : null,
  };
}

/** Linear interpolation between closest ranks over sorted values (percentile_cont). */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A share in percent to one decimal; null of nothing. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

const wholeSeconds = (s: number | null) => (s === null ? null : Math.round(s));

/** count, p50/p90 (whole seconds) and the share within each threshold; negative intervals are counted as inconsistent and left out. */
export function componentStats(values: readonly number[], within: readonly number[]): ComponentStats {
  const sorted = values.filter((v) => v >= 0).sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Seconds: wholeSeconds(percentileCont(sorted, 0.5)),
    p90Seconds: wholeSeconds(percentileCont(sorted, 0.9)),
    within: within.map((seconds) => {
      const count = countAtMost(sorted, seconds);
      return { seconds, count, percent: percentOf(count, sorted.length) };
    }),
    inconsistent: values.length - sorted.length,
  };
}

/** How many sorted values are <= limit (binary search). */
function countAtMost(sorted: readonly number[], limit: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface BreakdownOptions {
  by: ReportBreakdown;
  /** by=jurisdiction: the tree level to group at. */
  level: number;
  within: readonly number[];
}

/** `li.oberland.vaduz` at level 2 -> `li.oberland`; a path shallower than the level is its own group. */
export const pathAtLevel = (path: string, level: number) => path.split('.').slice(0, level).join('.');

/** An incident's share of a group: by unit kind, only the units of that kind count. */
interface Member {
  incident: IncidentFacts;
  responses: readonly ResponseFacts[];
}

function membersByGroup(incidents: readonly IncidentFacts[], o: BreakdownOptions): Map<string, Member[]> {
  const groups = new Map<string, Member[]>();
  const add = (key: string, m: Member) => {
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  };
  for (const incident of incidents) {
    if (o.by === 'unit_kind') {
      for (const kind of new Set(incident.responses.map((r) => r.kind))) add(kind, { incident, responses: incident.responses.filter((r) => r.kind === kind) });
      continue;
    }
    const key = o.by === 'priority' ? incident.priority : o.by === 'type' ? incident.type : pathAtLevel(incident.jurisdictionPath, o.level);
    add(key, { incident, responses: incident.responses });
  }
  return groups;
}

/** The figures of one group of incidents (name: filled in by the caller for jurisdictions). */
export function groupFigures(key: string, members: readonly Member[], within: readonly number[]): ResponseGroup {
  const values: Record<ResponseComponent, number[]> = { callProcessing: [], turnout: [], travel: [], total: [] };
  const tiers = new Map<number, { met: number; missed: number; open: number }>();
  let [doubtful, dispatched, arrived] = [0, 0, 0];
  for (const { incident, responses } of members) {
    if (incident.doubtful) {
      doubtful++;
      continue;
    }
    const c = componentsOf(incident.receivedAt, responses);
    if (c.callProcessing !== null) dispatched++;
    if (c.total !== null) arrived++;
    for (const k of Object.keys(values) as ResponseComponent[]) if (c[k] !== null) values[k].push(c[k]);
    for (const t of incident.tiers) {
      const x = tiers.get(t.tier) ?? { met: 0, missed: 0, open: 0 };
      if (t.met) x.met++;
      else if (t.missed) x.missed++;
      else x.open++;
      tiers.set(t.tier, x);
    }
  }
  return {
    key,
    name: null,
    incidents: members.length,
    doubtfulTimes: doubtful,
    dispatched,
    arrived,
    callProcessing: componentStats(values.callProcessing, within),
    turnout: componentStats(values.turnout, within),
    travel: componentStats(values.travel, within),
    total: componentStats(values.total, within),
    tiers: [...tiers.entries()].sort(([a], [b]) => a - b).map(([tier, x]) => ({
      tier, ...x, complianceRate: x.met + x.missed === 0 ? null : Math.round((1000 * x.met) / (x.met + x.missed)) / 1000,
    })),
  };
}

const PRIORITY_ORDER = ['P1', 'P2', 'P3', 'P4'];

/** The whole report's figures and one group per value of the breakdown: priorities in order, else largest first, then by key. */
export function breakdown(incidents: readonly IncidentFacts[], o: BreakdownOptions): { overall: ResponseGroup; groups: ResponseGroup[] } {
  const overall = groupFigures('all', incidents.map((incident) => ({ incident, responses: incident.responses })), o.within);
  const groups = [...membersByGroup(incidents, o)].map(([key, members]) => groupFigures(key, members, o.within));
  groups.sort(o.by === 'priority'
    ? (a, b) => PRIORITY_ORDER.indexOf(a.key) - PRIORITY_ORDER.indexOf(b.key)
    : (a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
  return { overall, groups };
}
