export { reportRoutes } from './reports.routes.js';
export { breakdown, componentsOf, percentileCont, type IncidentFacts, type ResponseFacts } from './model.js';
export { responseBreakdown, type BreakdownScope } from './response-breakdown.js';
