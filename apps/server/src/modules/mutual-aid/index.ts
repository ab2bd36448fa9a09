export { mutualAidRoutes } from './mutual-aid.routes.js';
export { aidFor } from './mutual-aid.queries.js';
export { mutualAidAgreements } from './mutual-aid.tables.js';
export { ensureDemoAgreements, DEMO_AID_KINDS } from './demo-agreements.js';
