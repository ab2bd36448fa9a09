export { auditRoutes } from './audit.routes.js';
export { auditScope } from './audit.routes.js';
