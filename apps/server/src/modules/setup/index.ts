export { setupRoutes } from './setup.routes.js';
