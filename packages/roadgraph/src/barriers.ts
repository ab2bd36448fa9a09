import type { Profile } from './profile.js';

/**
 * Barriers on OSM nodes (`barrier=*`): which profiles may pass one. The rules, and why each kind
 * is where it is, are in docs/decisions/0011-emergency-routing-profile.md.
 */

/** The node tags the importer asks the PBF parser for. */
export const BARRIER_TAGS = ['barrier', 'access', 'vehicle', 'motor_vehicle', 'motorcar', 'emergency', 'bollard', 'locked'];

export type BarrierPassage = Readonly<Record<Profile, boolean>>;

/**
 * Kinds a car drives through when no access tag says otherwise (as OSRM's car profile: a gate is
 * mapped where one stands, open or not, and is usually open by day; a toll booth is paid).
 */
const CAR_PASSES = new Set([
  'gate', 'lift_gate', 'swing_gate', 'sliding_gate', 'toll_booth', 'border_control', 'cattle_grid',
  'entrance', 'sally_port', 'height_restrictor', 'no', 'arch', 'checkpoint',
]);

/**
 * Kinds a fire or ambulance crew opens or crosses at once even where cars may not (a closed gate
 * or lift gate is opened: crews carry keys or cut the chain; rising bollards are lowered for them).
 * Fixed bollards, blocks, posts, fences and the like stop every vehicle.
 */
const EMERGENCY_OPENS = new Set([...CAR_PASSES, 'chain', 'rope', 'bump_gate', 'hampshire_gate']);

// Most specific first: the first present tag decides, as on ways.
const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'];
const ALLOWED = new Set(['yes', 'permissive', 'designated', 'destination', 'official', 'customers', 'delivery']);
const EMERGENCY_ALLOWED = new Set(['yes', 'designated', 'permissive', 'destination', 'official']);

/** Who passes a barrier node; undefined when the node is no barrier to anyone. */
export function barrierPassage(tags: Readonly<Record<string, string>>): BarrierPassage | undefined {
  const kind = tags.barrier;
  if (kind === undefined) return undefined;
  const access = mostSpecific(tags);
  const car = access === undefined ? CAR_PASSES.has(kind) && tags.locked !== 'yes' : ALLOWED.has(access);
  const emergency = emergencyPasses(tags, kind, car);
  return car && emergency ? undefined : { car, emergency };
}

function emergencyPasses(tags: Readonly<Record<string, string>>, kind: string, car: boolean): boolean {
  const own = tags.emergency;
  if (own !== undefined) return EMERGENCY_ALLOWED.has(own);
  if (kind === 'bollard') return car || tags.bollard === 'rising';
  // A lock is not a wall: the crew opens it (it costs them time; see the ADR).
  return car || EMERGENCY_OPENS.has(kind);
}

function mostSpecific(tags: Readonly<Record<string, string>>): string | undefined {
  for (const key of ACCESS_KEYS) {
    const value = tags[key];
    if (value !== undefined) return value;
  }
  return undefined;
}
