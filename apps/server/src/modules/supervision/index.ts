export { supervisionRoutes } from './supervision.routes.js';
export { supervisionVisits } from './supervision.tables.js';
