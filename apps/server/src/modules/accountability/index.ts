export { accountabilityRoutes } from './accountability.routes.js';
