export { Simulator, SIMULATOR_ID, type SimulatorOptions, type TickReport } from './simulator.js';
export { runSimulation } from './run.js';
export { simulatedFigures, mss, type PriorityFigures } from './figures.js';
export { sampleSeconds, sampleTravelFactor } from './calibration.js';
export { seeded } from './random.js';
export { jurisdictionDemand, coveredIndexes, drawPlaces } from './jurisdiction-demand.js';
export type { Demand } from './demand.js';
