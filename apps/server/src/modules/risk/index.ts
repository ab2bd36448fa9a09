export { riskRoutes } from './risk.routes.js';
