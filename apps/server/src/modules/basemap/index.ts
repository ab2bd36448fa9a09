export { basemapRoutes } from './basemap.routes.js';
