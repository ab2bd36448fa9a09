export { streamRoutes } from './stream.routes.js';
export { isVisibleTo } from './visibility.js';
