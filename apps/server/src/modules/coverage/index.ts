export { coverageRoutes } from './coverage.routes.js';
export { liveCoverage, type UnitAt } from './live-coverage.js';
// The hours of key places, for other modules that keep away from them (controlled-goods' permit routes).
export { categoryHoursByPath } from './coverage-settings.js';
export { hoursOf, openDuring, type CategoryHoursByPath, type LocalSpan } from './windows.js';
