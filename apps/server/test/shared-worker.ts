import { afterAll } from 'vitest';
import { closeLeftoverApps } from './harness.js';

/**
 * Setup file of the integration projects, whose workers run one file after another
 * (vitest.config.ts): what a file left open is closed when it ends, not left to the next file.
 */
afterAll(async () => {
  await closeLeftoverApps();
});
