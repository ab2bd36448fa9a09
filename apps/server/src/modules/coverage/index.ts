export { coverageRoutes } from './coverage.routes.js';
export { liveCoverage, type UnitAt } from './live-coverage.js';
