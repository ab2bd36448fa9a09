import type { IncidentDisposition, IncidentOrigin, IncidentType, PlaceCategory, Priority, ReportBreakdown, ResponseComponent, Role, UnitStatus } from '@firebreak/contracts';

/*
 * The enum values the screens list, copied from @firebreak/contracts so that the browser bundle
 * does not carry zod and every schema (~60 KB gzip) for four arrays. The contracts' types still
 * check every value here, and enums.test.ts fails the moment a list drifts from the contract.
 */
export const INCIDENT_TYPES = ['traffic_accident', 'fire', 'explosion', 'hazmat_leak', 'violent_crime', 'campus_incident', 'medical', 'public_disorder', 'rescue', 'other'] as const satisfies readonly IncidentType[];
export const ROLES = ['administrator', 'commander', 'duty_officer', 'dispatcher', 'inspector', 'unit_member', 'auditor'] as const satisfies readonly Role[];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const satisfies readonly Priority[];
export const INCIDENT_DISPOSITIONS = ['resolved', 'false_alarm', 'cancelled_by_caller', 'no_action_needed', 'referred'] as const satisfies readonly IncidentDisposition[];
export const UNIT_STATUSES = ['available', 'at_station', 'dispatched', 'en_route', 'on_scene', 'transporting', 'out_of_service'] as const satisfies readonly UnitStatus[];
export const PLACE_CATEGORIES = [
  'school', 'kindergarten', 'hospital', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'crowded_place', 'road_black_spot', 'fire_station', 'police_station', 'other',
] as const satisfies readonly PlaceCategory[];
/** The categories visible police presence is about: what the pushed move-up counts (a refetch asks the same). */
export const PRESENCE_CATEGORIES = ['school', 'kindergarten'] as const satisfies readonly PlaceCategory[];
/** The response-time report: which incidents, what it groups by, its components (columns, in order). */
export const INCIDENT_ORIGINS = ['live', 'historical', 'simulated'] as const satisfies readonly IncidentOrigin[];
export const REPORT_BREAKDOWNS = ['priority', 'type', 'jurisdiction', 'unit_kind'] as const satisfies readonly ReportBreakdown[];
export const RESPONSE_COMPONENTS = ['callProcessing', 'turnout', 'travel', 'total'] as const satisfies readonly ResponseComponent[];

/** A transport permit's corridor around its route, in metres (contract `CORRIDOR_METRES`). */
export const CORRIDOR_METRES = { min: 50, max: 2000, default: 200 } as const;
/** Arrival by dwell: within this of the receiver (m), for this long (min); approved stops: how many, how long, how wide (contract names). */
export const ARRIVAL_METRES = { min: 30, max: 1000, default: 150 } as const;
export const ARRIVAL_MINUTES = { min: 0, max: 60, default: 2 } as const;
export const MAX_APPROVED_STOPS = 10;
export const APPROVED_STOP_MINUTES = { min: 1, max: 720 } as const;
export const APPROVED_STOP_METRES = { min: 20, max: 500, default: 100 } as const;

/** Coverage: the built-in default opening hours per category (contract name). */
export const DEFAULT_CATEGORY_HOURS: Partial<Record<PlaceCategory, string>> = { school: 'Mo-Fr 07:00-17:00', kindergarten: 'Mo-Fr 07:00-18:00' };

/** The font stack the server makes map glyphs for (`/api/v1/glyphs/{fontstack}/{range}.pbf`). */
export const MAP_FONT_STACK = 'Noto Sans Regular';

/** The contract's `isGeneratedPlaceName`: a key place OSM left unnamed, named by the importer after its OSM id. */
export function isGeneratedPlaceName(name: string): boolean {
  return /\(OSM (node|way|relation) \d+\)$/.test(name);
}
