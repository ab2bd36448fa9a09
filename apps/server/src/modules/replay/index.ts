export { replayRoutes } from './replay.routes.js';
export { replayPeriod } from './replay-period.js';
export { replayTable } from './replay-table.js';
