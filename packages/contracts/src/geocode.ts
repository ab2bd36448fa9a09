import { z } from 'zod';
import { Id, Latitude, Longitude, Position } from './common.js';

/** What a geocoder result is: a house number, a street, a named place, a key place / POI, a jurisdiction. */
export const GEOCODE_KINDS = ['address', 'street', 'place', 'key_place', 'jurisdiction'] as const;
export type GeocodeKind = (typeof GEOCODE_KINDS)[number];

/** The longest query the geocoder takes (an address, typed): longer is a 400, not a slow search. */
export const GEOCODE_MAX_QUERY = 200;

/**
 * Text that is not Unicode: lone UTF-16 surrogates, U+FFFD (what a decoder left of broken UTF-8),
 * and a percent-escape left undecoded (the query-string parser keeps `%ED%A0%80` as it is).
 */
const MALFORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD|%[0-9A-Fa-f]{2}/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

export const GeocodeText = z.string()
  .max(GEOCODE_MAX_QUERY, `at most ${GEOCODE_MAX_QUERY} characters`)
  .refine((s) => !CONTROL.test(s), 'may not contain control characters')
  .refine((s) => !MALFORMED.test(s), 'is not well-formed Unicode (lone surrogate or broken UTF-8)')
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'may not be empty'));

/** `lon,lat` */
export const LonLatText = z.string().max(60)
  .transform((s) => s.split(',').map((n) => (n.trim() === '' ? NaN : Number(n))))
  .pipe(z.tuple([Longitude, Latitude], { error: 'lon,lat: two numbers, longitude then latitude' }));

export const GeocodeQuery = z.strictObject({
  /** What was typed so far: a street and number, a place, a key place, a municipality — in any order. */
  q: GeocodeText,
  /** The dispatcher's area: among equal text matches, nearer first. */
  near: LonLatText.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type GeocodeQuery = z.infer<typeof GeocodeQuery>;

export const ReverseGeocodeQuery = z.strictObject({
  lon: z.coerce.number().pipe(Longitude),
  lat: z.coerce.number().pipe(Latitude),
});

export const OwningJurisdiction = z.object({ id: Id, path: z.string(), name: z.string() });

export const GeocodeResult = z.object({
  /** What to show and to put in the location field: "Äulestrasse 20, Vaduz". */
  label: z.string(),
  kind: z.enum(GEOCODE_KINDS),
  point: z.object({ type: z.literal('Point'), coordinates: Position }),
  /** The deepest jurisdiction whose boundary holds the point (null outside every boundary). */
  jurisdiction: OwningJurisdiction.nullable(),
  /** 0-1: how well the text matched (1: every word exactly); lower for typos, prefixes and interpolated numbers. */
  confidence: z.number().min(0).max(1),
  /** A house number placed between its neighbours on the street: OSM has no object with that number. */
  interpolated: z.boolean(),
  /** Metres from `near` (or from the reverse-geocoded point), when one was given. */
  distanceM: z.number().nullable(),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;

export const GeocodeResponse = z.object({ results: z.array(GeocodeResult) });
export type GeocodeResponse = z.infer<typeof GeocodeResponse>;

export const ReverseGeocodeResponse = z.object({
  /** The nearest house number within 150 m. */
  address: GeocodeResult.nullable(),
  /** The nearest named street within 500 m. */
  street: GeocodeResult.nullable(),
  jurisdiction: OwningJurisdiction.nullable(),
});
export type ReverseGeocodeResponse = z.infer<typeof ReverseGeocodeResponse>;
