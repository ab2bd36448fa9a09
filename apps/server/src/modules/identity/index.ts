export { actorResolver, authRoutes, SESSION_COOKIE } from './auth.routes.js';
export { staffRoutes } from './staff.routes.js';
export { mfaRoutes } from './mfa.routes.js';
export { bootstrapAccounts, type CreatedAccount } from './bootstrap.js';
export { displayNamesOf, findStaff, listStaff } from './staff.queries.js';
export { createStaffIn } from './create-staff.js';
export { findUserByUsername } from './staff.queries.js';
export { generatePassword, hashPassword } from './secrets.js';
