import type { UnitKind } from '@firebreak/contracts';
import type { Profile, RoadGraph, VehicleDimensions } from '@firebreak/roadgraph';

/**
 * Which road profile a unit of each kind drives: response vehicles under lights and sirens take
 * the emergency profile (faster on through roads, through gates a crew opens, on ways signed for
 * emergency access; docs/decisions/0011-emergency-routing-profile.md); the rest drive as a car.
 * Foot and bicycle patrols are routed as cars for now (no walking or cycling profile yet).
 */
const EMERGENCY_KINDS: ReadonlySet<UnitKind> = new Set<UnitKind>([
  'patrol_car', 'motorcycle', 'special_police', 'fire_engine', 'ladder', 'ambulance', 'hazmat', 'rescue', 'command',
]);

export function travelProfileOf(kind: UnitKind): Profile {
  return EMERGENCY_KINDS.has(kind) ? 'emergency' : 'car';
}

/**
 * Height (m) and gross weight (t) of the kinds whose size keeps them off some roads: roads with a
 * lower `maxheight` or `maxweight` are closed to them (issue 17). Typical of their class (an
 * aerial ladder or platform runs 3.3-3.9 m and 20-30 t, a pumper 3.0-3.4 m and 14-19 t), taken
 * high so a route never goes where the real vehicle might not fit.
 */
export const VEHICLE_DIMENSIONS: Readonly<Partial<Record<UnitKind, VehicleDimensions>>> = {
  ladder: { heightM: 3.9, weightT: 30 },
  fire_engine: { heightM: 3.4, weightT: 19 },
  hazmat: { heightM: 3.5, weightT: 19 },
};

/**
 * The kinds that may drive `highway=track` (forest and farm tracks; issue 17): a rescue unit is
 * the kind a service sends up a forest track (an all-wheel-drive vehicle for mountain, forest and
 * technical rescue). Engines, ladders and hazmat units are road vehicles here: a forest-fire
 * (wildland) engine would be a kind of its own.
 */
export const TRACK_KINDS: ReadonlySet<UnitKind> = new Set<UnitKind>(['rescue']);

/**
 * The graph a unit of this kind drives: its profile's, less the roads over its size, plus the
 * tracks when the kind can drive them.
 */
export function travelGraphOf(graphs: Readonly<Record<Profile, RoadGraph>>, kind: UnitKind): RoadGraph {
  const graph = graphs[travelProfileOf(kind)];
  const vehicle = VEHICLE_DIMENSIONS[kind];
  const tracks = TRACK_KINDS.has(kind);
  if (!vehicle && !tracks) return graph;
  return graph.forVehicle(tracks ? { ...vehicle, tracks } : vehicle!);
}
