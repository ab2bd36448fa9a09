export { hazardRoutes } from './hazards.routes.js';
export { escalateOverdue, startEscalationSweeper } from './escalate-overdue.js';
export { insertHazard } from './raise-hazard.js';
export { hazards } from './hazards.tables.js';
export { checkEvidenceFile } from './evidence-file.js';
export { verifyByFollowUp, verifyByReinspection, type FollowUp } from './advance-hazard.js';
export { findHazard } from './hazards.queries.js';
