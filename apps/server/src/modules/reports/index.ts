export { reportRoutes } from './reports.routes.js';
export { breakdown, componentsOf, percentileCont, type IncidentFacts, type ResponseFacts } from './model.js';
export { loadFacts, responseBreakdown, type BreakdownScope } from './response-breakdown.js';
