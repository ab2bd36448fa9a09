export * from './common.js';
export * from './problem.js';
export * from './auth.js';
export * from './jurisdictions.js';
export * from './staff.js';
export * from './audit.js';
export * from './events.js';
