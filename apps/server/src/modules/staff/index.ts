export { staffRoutes } from './staff.routes.js';
export { bootstrapAccounts } from './bootstrap.js';
