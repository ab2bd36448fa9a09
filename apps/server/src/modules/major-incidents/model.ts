import type { CasualtyCounts, CasualtyTally, ReportUpClock, ReportUpKind, ResponseLevel, ResponseLevelRule } from '@firebreak/contracts';
import { nextDeadline, settle, startClock, type TierClock } from '../incidents/index.js';

/**
 * The pure rules of major-incident command: which level a casualty count suggests, which
 * jurisdiction commands a level and which is informed, the report-up clock (settled by the
 * incidents' tier-clock rules) and the SITREP schedule.
 */

/** The gravest level whose threshold the count reaches (rules are I..IV, thresholds falling). */
export function suggestLevel(casualties: number, rules: readonly ResponseLevelRule[]): ResponseLevel {
  return (rules.find((r) => casualties >= r.minCasualties) ?? rules[rules.length - 1]!).level;
}

export function ruleOf(level: ResponseLevel, rules: readonly ResponseLevelRule[]): ResponseLevelRule {
  return rules.find((r) => r.level === level)!;
}

/**
 * The path of the jurisdiction commanding a level for a place in `path`: its ancestor at the
 * level's depth, or the place's own jurisdiction when that is shallower (or the rule says so).
 */
export function commandPathFor(path: string, depth: number | null): string {
  const labels = path.split('.');
  return depth === null || depth >= labels.length ? path : labels.slice(0, depth).join('.');
}

/** The level above the command, to be informed; the country informs itself (its government is outside the system). */
export function informPathFor(commandPath: string): string {
  return commandPath.includes('.') ? commandPath.slice(0, commandPath.lastIndexOf('.')) : commandPath;
}

export function tally(counts: readonly CasualtyCounts[]): CasualtyTally {
  const sum = { immediate: 0, delayed: 0, minor: 0, deceased: 0 };
  for (const c of counts) {
    sum.immediate += c.immediate;
    sum.delayed += c.delayed;
    sum.minor += c.minor;
    sum.deceased += c.deceased;
  }
  return { ...sum, total: sum.immediate + sum.delayed + sum.minor + sum.deceased };
}

/** Report-up clocks as response tiers: each met by one report of its kind (a written report is a report too). */
function asTier(c: ReportUpClock, i: number): TierClock {
  return { tier: i + 1, label: c.kind, minutes: c.minutes, requirement: 'responded', units: 1, deadlineAt: c.deadlineAt, metAt: c.metAt, missedAt: c.missedAt };
}
function fromTier(t: TierClock, kind: ReportUpKind): ReportUpClock {
  return { kind, minutes: t.minutes, deadlineAt: t.deadlineAt, metAt: t.metAt, missedAt: t.missedAt };
}

export function startReportUp(minutes: { first: number; written: number }, from: Date): ReportUpClock[] {
  const tiers = startClock([
    { tier: 1, label: 'first', minutes: minutes.first, requirement: 'responded', units: 1 },
    { tier: 2, label: 'written', minutes: minutes.written, requirement: 'responded', units: 1 },
  ], from);
  return [fromTier(tiers[0]!, 'first'), fromTier(tiers[1]!, 'written')];
}

export interface ReportMade { kind: ReportUpKind; at: Date }

/**
 * Settles the report-up clock at `now` given the reports made so far: the first report is met by
 * any report, the written one by a written report, each by its deadline; missed once the deadline
 * passes without. A settled clock never changes (the tier clock's rule).
 */
export function settleReportUp(clock: readonly ReportUpClock[], reports: readonly ReportMade[], now: Date): { clock: ReportUpClock[]; settled: { clock: ReportUpClock; outcome: 'met' | 'missed' }[] } {
  const settled: { clock: ReportUpClock; outcome: 'met' | 'missed' }[] = [];
  const next = clock.map((c, i) => {
    const counts = reports.filter((r) => c.kind === 'first' || r.kind === 'written').map((r) => ({ respondedAt: r.at, onSceneAt: null }));
    const { clock: [t], settled: s } = settle([asTier(c, i)], counts, now);
    const out = fromTier(t!, c.kind);
    if (s[0]) settled.push({ clock: out, outcome: s[0].outcome });
    return out;
  });
  return { clock: next, settled };
}

export function reportUpDeadline(clock: readonly ReportUpClock[]): Date | null {
  return nextDeadline(clock.map(asTier));
}

/** Is the SITREP due at `dueAt` missed at `now` and not yet escalated? */
export function sitrepMissed(dueAt: Date | null, escalatedFor: Date | null, now: Date): boolean {
  return dueAt !== null && now > dueAt && (escalatedFor === null || escalatedFor.getTime() !== dueAt.getTime());
}

/** The sweep's next look: the earliest open report-up deadline, or the SITREP due time unless its miss was escalated. */
export function nextLook(clock: readonly ReportUpClock[], sitrepDueAt: Date | null, escalatedFor: Date | null): Date | null {
  const times = [reportUpDeadline(clock), sitrepDueAt && (escalatedFor?.getTime() !== sitrepDueAt.getTime()) ? sitrepDueAt : null].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

/** The next SITREP is due one interval after the last one (or the declaration). */
export function nextSitrepDue(from: Date, intervalMinutes: number): Date {
  return new Date(from.getTime() + intervalMinutes * 60_000);
}

/** A road crossing the outer cordon's outline: where, and whether a patrol can hold it (a through road a car may use). */
export interface CordonCrossing { lon: number; lat: number; holdable: boolean }
export interface TrafficPointPlan { lon: number; lat: number; roads: number; name: string }

/** Crossings closer than this are one control point: a patrol car at a junction holds both arms. */
export const TCP_MERGE_METRES = 50;
/** A kept control point survives a redraw when a new one lies this close (its patrol stays). */
export const TCP_KEEP_METRES = 25;

/** Metres between two nearby points (equirectangular: exact to well under a metre over a cordon's size). */
export function nearMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dx = (b[0] - a[0]) * 111_320 * k;
  const dy = (b[1] - a[1]) * 110_574;
  return Math.hypot(dx, dy);
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
function compass(centre: readonly [number, number], p: readonly [number, number]): { bearing: number; label: string } {
  const k = Math.cos(centre[1] * (Math.PI / 180));
  const bearing = (Math.atan2((p[0] - centre[0]) * k, p[1] - centre[1]) * (180 / Math.PI) + 360) % 360;
  return { bearing, label: COMPASS[Math.round(bearing / 45) % 8]! };
}

/**
 * The traffic control points of an outer cordon: the crossings a patrol can hold (minor ways and
 * ways closed to cars are left out), merged greedily so that crossings within `TCP_MERGE_METRES`
 * of a point's first crossing are one point (at their mean), then numbered clockwise from north
 * around the scene and named by compass direction ("TCP 3 (SE)"), so a radio call names one.
 */
export function planTrafficPoints(crossings: readonly CordonCrossing[], scene: readonly [number, number], mergeMetres = TCP_MERGE_METRES): TrafficPointPlan[] {
  const clusters: { first: [number, number]; sumLon: number; sumLat: number; roads: number }[] = [];
  for (const c of crossings) {
    if (!c.holdable) continue;
    const near = clusters.find((k) => nearMetres(k.first, [c.lon, c.lat]) < mergeMetres);
    if (near) {
      near.sumLon += c.lon; near.sumLat += c.lat; near.roads += 1;
    } else {
      clusters.push({ first: [c.lon, c.lat], sumLon: c.lon, sumLat: c.lat, roads: 1 });
    }
  }
  return clusters
    .map((k) => ({ lon: k.sumLon / k.roads, lat: k.sumLat / k.roads, roads: k.roads }))
    .map((p) => ({ ...p, ...compass(scene, [p.lon, p.lat]) }))
    .sort((a, b) => a.bearing - b.bearing)
    .map((p, i) => ({ lon: p.lon, lat: p.lat, roads: p.roads, name: `TCP ${i + 1} (${p.label})` }));
}

/**
 * Which existing control points a recomputation keeps: each new point takes the nearest unmatched
 * old one within `TCP_KEEP_METRES` (its id, name and assigned patrol stay); the rest end.
 */
export function matchTrafficPoints<T extends { id: string; location: readonly [number, number] }>(old: readonly T[], next: readonly TrafficPointPlan[]): { kept: Map<number, T>; ended: T[] } {
  const free = new Set(old);
  const kept = new Map<number, T>();
  next.forEach((p, i) => {
    let best: T | undefined;
    let bestM = TCP_KEEP_METRES;
    for (const o of free) {
      const m = nearMetres(o.location, [p.lon, p.lat]);
      if (m <= bestM) { best = o; bestM = m; }
    }
    if (best) { kept.set(i, best); free.delete(best); }
  });
  return { kept, ended: [...free] };
}

/** Units that hold traffic: the patrol kinds. */
export const PATROL_KINDS: readonly string[] = ['patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle'];

/**
 * Whether a patrol is near enough a major incident to be offered (and take) its traffic control
 * points: it works in one of the incident's sectors, or it belongs to the commanding jurisdiction
 * or one below it (the command's own forces; reinforcements arrive through a sector).
 */
export function patrolNear(unit: { kind: string; jurisdictionPath: string; sectorMajorId: string | null }, major: { id: string; commandPath: string }): boolean {
  if (!PATROL_KINDS.includes(unit.kind)) return false;
  if (unit.sectorMajorId === major.id) return true;
  return unit.jurisdictionPath === major.commandPath || unit.jurisdictionPath.startsWith(`${major.commandPath}.`);
}
