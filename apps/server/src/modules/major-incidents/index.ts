export { majorIncidentRoutes } from './major-incidents.routes.js';
export { sweepMajorIncidentClocks } from './sweep-clocks.js';
export { declareMajorIncident } from './declare-major-incident.js';
export { majorIncidents } from './major-incidents.tables.js';
export { publicAlertRoutes } from './public-alerts.routes.js';
export { followRoadClosures } from './road-closures.js';
export { playGasExplosion, VADUZ_MARKET } from './exercise-gas-explosion.js';
export { ensureDemoMajorIncident } from './demo-major-incident.js';
