import { z } from 'zod';
import { HALF_GLOBE_MESSAGE, Id, JurisdictionPath, Latitude, Longitude, Position, positionCount, spansLessThanHalfTheGlobe, Timestamp } from './common.js';

/** Kinds of key places a campaign can cover; the last two are the responders' own sites. */
export const PLACE_CATEGORIES = [
  'school',
  'kindergarten',
  'hospital',
  'fuel_station',
  'hazardous_chemicals',
  'explosives_magazine',
  'crowded_place',
  'road_black_spot',
  'fire_station',
  'police_station',
  'other',
] as const;
export const PlaceCategory = z.enum(PLACE_CATEGORIES);
export type PlaceCategory = z.infer<typeof PlaceCategory>;

/** The most positions one place geometry may hold: a site outline or a stretch of road, not a region. */
export const MAX_PLACE_POSITIONS = 10_000;
const LineCoordinates = z
  .array(Position)
  .min(2)
  .max(MAX_PLACE_POSITIONS)
  .refine(spansLessThanHalfTheGlobe, `a line ${HALF_GLOBE_MESSAGE}`);
const Ring = z
  .array(Position)
  .min(4)
  .max(MAX_PLACE_POSITIONS)
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a linear ring must be closed (first and last positions equal)')
  .refine(spansLessThanHalfTheGlobe, `a ring ${HALF_GLOBE_MESSAGE}`);

/** A place is a point, a polygon (a site), or a line (a road black spot). */
export const PlaceGeometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: Position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: LineCoordinates }),
  z.strictObject({
    type: z.literal('Polygon'),
    coordinates: z
      .array(Ring)
      .min(1)
      .max(100)
      .refine((rings) => positionCount(rings) <= MAX_PLACE_POSITIONS, `at most ${MAX_PLACE_POSITIONS.toLocaleString('en')} positions in all`),
  }),
]);
export type PlaceGeometry = z.infer<typeof PlaceGeometry>;
/**
 * What a stored place may hold, as the API returns it: an imported outline repaired by PostGIS can
 * become a MultiPolygon, and what was stored must always read back, so no input limits here.
 */
export const StoredPlaceGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);
export type StoredPlaceGeometry = z.infer<typeof StoredPlaceGeometry>;

export const Place = z.object({
  id: Id,
  name: z.string(),
  category: PlaceCategory,
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  geometry: StoredPlaceGeometry,
  /** A point on the geometry: where an inspector is expected to stand. */
  location: z.tuple([Longitude, Latitude]),
  operator: z.string().nullable(),
  contact: z.string().nullable(),
  /** The post responsible for the place's safety (e.g. "Headteacher", "Station manager"). */
  responsiblePost: z.string().nullable(),
  osm: z.object({ type: z.enum(['node', 'way']), id: z.number().int() }).nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Place = z.infer<typeof Place>;

export const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(20));

/** `minLon,minLat,maxLon,maxLat` */
export const BBox = z
  .string()
  .max(200)
  .transform((s) => s.split(',').map(Number))
  .pipe(z.tuple([Longitude, Latitude, Longitude, Latitude]))
  .refine(([w, s, e, n]) => w <= e && s <= n, 'minLon,minLat,maxLon,maxLat with min <= max');

export const PlaceListQuery = z.strictObject({
  /** One category or several, comma-separated. */
  category: csvOf(PlaceCategory).optional(),
  /** Places in this jurisdiction's subtree. */
  jurisdictionId: Id.optional(),
  bbox: BBox.optional(),
  /** Case-insensitive substring of the name. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextCursor` of the previous page. */
  cursor: Id.optional(),
});
export type PlaceListQuery = z.infer<typeof PlaceListQuery>;

export const PlacePage = z.object({ items: z.array(Place), nextCursor: Id.nullable(), total: z.number().int() });

const Text = (max: number) => z.string().trim().min(1).max(max);

export const CreatePlaceBody = z.strictObject({
  name: Text(200),
  category: PlaceCategory,
  geometry: PlaceGeometry,
  /** Defaults to the deepest jurisdiction whose boundary contains the place. */
  jurisdictionId: Id.optional(),
  operator: Text(200).nullable().optional(),
  contact: Text(200).nullable().optional(),
  responsiblePost: Text(200).nullable().optional(),
});
export type CreatePlaceBody = z.infer<typeof CreatePlaceBody>;

export const UpdatePlaceBody = z
  .strictObject({
    name: Text(200).optional(),
    category: PlaceCategory.optional(),
    geometry: PlaceGeometry.optional(),
    operator: Text(200).nullable().optional(),
    contact: Text(200).nullable().optional(),
    responsiblePost: Text(200).nullable().optional(),
    /** The version the edit is based on: a stale edit is refused instead of overwriting. */
    version: z.number().int().min(1),
  })
  .refine((b) => Object.keys(b).length > 1, 'at least one field besides version is required');
export type UpdatePlaceBody = z.infer<typeof UpdatePlaceBody>;

/** One change in the life of a record, from the audit trail. */
export const HistoryEntry = z.object({
  at: Timestamp,
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/**
 * The name the OSM import gives a key place OSM left unnamed ("fuel station (OSM node 572519925)"):
 * unique and traceable in lists, but no label for a map — `isGeneratedPlaceName` tells it apart.
 */
export function generatedPlaceName(category: string, osmType: string, osmId: number | string): string {
  return `${category.replaceAll('_', ' ')} (OSM ${osmType} ${osmId})`;
}

export function isGeneratedPlaceName(name: string): boolean {
  return /\(OSM (node|way|relation) \d+\)$/.test(name);
}
