export { onboardingRoutes } from './onboarding.routes.js';
export { onboard, type OnboardInput } from './onboard.js';
export { undoOnboarding } from './undo-onboarding.js';
export { listOnboardBatches, findOnboardBatch } from './batches.js';
export { OnboardFileError } from './decode.js';
export { onboardingBatches, onboardingItems } from './onboarding.tables.js';
export { registerOnboardCommands, describeOnboard, ONBOARD_EXIT } from './cli.js';
