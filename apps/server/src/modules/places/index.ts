export { placeRoutes, visiblePlace } from './places.routes.js';
export { countOsmPlacesFile, importOsmPlacesFile, type PlacesImportSummary } from './import-osm-places.js';
export { findPlace, historyOf, keyPlacePoints, type KeyPlacePoint } from './places.queries.js';
export { places } from './places.tables.js';
export { deepestContaining } from './places.queries.js';
export { createPlaceIn } from './create-place.js';
export { assertValidGeometry, geometrySql } from './geometry.js';
export { KeyPlaceList, keyPlaceListOf, type KeyPlaceScope } from './key-place-list.js';
