export { basemapRoutes } from './basemap.routes.js';
export { FIRST_GLYPH_RANGES, glyphRangesIn } from './glyphs.js';
