/** Road-vehicle profile: which OSM ways are drivable, in which direction, and how fast. */

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

/** The tags the importer asks the PBF parser for; every other tag is dropped while parsing. */
export const PROFILE_TAGS = [
  'highway', 'maxspeed', 'oneway', 'junction', 'area',
  'access', 'vehicle', 'motor_vehicle', 'motorcar',
];

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

export function wayProfile(tags: Readonly<Record<string, string>>): WayProfile | undefined {
  const highway = tags.highway;
  if (highway === undefined) return undefined;
  const defaultKmh = DEFAULT_SPEEDS_KMH[highway];
  if (defaultKmh === undefined || tags.area === 'yes' || isDenied(tags)) return undefined;
  const direction = directionOf(tags, highway);
  if (direction === undefined) return undefined;
  return { kmh: parseMaxspeed(tags.maxspeed) ?? defaultKmh, ...direction };
}

function isDenied(tags: Readonly<Record<string, string>>): boolean {
  for (const key of ACCESS_KEYS) {
    const value = tags[key];
    if (value !== undefined) return DENIED.has(value);
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
