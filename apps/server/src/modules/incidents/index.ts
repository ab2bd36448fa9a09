export { incidentRoutes } from './incidents.routes.js';
export { findIncidentRow, presentIncident, type IncidentRow } from './incidents.queries.js';
export { advanceClock, startResponseClock, sweepResponseClocks } from './advance-clock.js';
export type { Progress, TierClock } from './response-clock.js';
export { incidents } from './incidents.tables.js';
export { possibleDuplicates, type DuplicateProbe } from './duplicates.js';
export { startClock, settle, nextDeadline } from './response-clock.js';
export { openIncident } from './open-incident.js';
export { closeIncident } from './close-incident.js';
