import { LIMIT_TAGS, wayLimits, type WayLimits } from './limits.js';
/**
 * Road-vehicle profiles: which OSM ways are drivable, in which direction, and how fast, for an
 * ordinary car (`car`) and for a response vehicle under lights and sirens (`emergency`).
 * docs/decisions/0011-emergency-routing-profile.md says why each rule is what it is.
 */

/** The profiles a graph holds costs for; every graph has all of them. */
export const PROFILES = ['car', 'emergency'] as const;
export type Profile = (typeof PROFILES)[number];

/** Default speeds (km/h) by `highway` class, used when a way has no usable `maxspeed`. */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 100,
  motorway_link: 60,
  trunk: 80,
  trunk_link: 50,
  primary: 60,
  primary_link: 50,
  secondary: 50,
  secondary_link: 40,
  tertiary: 40,
  tertiary_link: 30,
  unclassified: 30,
  road: 25,
  residential: 25,
  living_street: 10,
  service: 15,
};

/**
 * Speed on `highway=track` (km/h) when it has no usable `maxspeed`: GraphHopper's car profile
 * default for tracks (CarAverageSpeedParser). Lights and sirens do not make a track faster: the
 * surface is the limit.
 */
export const DEFAULT_TRACK_KMH = 15;

/** The tags the importer asks the PBF parser for; every other tag is dropped while parsing. */
export const PROFILE_TAGS = [
  'highway', 'maxspeed', 'oneway', 'junction', 'area', 'bridge', 'tunnel',
  'access', 'vehicle', 'motor_vehicle', 'motorcar', 'emergency', ...LIMIT_TAGS,
];

/**
 * Lights-and-sirens speed factors by `highway` class, applied to the car's speed (the `maxspeed`
 * or the class default). An assumption, not a fit: urban studies of lights-and-sirens driving
 * found it saves well under a minute on a typical run (Hunt et al., Ann Emerg Med 1995: 43.5 s
 * on average over paired urban runs); these factors give savings of that order on runs of a few
 * minutes over through roads, and none where the street itself is the limit (service roads,
 * living streets). Not fitted to any data: fit them to a local CAD export (dispatch -> on-scene times over road
 * distance) and pass them to `importOsm(file, { emergencySpeedFactors })`.
 */
export const DEFAULT_EMERGENCY_SPEED_FACTORS: Readonly<Record<string, number>> = {
  motorway: 1.1,
  motorway_link: 1.1,
  trunk: 1.15,
  trunk_link: 1.15,
  primary: 1.25,
  primary_link: 1.2,
  secondary: 1.25,
  secondary_link: 1.2,
  tertiary: 1.2,
  tertiary_link: 1.2,
  unclassified: 1.15,
  road: 1.15,
  residential: 1.15,
  living_street: 1,
  service: 1,
};

/** Both profiles of one way; undefined members cannot use it. */
export interface WayProfiles {
  highway: string;
  /** `maxheight` / `maxweight`, when the way has one (limits.ts). */
  limits: WayLimits | undefined;
  /** EDGE_MOTORWAY | EDGE_BRIDGE | EDGE_TUNNEL: what snapping avoids when a local road is near. */
  flags: number;
  car: WayProfile | undefined;
  emergency: WayProfile | undefined;
  /**
   * `highway=track` only: how a vehicle that can leave paved roads (a 4x4, a forest-fire
   * vehicle) drives it. Such a way has neither car nor emergency costs: only a graph made with
   * `forVehicle({ tracks: true })` drives it.
   */
  track?: WayProfile | undefined;
}

export interface ProfileOptions {
  /**
   * Seconds added for each traffic signal (`highway=traffic_signals` node) a way piece drives
   * through or arrives at, per profile (default none: signals cost nothing, as before). OSRM's car
   * profile uses 2 s; lights and sirens cross a red light slowly, so a smaller emergency figure.
   */
  trafficSignalSeconds?: Partial<Readonly<Record<'car' | 'emergency', number>>>;
  /** Replaces the default lights-and-sirens factor of the classes it names (see DEFAULT_EMERGENCY_SPEED_FACTORS). */
  emergencySpeedFactors?: Readonly<Record<string, number>>;
}

export interface WayProfile {
  kmh: number;
  forward: boolean;
  backward: boolean;
}

const DENIED = new Set(['no', 'private']);
// Most specific first: the first present tag decides.
const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'];
const MAX_PLAUSIBLE_KMH = 200;
const MPH = 1.609344;

/** The car profile of a way: undefined when a car may not use it. */
export function wayProfile(tags: Readonly<Record<string, string>>): WayProfile | undefined {
  return wayProfiles(tags)?.car;
}

/**
 * Both profiles of a way; undefined when neither may use it. The emergency profile drives every
 * way the car does, faster, and also ways whose `emergency` tag allows it (`yes`, `designated`,
 * `permissive`, `destination`, `official`) against `access=no|private`, and `private` roads
 * without an `emergency` tag (a call's address may lie on one; a gate on it is a barrier,
 * see barriers.ts). `emergency=no` bars it.
 */
export function wayProfiles(tags: Readonly<Record<string, string>>, opts: ProfileOptions = {}): WayProfiles | undefined {
  const highway = tags.highway;
  if (highway === undefined) return undefined;
  if (highway === 'track') return trackProfiles(tags);
  const defaultKmh = DEFAULT_SPEEDS_KMH[highway];
  if (defaultKmh === undefined || tags.area === 'yes') return undefined;
  const direction = directionOf(tags, highway);
  if (direction === undefined) return undefined;
  const kmh = parseMaxspeed(tags.maxspeed) ?? defaultKmh;
  const carAllowed = !isDenied(tags);
  const emergencyAllowed = emergencyMayUse(tags, carAllowed);
  if (!carAllowed && !emergencyAllowed) return undefined;
  const factor = opts.emergencySpeedFactors?.[highway] ?? DEFAULT_EMERGENCY_SPEED_FACTORS[highway] ?? 1;
  return {
    highway,
    flags: edgeFlags(tags, highway),
    limits: wayLimits(tags),
    car: carAllowed ? { kmh, ...direction } : undefined,
    emergency: emergencyAllowed ? { kmh: Math.min(MAX_PLAUSIBLE_KMH, kmh * factor), ...direction } : undefined,
  };
}

/**
 * A track: driven by vehicles that can (4x4, forest fires) where an emergency vehicle may use the
 * way (`emergency=*`, else the access tags as on roads: `agricultural`, `forestry`, `destination`
 * and `private` are permissions a call gives, `no` is a legal ban), at its `maxspeed` or
 * DEFAULT_TRACK_KMH.
 */
function trackProfiles(tags: Readonly<Record<string, string>>): WayProfiles | undefined {
  if (tags.area === 'yes') return undefined;
  const direction = directionOf(tags, 'track');
  if (direction === undefined || !emergencyMayUse(tags, !isDenied(tags))) return undefined;
  const kmh = parseMaxspeed(tags.maxspeed) ?? DEFAULT_TRACK_KMH;
  return {
    highway: 'track', flags: edgeFlags(tags, 'track') | EDGE_TRACK, limits: wayLimits(tags),
    car: undefined, emergency: undefined, track: { kmh, ...direction },
  };
}

/** A motorway (or its link): no address is on it, and a unit beside it is rarely on it. */
export const EDGE_MOTORWAY = 1;
/** A bridge or a tunnel: a point over or under it is more likely on the road at ground level. */
export const EDGE_BRIDGE = 2;
export const EDGE_TUNNEL = 4;
/** `highway=track`: only vehicles that can leave paved roads drive it (GraphData.trackCosts). */
export const EDGE_TRACK = 8;
/**
 * A minor way (`service`, `living_street`, `track`): a car park aisle, a yard, a farm track. A
 * patrol does not hold traffic there, so cordons' traffic control points skip it.
 */
export const EDGE_MINOR = 16;
const MINOR_HIGHWAYS = new Set(['service', 'living_street', 'track']);

function edgeFlags(tags: Readonly<Record<string, string>>, highway: string): number {
  const yes = (v: string | undefined) => v !== undefined && v !== 'no';
  return (highway === 'motorway' || highway === 'motorway_link' ? EDGE_MOTORWAY : 0)
    | (yes(tags.bridge) ? EDGE_BRIDGE : 0)
    | (yes(tags.tunnel) && tags.tunnel !== 'building_passage' ? EDGE_TUNNEL : 0)
    | (MINOR_HIGHWAYS.has(highway) ? EDGE_MINOR : 0);
}

function isDenied(tags: Readonly<Record<string, string>>): boolean {
  for (const key of ACCESS_KEYS) {
    const value = tags[key];
    if (value !== undefined) return DENIED.has(value);
  }
  return false;
}

const EMERGENCY_ALLOWED = new Set(['yes', 'designated', 'permissive', 'destination', 'official']);

function emergencyMayUse(tags: Readonly<Record<string, string>>, carAllowed: boolean): boolean {
  const own = tags.emergency;
  if (own !== undefined) return EMERGENCY_ALLOWED.has(own);
  if (carAllowed) return true;
  for (const key of ACCESS_KEYS) {
    const value = tags[key];
    // The car is denied: by `no` (a legal ban: not for us either) or `private` (permission,
    // which a call gives).
    if (value !== undefined) return value === 'private';
  }
  return false;
}

function directionOf(tags: Readonly<Record<string, string>>, highway: string): Omit<WayProfile, 'kmh'> | undefined {
  const oneway = tags.oneway;
  if (oneway === 'yes' || oneway === 'true' || oneway === '1') return { forward: true, backward: false };
  if (oneway === '-1' || oneway === 'reverse') return { forward: false, backward: true };
  // Direction changes by time of day: we cannot know which way is open now.
  if (oneway === 'reversible' || oneway === 'alternating') return undefined;
  if (oneway === 'no' || oneway === 'false' || oneway === '0') return { forward: true, backward: true };
  const impliedOneway =
    highway === 'motorway' || highway === 'motorway_link' ||
    tags.junction === 'roundabout' || tags.junction === 'circular';
  return { forward: true, backward: !impliedOneway };
}

/** km/h from `maxspeed` ("50", "30 mph", "50 km/h"); undefined for "none", "signals", zones, junk. */
export function parseMaxspeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?\s*$/i.exec(value);
  if (!match) return undefined;
  const kmh = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? MPH : 1);
  return kmh > 0 && kmh <= MAX_PLAUSIBLE_KMH ? kmh : undefined;
}
