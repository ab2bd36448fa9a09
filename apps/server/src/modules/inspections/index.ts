export { inspectionRoutes } from './inspections.routes.js';
