export { premiseRoutes } from './premise.routes.js';
