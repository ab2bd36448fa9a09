export { dispatchRoutes } from './dispatch.routes.js';
export { deploymentRoadNetwork, roadNetwork, type RoadNetwork } from './road-network.js';
export { travelTimes } from './recommend.js';
