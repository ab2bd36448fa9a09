export { actorResolver, authRoutes, SESSION_COOKIE } from './auth.routes.js';
export { staffRoutes } from './staff.routes.js';
export { mfaRoutes } from './mfa.routes.js';
export { bootstrapAccounts, type CreatedAccount } from './bootstrap.js';
export { findStaff } from './staff.queries.js';
