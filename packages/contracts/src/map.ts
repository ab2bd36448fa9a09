import { z } from 'zod';
import { Latitude, Longitude, Position } from './common.js';

/** The vector tiles of the offline base map, made by the server from the deployment's OSM extract. */
export const BASEMAP_LAYERS = ['roads', 'water', 'buildings', 'landuse', 'boundaries', 'places', 'housenumbers', 'jurisdiction_labels'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

/** `roads.class`: what a style colours and widens roads by. */
export const ROAD_CLASSES = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'minor', 'service', 'track', 'path'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];
/** `water.kind`: areas are `water`; lines are the waterway's kind. */
export const WATER_KINDS = ['water', 'river', 'stream', 'canal'] as const;
export const LANDUSE_KINDS = ['forest', 'residential', 'industrial', 'farmland', 'meadow', 'park'] as const;
export type LanduseKind = (typeof LANDUSE_KINDS)[number];

/**
 * The largest zoom tiles are made for; a map shows deeper zooms by overzooming these. 17, not 16:
 * the house numbers ride only in the street-level tiles, which stay small that way.
 */
export const BASEMAP_MAX_ZOOM = 17;

/** TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0), as MapLibre reads it. */
export const TileJson = z.object({
  tilejson: z.literal('3.0.0'),
  name: z.string(),
  tiles: z.array(z.string()).min(1),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bounds: z.tuple([Longitude, Latitude, Longitude, Latitude]),
  center: z.tuple([Longitude, Latitude, z.number()]),
  attribution: z.string(),
  vector_layers: z.array(z.object({
    id: z.enum(BASEMAP_LAYERS),
    description: z.string(),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    fields: z.record(z.string(), z.string()),
  })),
});
export type TileJson = z.infer<typeof TileJson>;

/** `z/x/y` of a tile, checked against each other (x and y below 2^z). */
export const TileParams = z.strictObject({
  z: z.coerce.number().int().min(0).max(22),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});
export type TileParams = z.infer<typeof TileParams>;

/** The font stack of every label, served by the server itself (`/glyphs/{fontstack}/{range}.pbf`). */
export const MAP_FONT_STACK = 'Noto Sans Regular';

/** `{fontstack}/{start}-{end}`: a glyph range is 256 code points from a multiple of 256, below U+10000. */
export const GlyphParams = z.strictObject({
  fontstack: z.string().max(200),
  range: z.string().regex(/^\d{1,5}-\d{1,5}$/, 'start-end, e.g. 0-255')
    .transform((s) => s.split('-').map(Number) as [number, number])
    .refine(([start, end]) => start % 256 === 0 && end === start + 255 && end <= 0xffff, 'a range of 256 code points starting at a multiple of 256, below 65536'),
});
export type GlyphParams = z.infer<typeof GlyphParams>;

export const ISOCHRONE_MAX_MINUTES = 60;
export const ISOCHRONE_MAX_VALUES = 5;

/** `minutes=1,3,5`: distinct whole minutes, 1..60, at most 5 values (a problem names `minutes` itself). */
const MinuteList = z
  .string()
  .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, 'comma-separated whole minutes, e.g. 1,3,5')
  // One parameter holding a list (`minutes=1,3,5`): the document says what the numbers are.
  .meta({ description: `Comma-separated whole minutes, each 1 to ${ISOCHRONE_MAX_MINUTES}, at most ${ISOCHRONE_MAX_VALUES} distinct values (default 1,3,5)`, examples: ['1,3,5'] })
  .transform((s, ctx) => {
    const minutes = [...new Set(s.split(',').map((m) => Number(m.trim())))].sort((a, b) => a - b);
    if (minutes.some((m) => m < 1 || m > ISOCHRONE_MAX_MINUTES)) ctx.addIssue({ code: 'custom', message: `each value must be 1 to ${ISOCHRONE_MAX_MINUTES} minutes` });
    else if (minutes.length > ISOCHRONE_MAX_VALUES) ctx.addIssue({ code: 'custom', message: `at most ${ISOCHRONE_MAX_VALUES} values` });
    else return minutes;
    return z.NEVER;
  });

export const IsochroneQuery = z.strictObject({
  lat: z.coerce.number().pipe(Latitude).optional(),
  lon: z.coerce.number().pipe(Longitude).optional(),
  minutes: MinuteList.default([1, 3, 5]),
  /** `place` (default): the area from which the place is reached within N minutes. `units`: the area the available units reach within N minutes. */
  from: z.enum(['place', 'units']).default('place'),
});
export type IsochroneQuery = z.infer<typeof IsochroneQuery>;

export const IsochroneFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
  properties: z.object({
    minutes: z.number().int(),
    /** `to_place`: a unit anywhere inside reaches the place within `minutes`; `from_units`: some available unit reaches anywhere inside within `minutes`. */
    direction: z.enum(['to_place', 'from_units']),
  }),
});

/** One (multi)polygon per minute value, smallest first, each containing the smaller ones. */
export const Isochrones = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(IsochroneFeature),
  /** The place as snapped to the road network (from=place). */
  snapped: z.tuple([Longitude, Latitude]).nullable(),
  /** from=units: how many available units in the caller's scope the rings are drawn around. */
  units: z.number().int().nullable(),
  computedAt: z.string(),
});
export type Isochrones = z.infer<typeof Isochrones>;
