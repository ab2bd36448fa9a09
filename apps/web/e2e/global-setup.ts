import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { webBuildIsCurrent } from '../../../scripts/ensure-web-build.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Builds the web app once per run, unless `apps/web/dist` is newer than its sources (the same
 * check `npm start` makes). The server template comes from apps/server/test/global-setup.ts,
 * which the e2e project lists before this file.
 */
export default function setup(): void {
  if (webBuildIsCurrent()) return;
  const run = spawnSync('npm', ['run', 'build', '-w', '@firebreak/web'], { cwd: repo, stdio: 'inherit' });
  if (run.status !== 0 || !webBuildIsCurrent()) throw new Error('the web app failed to build (npm run build -w @firebreak/web): the e2e tests need apps/web/dist');
}
