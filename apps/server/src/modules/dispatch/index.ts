export { dispatchRoutes } from './dispatch.routes.js';
export { deploymentOsmExtract, deploymentRoadNetwork, roadNetwork, type RoadNetwork } from './road-network.js';
export { travelTimes, type ProfileGraphs } from './recommend.js';
export { travelProfileOf } from './travel-profile.js';
export { assignUnits } from './assign-units.js';
export { advanceAssignment } from './advance-assignment.js';
export { fleetOf } from './fleet.js';
export { ensureDemoRunCards } from './demo-run-cards.js';
export { setResponsePlanIn } from './set-response-plan.js';
