import type { LanduseKind, RoadClass } from '@firebreak/contracts';

/**
 * Which base-map layer an OSM way or multipolygon belongs to, and the few properties a style
 * needs. Pure: tags in, feature description out.
 */
type Tags = Record<string, string>;

const ROAD_CLASS: Record<string, RoadClass> = {
  motorway: 'motorway', motorway_link: 'motorway',
  trunk: 'trunk', trunk_link: 'trunk',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary',
  tertiary: 'tertiary', tertiary_link: 'tertiary',
  unclassified: 'minor', residential: 'minor', living_street: 'minor', road: 'minor', busway: 'minor',
  service: 'service',
  track: 'track',
  path: 'path', footway: 'path', cycleway: 'path', bridleway: 'path', steps: 'path', pedestrian: 'path',
};

const yes = (v: string | undefined): boolean => v !== undefined && v !== 'no' && v !== '0' && v !== 'false';

/**
 * The languages besides `name` that labels carry (`name:<lang>`): the UI's languages. Only these,
 * so that a tile does not grow with every translation OSM holds.
 */
export const LABEL_LANGUAGES = ['zh'] as const;

const VARIANTS: Record<(typeof LABEL_LANGUAGES)[number], string[]> = { zh: ['name:zh-CN', 'name:zh-Hans', 'name:zh'] };

export type Names = { name?: string } & Partial<Record<`name:${(typeof LABEL_LANGUAGES)[number]}`, string>>;

/** `name` and the `name:<lang>` the UI can show; a feature with only a translated name keeps it. */
export function namesOf(tags: Tags): Names {
  const out: Names = {};
  if (tags.name) out.name = tags.name;
  for (const lang of LABEL_LANGUAGES) {
    // Mainland Chinese first where OSM has it apart (`name:zh-CN`, `name:zh-Hans`), else the generic `name:zh`.
    const v = VARIANTS[lang].map((k) => tags[k]).find(Boolean);
    if (v) out[`name:${lang}`] = v;
  }
  return out;
}

export interface RoadProperties extends Names { class: RoadClass; oneway?: true; bridge?: true; tunnel?: true }

/** A road line, or null. Areas (`area=yes`, a square tagged highway=pedestrian) are not lines. */
export function roadOf(tags: Tags): RoadProperties | null {
  const cls = tags.highway ? ROAD_CLASS[tags.highway] : undefined;
  if (!cls || tags.area === 'yes') return null;
  const props: RoadProperties = { class: cls, ...namesOf(tags) };
  // Motorways and their links are one-way by definition; "-1" (against the drawing direction) is one-way too.
  if (tags.oneway === 'yes' || tags.oneway === '1' || tags.oneway === 'true' || tags.oneway === '-1' || (cls === 'motorway' && tags.oneway !== 'no')) props.oneway = true;
  if (yes(tags.bridge)) props.bridge = true;
  if (yes(tags.tunnel)) props.tunnel = true;
  return props;
}

export type WaterwayKind = 'river' | 'stream' | 'canal';
const WATERWAYS = new Set<string>(['river', 'stream', 'canal']);

export function waterwayOf(tags: Tags): ({ kind: WaterwayKind } & Names) | null {
  if (!tags.waterway || !WATERWAYS.has(tags.waterway)) return null;
  return { kind: tags.waterway as WaterwayKind, ...namesOf(tags) };
}

export function isWaterArea(tags: Tags): boolean {
  return tags.natural === 'water' || tags.waterway === 'riverbank' || tags.landuse === 'reservoir' || tags.landuse === 'basin';
}

export function isBuilding(tags: Tags): boolean {
  return yes(tags.building) || yes(tags['building:part']);
}

const LANDUSE: Record<string, LanduseKind> = {
  forest: 'forest', residential: 'residential', industrial: 'industrial', farmland: 'farmland', meadow: 'meadow',
};

export function landuseOf(tags: Tags): LanduseKind | null {
  if (tags.natural === 'wood') return 'forest';
  if (tags.leisure === 'park') return 'park';
  return (tags.landuse && LANDUSE[tags.landuse]) || null;
}

/** The polygon layer of an area (closed way or multipolygon), or null. */
export function areaOf(tags: Tags): { layer: 'water' } | { layer: 'buildings' } | { layer: 'landuse'; kind: LanduseKind } | null {
  if (isWaterArea(tags)) return { layer: 'water' };
  if (isBuilding(tags)) return { layer: 'buildings' };
  const kind = landuseOf(tags);
  return kind ? { layer: 'landuse', kind } : null;
}

/** `place=*` values that name a settlement or part of one, the style sizes their labels by kind. */
export const PLACE_KINDS = ['city', 'town', 'village', 'suburb', 'hamlet', 'quarter', 'neighbourhood', 'locality', 'isolated_dwelling', 'farm'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
const PLACE_KIND_SET = new Set<string>(PLACE_KINDS);

/** A named place (a label point), or null. */
export function placeOf(tags: Tags): ({ kind: PlaceKind } & Names) | null {
  if (!tags.place || !PLACE_KIND_SET.has(tags.place)) return null;
  const names = namesOf(tags);
  return names.name || names['name:zh'] ? { kind: tags.place as PlaceKind, ...names } : null;
}

/** The house number to print on the map (`addr:housenumber`, trimmed; absurdly long values left out). */
export function housenumberOf(tags: Tags): string | null {
  const n = tags['addr:housenumber']?.trim();
  return n && n.length <= 12 ? n : null;
}
