import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { webBuildIsCurrent } from '../../../scripts/ensure-web-build.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Makes this run's folder for the browser files (one-browser.ts): the lock that lets one chromium
 * run at a time, and the web app's build. The build (`npm run build -w @firebreak/web`, when
 * `apps/web/dist` is older than its sources, the check `npm start` makes) runs in the background
 * while the other files start; each browser file waits for it. The server template comes from
 * apps/server/test/global-setup.ts, which the e2e project lists before this file.
 */
export default function setup(project: TestProject): () => void {
  // Per run, not per machine: another checkout's run on the same machine has browsers of its own.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-e2e-run-'));
  const lock = path.join(dir, 'browser');
  const built = path.join(dir, 'web-build.status');
  const log = path.join(dir, 'web-build.log');
  writeFileSync(lock, '');
  project.provide('browserLock', lock);
  project.provide('webBuild', { status: built, log });
  if (webBuildIsCurrent()) {
    writeFileSync(built, '0');
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const out = openSync(log, 'w');
  const build = spawn('npm', ['run', 'build', '-w', '@firebreak/web'], { cwd: repo, stdio: ['ignore', out, out] });
  build.once('error', (err) => writeFileSync(built, `error: ${err.message}`));
  build.once('exit', (code, signal) => writeFileSync(built, code === 0 && webBuildIsCurrent() ? '0' : `exit ${code ?? signal}`));
  return () => {
    if (build.exitCode === null && build.signalCode === null) build.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserLock: string;
    /** Where the background web build writes its exit ('0' when apps/web/dist is current) and its output. */
    webBuild: { status: string; log: string };
  }
}
