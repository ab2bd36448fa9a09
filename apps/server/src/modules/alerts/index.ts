export { alertRoutes } from './alerts.routes.js';
export { alertReceipts } from './alerts.tables.js';
