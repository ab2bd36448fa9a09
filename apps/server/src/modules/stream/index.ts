export { streamRoutes } from './stream.routes.js';
export { viewFor, type UnitKindOf } from './visibility.js';
export { fanOutOf } from './fan-out.js';
