export { campaignRoutes } from './campaigns.routes.js';
export { creditInspection } from './credit-inspection.js';
export { markMissed } from './mark-missed.js';
export { csvField } from './report-csv.js';
export { campaignVisibleTo, coverageWithin, findCampaign } from './campaigns.queries.js';
export { ensureDemoCampaign, DEMO_CAMPAIGN_TITLE } from './demo-campaign.js';
