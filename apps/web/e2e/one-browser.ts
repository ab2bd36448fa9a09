import { existsSync, readFileSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { afterAll, beforeAll, inject } from 'vitest';

/**
 * One browser file at a time, while the other files of the run go on beside it (the sequencer,
 * apps/server/test/sequencer.ts, spreads the browser files through the queue): chromium and a
 * second server on a 2-core machine next to another browser would only slow both. Each e2e file
 * waits for the run's web build (global-setup.ts), then takes the run's lock before its own hooks
 * and gives it back after them.
 */
let release: (() => Promise<void>) | undefined;

async function webBuilt(): Promise<void> {
  const { status, log } = inject('webBuild');
  while (!existsSync(status)) await new Promise((r) => setTimeout(r, 500));
  const outcome = readFileSync(status, 'utf8');
  if (outcome !== '0') {
    const output = existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : '';
    throw new Error(`the web app failed to build (npm run build -w @firebreak/web, ${outcome}): the e2e tests need apps/web/dist\n${output}`);
  }
}

beforeAll(async () => {
  await webBuilt();
  release = await lockfile.lock(inject('browserLock'), {
    retries: { retries: 100_000, minTimeout: 200, maxTimeout: 1000 },
    // A loaded machine can hold the holder's event loop for a while: the lock goes stale only
    // after minutes, and a lock taken over meanwhile just lets two browsers run at once.
    stale: 300_000,
    onCompromised: () => undefined,
  });
}, 60 * 60_000);

afterAll(async () => {
  // Taken over as stale (see above), the lock is no longer ours to give back: nothing to release.
  await release?.().catch(() => undefined);
});
