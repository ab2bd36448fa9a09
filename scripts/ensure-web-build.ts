/**
 * `npm start` runs this first (the root `prestart`): builds the web app when `apps/web/dist` is
 * missing or older than its sources, so a fresh clone serves the app after `npm ci && npm start`
 * with no manual step. When the build is current it only compares file times (a few ms).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const web = join(repo, 'apps/web');
const built = join(web, 'dist/index.html');
const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts'), join(web, 'package.json'), join(repo, 'packages/contracts/src')];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), st.mtimeMs);
}

export function webBuildIsCurrent(): boolean {
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!webBuildIsCurrent()) {
    console.log(existsSync(built) ? 'The web app changed since it was built: rebuilding apps/web …' : 'Building the web app (apps/web) once …');
    const run = spawnSync('npm', ['run', 'build', '-w', '@firebreak/web'], { cwd: repo, stdio: 'inherit' });
    if (run.status !== 0) {
      // The API still starts: the server answers / with the API docs when there is no build.
      console.error('The web app failed to build; the server starts with the API only (see the errors above).');
    }
  }
}
