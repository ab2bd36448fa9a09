import type { UnitKind } from '@firebreak/contracts';
import type { Profile } from '@firebreak/roadgraph';

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
