import { type ProtectedZoneKind, type TransportAlertKind, type Weekday } from '@firebreak/contracts';
import { openDuring, type LocalSpan } from '../coverage/index.js';
import { CorridorIndex, insideRings, Projector } from './corridor-index.js';

/**
 * The local time places keep their hours in when none is given: the demo country's. A deployment
 * sets its own (FIREBREAK_TIME_ZONE); each permit keeps the zone it was issued under.
 */
export const ZONE_TIME_ZONE = 'Europe/Vaduz';
/** How far around a school's or kindergarten's outline its protected zone reaches. */
export const ZONE_BUFFER_METRES = 100;
/** Within this of either site, a vehicle may stand as long as it likes (loading, unloading, waiting at the gate). */
export const SITE_METRES = 150;
/** A vehicle that stays within this of where it stopped is standing still (GPS wanders). */
export const STILL_METRES = 30;
/** Moving faster than this, it is not standing still whatever the positions say. */
const STILL_KMH = 5;

const DAY_OF: Record<string, Weekday> = { Mon: 'Mo', Tue: 'Tu', Wed: 'We', Thu: 'Th', Fri: 'Fr', Sat: 'Sa', Sun: 'Su' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localClock(at: number, timeZone: string): { day: Weekday; minute: number; date: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: DAY_OF[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute), date: `${parts.year}-${parts.month}-${parts.day}` };
}

/** How finely a window is walked into local days (DST shifts the clock by whole hours, so the walk follows it). */
const STEP_MS = 300_000;

/**
 * [from, until] in local wall-clock time, as spans of weekdays: a window over midnight becomes two
 * spans, a 72 h one four. Only weekdays and minutes are kept, as the coverage module reads hours
 * (its reference week: public and school holidays are not known).
 */
export function localSpans(from: number, until: number, timeZone = ZONE_TIME_ZONE): (LocalSpan & { date: string })[] {
  const spans: (LocalSpan & { date: string })[] = [];
  let cur: (LocalSpan & { date: string }) | null = null;
  for (let t = from; ; t = Math.min(t + STEP_MS, until)) {
    const { day, minute, date } = localClock(t, timeZone);
    if (cur && cur.day === day && minute >= cur.toMinute) cur.toMinute = minute;
    else {
      // Samples are minutes apart: a new day means midnight passed, so the last day runs to it and the new one from it.
      const newDay: boolean = cur !== null && cur.day !== day;
      if (newDay) cur!.toMinute = 1440;
      cur = { day, date, fromMinute: newDay ? 0 : minute, toMinute: minute };
      spans.push(cur);
    }
    if (t >= until) break;
  }
  return spans;
}

/** The local dates [from, until] touches, in order. */
export function localDates(from: number, until: number, timeZone = ZONE_TIME_ZONE): string[] {
  return [...new Set(localSpans(from, until, timeZone).map((s) => s.date))];
}

/**
 * A protected zone's kind and hours (OSM `opening_hours`, from the coverage module; null: at all
 * times) and the local dates it is closed on (public and school holidays, `closedOn` of coverage).
 */
export interface ZoneHours { kind: ProtectedZoneKind; hours: string | null; closedDates?: readonly string[] | undefined }

/** Whether a zone is protected at `at`: a cordon always, a school or kindergarten while open (not on a day it is closed). */
export function zoneActiveAt(zone: ZoneHours, at: number, timeZone = ZONE_TIME_ZONE): boolean {
  if (zone.kind === 'cordon') return true;
  const { day, minute, date } = localClock(at, timeZone);
  if (zone.closedDates?.includes(date)) return false;
  return openDuring(zone.hours, [{ day, fromMinute: minute, toMinute: minute }]);
}

/** Whether a zone is protected at any moment of [from, until] (the days it is closed left out). */
export function zoneActiveDuring(zone: ZoneHours, from: number, until: number, timeZone = ZONE_TIME_ZONE): boolean {
  if (zone.kind === 'cordon') return true;
  const spans = localSpans(from, until, timeZone).filter((s) => !zone.closedDates?.includes(s.date));
  return spans.length > 0 && openDuring(zone.hours, spans);
}

type LonLat = readonly [number, number];

export interface WatchZoneInput { id: string; kind: ProtectedZoneKind; name: string; hours: string | null; closedDates?: readonly string[] | undefined; rings: readonly (readonly LonLat[])[] }

/** What a permit's vehicle is held to, in projected metres. */
export interface WatchPlan {
  projector: Projector;
  corridor: CorridorIndex;
  zones: { id: string; kind: ProtectedZoneKind; name: string; hours: string | null; closedDates?: readonly string[] | undefined; rings: Float64Array[] }[];
  /** Places it may stand as long as it likes: the sender and the receiver. */
  sites: { x: number; y: number }[];
  /** Approved stops on the way, each with its own allowance. */
  stops: { x: number; y: number; r: number; maxMs: number; name: string }[];
  destination: { x: number; y: number };
  /** Arrived: within `arrivalMeters` of the receiver for `arrivalMs` (0: at the first fix there). */
  arrivalMeters: number;
  arrivalMs: number;
  maxStopMs: number;
  darkAfterMs: number;
  timeZone: string;
}

export interface WatchStopInput { name: string; location: LonLat; maxMinutes: number; radiusMeters: number }

export function watchPlan(p: {
  route: readonly LonLat[]; corridorMeters: number; zones: readonly WatchZoneInput[]; from: LonLat; to: LonLat; maxStopMinutes: number; darkAfterMinutes: number;
  stops?: readonly WatchStopInput[]; arrivalMeters?: number; arrivalMinutes?: number; timeZone?: string;
}): WatchPlan {
  const [lon0, lat0] = p.route[0] ?? p.from;
  const projector = new Projector(lon0, lat0);
  const flat = (pts: readonly LonLat[]) => Float64Array.from(pts.flatMap(([lon, lat]) => [projector.x(lon), projector.y(lat)]));
  const at = ([lon, lat]: LonLat) => ({ x: projector.x(lon), y: projector.y(lat) });
  return {
    projector,
    corridor: new CorridorIndex([{ coords: flat(p.route), widthM: p.corridorMeters }]),
    zones: p.zones.map((z) => ({ id: z.id, kind: z.kind, name: z.name, hours: z.hours, closedDates: z.closedDates, rings: z.rings.map(flat) })),
    sites: [at(p.from), at(p.to)],
    stops: (p.stops ?? []).map((s) => ({ ...at(s.location), r: s.radiusMeters, maxMs: s.maxMinutes * 60_000, name: s.name })),
    destination: at(p.to),
    arrivalMeters: p.arrivalMeters ?? SITE_METRES,
    arrivalMs: (p.arrivalMinutes ?? 0) * 60_000,
    maxStopMs: p.maxStopMinutes * 60_000,
    darkAfterMs: p.darkAfterMinutes * 60_000,
    timeZone: p.timeZone ?? ZONE_TIME_ZONE,
  };
}

/** What the watch remembers between fixes (stored with the permit). */
export interface WatchState {
  lastAt: number | null;
  outside: boolean;
  inZones: string[];
  still: { since: number; x: number; y: number; alerted: boolean } | null;
  dark: boolean;
  arrived: boolean;
  /** Since when the vehicle has been within the arrival radius (absent in watches stored before arrival by dwell). */
  nearDestinationSince?: number | null;
}

export const freshWatch = (): WatchState => ({ lastAt: null, outside: false, inZones: [], still: null, dark: false, arrived: false, nearDestinationSince: null });

export interface RawAlert {
  kind: TransportAlertKind;
  at: number;
  location: [number, number] | null;
  detail: { zoneId?: string; zoneName?: string; zoneKind?: ProtectedZoneKind; minutes?: number; metersOff?: number; stopName?: string; allowedMinutes?: number };
}

export interface WatchFix { lon: number; lat: number; at: number; speedKmh?: number | undefined }

const near = (a: { x: number; y: number }, x: number, y: number, r: number) => (a.x - x) ** 2 + (a.y - y) ** 2 <= r * r;

/**
 * How long a vehicle standing at (x, y) may stand: without limit at either site (null), an approved
 * stop's own allowance there (the longest, where stops overlap), else the permit's `maxStopMinutes`.
 */
function stopAllowance(plan: WatchPlan, x: number, y: number): { maxMs: number; name: string | null } | null {
  if (plan.sites.some((s) => near(s, x, y, SITE_METRES))) return null;
  const at = plan.stops.filter((s) => near(s, x, y, s.r)).sort((a, b) => b.maxMs - a.maxMs)[0];
  return at ? { maxMs: at.maxMs, name: at.name } : { maxMs: plan.maxStopMs, name: null };
}

/**
 * An alert of a fix. A function of the module, not a closure made per fix: run through tsx, every
 * closure made is named by esbuild's `__name` (a defineProperty), and the watch's three per fix (a
 * raise helper, the zones' filter and map) were 6 % of the MQTT ingest's CPU in its profile.
 */
function alertOf(fix: WatchFix, kind: TransportAlertKind, detail: RawAlert['detail'] = {}): RawAlert {
  return { kind, at: fix.at, location: [fix.lon, fix.lat], detail };
}

/**
 * What a fix that raises nothing answers: one list for all (a fix's own list, location and zone
 * list were three objects per fix of the MQTT ingest for the garbage collector; nearly every fix
 * raises nothing). Never written to.
 */
const NO_ALERTS: readonly RawAlert[] = Object.freeze([]);

/**
 * One fix against the plan, in time order: the alerts it raises, each once per excursion —
 * leaving the corridor (and rejoining it), entering a protected zone while protected, standing
 * still beyond the allowance outside the two sites (an approved stop's own there), arriving
 * (within the arrival radius of the receiver for the arrival dwell). Mutates `state`. A fix not newer
 * than the last is ignored (a retry or a late one): returns null.
 */
export function watchFix(plan: WatchPlan, state: WatchState, fix: WatchFix): readonly RawAlert[] | null {
  if (state.arrived || (state.lastAt !== null && fix.at <= state.lastAt)) return null;
  state.lastAt = fix.at;
  state.dark = false;
  const x = plan.projector.x(fix.lon);
  const y = plan.projector.y(fix.lat);
  let out: RawAlert[] | null = null;

  const off = plan.corridor.distanceTo(0, x, y) === Infinity;
  if (off && !state.outside) (out ??= []).push(alertOf(fix, 'left_corridor', { metersOff: Math.round(plan.corridor.distanceTo(0, x, y, Infinity)) }));
  if (!off && state.outside) (out ??= []).push(alertOf(fix, 'rejoined_corridor'));
  state.outside = off;

  let inside: string[] | null = null;
  for (const z of plan.zones) if (insideRings(z.rings, x, y) && zoneActiveAt(z, fix.at, plan.timeZone)) (inside ??= []).push(z.id);
  if (inside) for (const z of plan.zones) if (inside.includes(z.id) && !state.inZones.includes(z.id)) (out ??= []).push(alertOf(fix, 'entered_zone', { zoneId: z.id, zoneName: z.name, zoneKind: z.kind }));
  // In no zone and in none before: the state's own empty list stays.
  if (inside || state.inZones.length > 0) state.inZones = inside ?? [];

  const moving = (fix.speedKmh ?? 0) > STILL_KMH || !state.still || !near(state.still, x, y, STILL_METRES);
  if (moving) {
    // In place: the state is the permit's own (read from its row for each batch), nothing else holds it.
    if (state.still) {
      state.still.since = fix.at;
      state.still.x = x;
      state.still.y = y;
      state.still.alerted = false;
    } else state.still = { since: fix.at, x, y, alerted: false };
  }
  else if (state.still && !state.still.alerted) {
    const allowance = stopAllowance(plan, x, y);
    const stood = fix.at - state.still.since;
    if (allowance && stood >= allowance.maxMs) {
      state.still.alerted = true;
      (out ??= []).push(alertOf(fix, 'stopped', { minutes: Math.round(stood / 60_000), allowedMinutes: Math.round(allowance.maxMs / 60_000), ...(allowance.name ? { stopName: allowance.name } : {}) }));
    }
  }

  if (near(plan.destination, x, y, plan.arrivalMeters)) {
    state.nearDestinationSince ??= fix.at;
    if (fix.at - state.nearDestinationSince >= plan.arrivalMs) {
      state.arrived = true;
      (out ??= []).push(alertOf(fix, 'arrived', plan.arrivalMs > 0 ? { minutes: Math.round((fix.at - state.nearDestinationSince) / 60_000) } : {}));
    }
  } else state.nearDestinationSince = null;
  return out ?? NO_ALERTS;
}

/** The dark check (a sweep): no fix for the allowance since the last one (or since `since`, the window's start, when none came). Once per silence. */
export function watchSilence(plan: WatchPlan, state: WatchState, now: number, since: number): RawAlert | null {
  if (state.arrived || state.dark) return null;
  const last = state.lastAt ?? since;
  if (now - last < plan.darkAfterMs) return null;
  state.dark = true;
  return { kind: 'dark', at: now, location: null, detail: { minutes: Math.round((now - last) / 60_000) } };
}
