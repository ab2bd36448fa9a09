import { afterAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDatabase } from './harness.js';
import { tcpReachable } from './processes.js';
import { rollingRestartScenario } from './reliability.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const natsUp = await tcpReachable(NATS_URL, 4222);
let db: TestDatabase | undefined;
afterAll(async () => {
  await db?.database.close();
  await db?.drop();
});

/**
 * Issue 21 §2: two API nodes on one PostgreSQL + NATS, restarted one after the other while calls
 * keep coming. Both starts run this checkout's code, standing in for the new version: what is
 * proved is that a node may go away and come back under load, not a particular pair of releases.
 * vitest.config.ts runs this file in the postgres project only.
 */
describe.runIf(natsUp || process.env.CI === 'true')('a rolling restart of two API nodes', () => {
  it('takes every call (client retry on the other node), loses none and doubles none', { timeout: 300_000 }, async ({ annotate }) => {
    expect(natsUp, `NATS is not reachable at ${NATS_URL}`).toBe(true);
    db = await cloneTemplate();
    const figures = await rollingRestartScenario({ ...db.env, NATS_URL }, db.ownerUrl!);
    await annotate(JSON.stringify(figures));
    expect({ failed: figures.failed, lost: figures.lost, doubled: figures.doubled }).toEqual({ failed: 0, lost: 0, doubled: 0 });
    expect(figures.stored).toBe(figures.acknowledged);
    // Both nodes took calls, and each restart was felt by the client (a refused connection, retried on the other).
    expect(figures.perNode['node-a']).toBeGreaterThan(0);
    expect(figures.perNode['node-b']).toBeGreaterThan(0);
    expect(figures.retries).toBeGreaterThan(0);
  });
});
