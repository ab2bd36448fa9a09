export { reinforcementRoutes } from './reinforcements.routes.js';
export { sweepReinforcements, startReinforcementSweeper } from './sweep-reinforcements.js';
export { reinforcementRequests } from './reinforcements.tables.js';
export { raiseReinforcementRequest } from './request-reinforcement.js';
export { findRequest as findReinforcementRequest } from './reinforcements.queries.js';
