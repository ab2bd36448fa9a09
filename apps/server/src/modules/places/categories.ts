import type { PlaceCategory } from '@firebreak/contracts';

/** OSM tag values that make a feature a key place, by category (first match wins). */
const RULES: { key: string; values: string[]; category: PlaceCategory }[] = [
  { key: 'amenity', values: ['school'], category: 'school' },
  { key: 'amenity', values: ['kindergarten', 'childcare'], category: 'kindergarten' },
  { key: 'amenity', values: ['hospital'], category: 'hospital' },
  { key: 'amenity', values: ['fuel'], category: 'fuel_station' },
  { key: 'amenity', values: ['fire_station'], category: 'fire_station' },
  { key: 'amenity', values: ['police'], category: 'police_station' },
  { key: 'industrial', values: ['chemical', 'oil', 'gas'], category: 'hazardous_chemicals' },
  { key: 'man_made', values: ['gasometer'], category: 'hazardous_chemicals' },
  { key: 'military', values: ['ammunition'], category: 'explosives_magazine' },
  { key: 'amenity', values: ['theatre', 'cinema', 'marketplace', 'nightclub', 'events_venue'], category: 'crowded_place' },
  { key: 'leisure', values: ['stadium'], category: 'crowded_place' },
  { key: 'shop', values: ['mall'], category: 'crowded_place' },
];

export function categoryOfTags(tags: Record<string, string> | undefined): PlaceCategory | undefined {
  if (!tags) return undefined;
  return RULES.find((r) => r.values.includes(tags[r.key] ?? ''))?.category;
}
