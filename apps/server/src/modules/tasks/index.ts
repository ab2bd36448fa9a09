export { taskRoutes } from './tasks.routes.js';
export { markOverdueTasks } from './mark-overdue.js';
