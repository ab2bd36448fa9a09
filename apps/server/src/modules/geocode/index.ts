export { geocodeRoutes } from './geocode.routes.js';
