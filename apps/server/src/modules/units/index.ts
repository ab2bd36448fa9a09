export { unitRoutes } from './units.routes.js';
export { livePositionsOf, type LivePositions, type LiveFix } from './live-positions.js';
export { applyUnitCommand, lockUnit } from './change-unit-status.js';
export { listUnitRows, findUnitRow, findUnitRows, presentUnit, type UnitRow } from './units.queries.js';
export { canBeDispatched } from './model.js';
export { units } from './units.tables.js';
export { ensureDemoForces, planDemoForces, type DemoUnit } from './demo-forces.js';
export { reportPositions } from './report-positions.js';
