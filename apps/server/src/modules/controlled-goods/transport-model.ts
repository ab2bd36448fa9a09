import type { ProtectedZoneKind, TransportAlertKind } from '@firebreak/contracts';
import { CorridorIndex, insideRings, Projector } from './corridor-index.js';

/**
 * When schools and kindergartens are protected, in local time, while the coverage module has no
 * per-place windows (issue 16): school days and hours, wide enough for arrival and pick-up. A
 * permit whose window touches them has its route kept out of the zone; the watch checks them at
 * each fix's time. Cordons of active major incidents are protected at all times.
 */
export const ZONE_HOURS: Record<Exclude<ProtectedZoneKind, 'cordon'>, { days: readonly number[]; from: number; until: number }> = {
  school: { days: [1, 2, 3, 4, 5], from: 7 * 60, until: 18 * 60 },
  kindergarten: { days: [1, 2, 3, 4, 5], from: 6 * 60 + 30, until: 18 * 60 + 30 },
};
/** The deployment's local time for zone hours (the demo country's). */
export const ZONE_TIME_ZONE = 'Europe/Vaduz';
/** How far around a school's or kindergarten's outline its protected zone reaches. */
export const ZONE_BUFFER_METRES = 100;
/** Within this of the receiving site, a vehicle has arrived; within it of either site, it may stand. */
export const ARRIVAL_METRES = 150;
/** A vehicle that stays within this of where it stopped is standing still (GPS wanders). */
export const STILL_METRES = 30;
/** Moving faster than this, it is not standing still whatever the positions say. */
const STILL_KMH = 5;

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function localClock(at: number, timeZone: string): { day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether a zone of this kind is protected at `at`. */
export function zoneActiveAt(kind: ProtectedZoneKind, at: number, timeZone = ZONE_TIME_ZONE): boolean {
  if (kind === 'cordon') return true;
  const hours = ZONE_HOURS[kind];
  const { day, minute } = localClock(at, timeZone);
  return hours.days.includes(day) && minute >= hours.from && minute < hours.until;
}

/** Whether a zone of this kind is protected at any moment of [from, until] (looked at every 5 minutes and at both ends). */
export function zoneActiveDuring(kind: ProtectedZoneKind, from: number, until: number, timeZone = ZONE_TIME_ZONE): boolean {
  if (kind === 'cordon') return true;
  for (let t = from; t < until; t += 300_000) if (zoneActiveAt(kind, t, timeZone)) return true;
  return zoneActiveAt(kind, until, timeZone);
}

type LonLat = readonly [number, number];

export interface WatchZoneInput { id: string; kind: ProtectedZoneKind; name: string; rings: readonly (readonly LonLat[])[] }

/** What a permit's vehicle is held to, in projected metres. */
export interface WatchPlan {
  projector: Projector;
  corridor: CorridorIndex;
  zones: { id: string; kind: ProtectedZoneKind; name: string; rings: Float64Array[] }[];
  /** Places it may stand: the sender and the receiver. */
  stops: { x: number; y: number }[];
  destination: { x: number; y: number };
  maxStopMs: number;
  darkAfterMs: number;
  timeZone: string;
}

export function watchPlan(p: { route: readonly LonLat[]; corridorMeters: number; zones: readonly WatchZoneInput[]; from: LonLat; to: LonLat; maxStopMinutes: number; darkAfterMinutes: number; timeZone?: string }): WatchPlan {
  const [lon0, lat0] = p.route[0] ?? p.from;
  const projector = new Projector(lon0, lat0);
  const flat = (pts: readonly LonLat[]) => Float64Array.from(pts.flatMap(([lon, lat]) => [projector.x(lon), projector.y(lat)]));
  const at = ([lon, lat]: LonLat) => ({ x: projector.x(lon), y: projector.y(lat) });
  return {
    projector,
    corridor: new CorridorIndex([{ coords: flat(p.route), widthM: p.corridorMeters }]),
    zones: p.zones.map((z) => ({ id: z.id, kind: z.kind, name: z.name, rings: z.rings.map(flat) })),
    stops: [at(p.from), at(p.to)],
    destination: at(p.to),
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
}

export const freshWatch = (): WatchState => ({ lastAt: null, outside: false, inZones: [], still: null, dark: false, arrived: false });

export interface RawAlert {
  kind: TransportAlertKind;
  at: number;
  location: [number, number] | null;
  detail: { zoneId?: string; zoneName?: string; zoneKind?: ProtectedZoneKind; minutes?: number; metersOff?: number };
}

export interface WatchFix { lon: number; lat: number; at: number; speedKmh?: number | undefined }

const near = (a: { x: number; y: number }, x: number, y: number, r: number) => (a.x - x) ** 2 + (a.y - y) ** 2 <= r * r;

/**
 * One fix against the plan, in time order: the alerts it raises, each once per excursion —
 * leaving the corridor (and rejoining it), entering a protected zone while protected, standing
 * still beyond the allowance outside the two sites, arriving. Mutates `state`. A fix not newer
 * than the last is ignored (a retry or a late one): returns null.
 */
export function watchFix(plan: WatchPlan, state: WatchState, fix: WatchFix): RawAlert[] | null {
  if (state.arrived || (state.lastAt !== null && fix.at <= state.lastAt)) return null;
  state.lastAt = fix.at;
  state.dark = false;
  const x = plan.projector.x(fix.lon);
  const y = plan.projector.y(fix.lat);
  const location: [number, number] = [fix.lon, fix.lat];
  const out: RawAlert[] = [];
  const raise = (kind: TransportAlertKind, detail: RawAlert['detail'] = {}) => out.push({ kind, at: fix.at, location, detail });

  const off = plan.corridor.distanceTo(0, x, y) === Infinity;
  if (off && !state.outside) raise('left_corridor', { metersOff: Math.round(plan.corridor.distanceTo(0, x, y, Infinity)) });
  if (!off && state.outside) raise('rejoined_corridor');
  state.outside = off;

  const inside = plan.zones.filter((z) => zoneActiveAt(z.kind, fix.at, plan.timeZone) && insideRings(z.rings, x, y)).map((z) => z.id);
  for (const z of plan.zones) if (inside.includes(z.id) && !state.inZones.includes(z.id)) raise('entered_zone', { zoneId: z.id, zoneName: z.name, zoneKind: z.kind });
  state.inZones = inside;

  const moving = (fix.speedKmh ?? 0) > STILL_KMH || !state.still || !near(state.still, x, y, STILL_METRES);
  if (moving) state.still = { since: fix.at, x, y, alerted: false };
  else if (state.still && !state.still.alerted && fix.at - state.still.since >= plan.maxStopMs && !plan.stops.some((s) => near(s, x, y, ARRIVAL_METRES))) {
    state.still.alerted = true;
    raise('stopped', { minutes: Math.round((fix.at - state.still.since) / 60_000) });
  }

  if (near(plan.destination, x, y, ARRIVAL_METRES)) {
    state.arrived = true;
    raise('arrived');
  }
  return out;
}

/** The dark check (a sweep): no fix for the allowance since the last one (or since `since`, the window's start, when none came). Once per silence. */
export function watchSilence(plan: WatchPlan, state: WatchState, now: number, since: number): RawAlert | null {
  if (state.arrived || state.dark) return null;
  const last = state.lastAt ?? since;
  if (now - last < plan.darkAfterMs) return null;
  state.dark = true;
  return { kind: 'dark', at: now, location: null, detail: { minutes: Math.round((now - last) / 60_000) } };
}
