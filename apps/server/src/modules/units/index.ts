export { unitRoutes } from './units.routes.js';
export { livePositionsOf, type LivePositions, type LiveFix } from './live-positions.js';
export { applyUnitCommand, lockUnit } from './change-unit-status.js';
export { listUnitRows, findUnitRow, presentUnit, type UnitRow } from './units.queries.js';
export { units } from './units.tables.js';
