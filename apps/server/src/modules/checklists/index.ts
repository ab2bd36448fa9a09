export { checklistRoutes } from './checklists.routes.js';
export { ensureStarterChecklists } from './publish-checklist.js';
export { findTemplate } from './checklists.queries.js';
export { scoreAnswers, type FailedItem } from './scoring.js';
/** The templates table, for joins that name an inspection's checklist (same bounded context). */
export { checklistTemplates } from './checklists.tables.js';
