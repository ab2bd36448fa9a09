export { coverageRoutes } from './coverage.routes.js';
export { liveCoverage, type UnitAt } from './live-coverage.js';
// The hours of key places, for other modules that keep away from them (controlled-goods' permit routes).
export { categoryHoursByPath } from './coverage-settings.js';
export { hoursOf, openDuring, type CategoryHoursByPath, type LocalSpan } from './windows.js';
// Closed days (public and school holidays): a school closed that day is not a protected zone of a permit then.
export { closedDayRules, localDate } from './closed-days.js';
export { closedOn, type ClosedDayRule } from './closed-days-model.js';
export { ensureDemoClosedDays } from './demo-closed-days.js';
