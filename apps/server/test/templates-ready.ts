import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * A setup file of every project whose files start from the seeded template: waits, before the
 * file is loaded, until the run's build of its backend's template is done (global-setup.ts starts
 * it beside the run). A failed build fails the file with the build's error and its output.
 */
const { status, log } = inject('templateBuild');
while (!existsSync(status)) await new Promise((r) => setTimeout(r, 250));
const outcome = readFileSync(status, 'utf8');
if (outcome !== 'ok') {
  const output = existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : '';
  throw new Error(`the test template did not build (apps/server/test/template-build.ts): ${outcome}\n${output}`);
}
