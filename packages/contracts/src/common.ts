import { z } from 'zod';

/** UUIDv7 (or any RFC 9562 UUID) identifier as it travels on the wire. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** ISO 8601 timestamp in UTC. */
export const Timestamp = z.iso.datetime({ offset: true });

/** An ltree path of a jurisdiction, e.g. `li.oberland.vaduz`. */
export const JurisdictionPath = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'must be dot-separated labels of a-z, 0-9 and _');

export const Longitude = z.number().min(-180).max(180);
export const Latitude = z.number().min(-90).max(90);
/**
 * A position is exactly [longitude, latitude]. Storage is 2-D: an altitude (or any further number)
 * is refused rather than silently dropped, so nobody believes a height was kept.
 */
export const Position = z.tuple([Longitude, Latitude], { error: 'a position is exactly [longitude, latitude] (no altitude or further numbers)' });

/** The most positions one jurisdiction boundary may hold (a detailed national border has tens of thousands). */
export const MAX_AREA_POSITIONS = 100_000;

/**
 * A ring or line spanning 180 degrees of longitude or more has no single meaning on the sphere
 * (PostGIS refuses its area as "antipodal"): RFC 7946 asks to split such shapes at the antimeridian.
 */
export function spansLessThanHalfTheGlobe(positions: readonly (readonly number[])[]): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const [lon] of positions) {
    if (lon! < min) min = lon!;
    if (lon! > max) max = lon!;
  }
  return max - min < 180;
}
export const HALF_GLOBE_MESSAGE = 'may not span 180 degrees of longitude or more: split it at the antimeridian (RFC 7946, 3.1.9)';

/** How many positions a nest of rings holds. */
export function positionCount(rings: readonly (readonly unknown[])[]): number {
  return rings.reduce((n, ring) => n + ring.length, 0);
}

const LinearRing = z
  .array(Position)
  .min(4)
  .max(MAX_AREA_POSITIONS)
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a linear ring must be closed (first and last positions equal)')
  .refine(spansLessThanHalfTheGlobe, `a ring ${HALF_GLOBE_MESSAGE}`);

const tooManyPositions = `at most ${MAX_AREA_POSITIONS.toLocaleString('en')} positions in all`;
export const GeoJsonPolygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1).max(1000).refine((rings) => positionCount(rings) <= MAX_AREA_POSITIONS, tooManyPositions),
});
export const GeoJsonMultiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z
    .array(z.array(LinearRing).min(1))
    .min(1)
    .max(1000)
    .refine((polygons) => positionCount(polygons.flat()) <= MAX_AREA_POSITIONS, tooManyPositions),
});
export const GeoJsonArea = z.discriminatedUnion('type', [GeoJsonPolygon, GeoJsonMultiPolygon]);
export type GeoJsonArea = z.infer<typeof GeoJsonArea>;
/**
 * A stored boundary as the API returns it: the same shape without the input limits, so that a
 * boundary imported from OSM, or stored before a limit existed, can always be read back.
 */
export const StoredGeoJsonArea = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);
export type StoredGeoJsonArea = z.infer<typeof StoredGeoJsonArea>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const IdParams = z.strictObject({ id: Id });

/** Is this an IANA time zone name the runtime knows (e.g. Europe/Vaduz)? */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The reader's language and time zone for an export (CSV, printable page): a download or a new tab
 * carries no UI language, so the web app sends its own with the link. Spread into an export's query.
 */
export const PRINT_LANGUAGES = ['en', 'zh-CN'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];
export const PrintQueryFields = {
  lang: z.enum(PRINT_LANGUAGES).default('en').describe('The language of the words (ids and paths stay as they are)'),
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone, e.g. Europe/Vaduz').default('UTC').describe('The time zone the dates are shown in'),
};
