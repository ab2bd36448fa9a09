export { reachabilityRoutes } from './reachability.routes.js';
