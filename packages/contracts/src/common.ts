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
export const Position = z.tuple([Longitude, Latitude]).rest(z.number());

const LinearRing = z
  .array(Position)
  .min(4)
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a linear ring must be closed (first and last positions equal)');

export const GeoJsonPolygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1).max(1000),
});
export const GeoJsonMultiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).min(1)).min(1).max(1000),
});
export const GeoJsonArea = z.discriminatedUnion('type', [GeoJsonPolygon, GeoJsonMultiPolygon]);
export type GeoJsonArea = z.infer<typeof GeoJsonArea>;

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
