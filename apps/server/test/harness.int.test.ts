import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db/client.js';
import { closeLeftoverApps, startTestApp } from './harness.js';

/**
 * A worker runs one test file after another (vitest.config.ts, shared-worker.ts): an app a file
 * left open would keep polling its outbox and running its jobs through the next files.
 */
describe('what a test file leaves open in a shared worker', () => {
  it('closes an app the file left open, and an app that finished starting after the file ended', async () => {
    const left = await startTestApp();
    // Settled into a value at once: its rejection may come while the leftovers are being closed.
    const starting = startTestApp().then(() => 'started', (err: Error) => err.message);
    await closeLeftoverApps();
    await expect(rows(left.app.platform.db, sql`select 1 as one`)).rejects.toThrow();
    expect(await starting).toBe('the test file ended while this app was starting (a hook timed out): closed it');
  });
});
