export { reinforcementRoutes } from './reinforcements.routes.js';
export { sweepReinforcements, startReinforcementSweeper } from './sweep-reinforcements.js';
export { reinforcementRequests } from './reinforcements.tables.js';
