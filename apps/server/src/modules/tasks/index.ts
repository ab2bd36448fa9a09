export { taskRoutes } from './tasks.routes.js';
export { markOverdueTasks } from './mark-overdue.js';
export { findTaskRow } from './tasks.queries.js';
export { makeDutyTasks } from './make-duty-tasks.js';
