import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { backend, cloneTemplate, testConfig, type TestDatabase } from './harness.js';
import { tcpReachable } from './processes.js';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
/** Probed once per file, on the postgres backend only (two nodes share a server's database, not a PGlite). */
export const natsUp = backend === 'postgres' && (await tcpReachable(NATS_URL, 4222));
/**
 * Whether a file's two-node tests run: they need a PostgreSQL server and NATS. Under CI a missing
 * NATS fails them (`startTwoNodes` says so) rather than skipping them.
 */
export const twoNodesRun = backend === 'postgres' && (natsUp || process.env.CI === 'true');

export interface TwoNodes {
  a: FastifyInstance;
  b: FastifyInstance;
  db: TestDatabase;
  /** Closes both apps, then drops the database. */
  close(): Promise<void>;
}

/**
 * Two API nodes in this process, `node-a` and `node-b`, on one copy of the template and one NATS:
 * each with its own connections, as two servers of a deployment have. `a` and `b` add to (or
 * override) each node's settings, e.g. only A connected to the MQTT broker.
 */
export async function startTwoNodes(opts: { a?: Partial<Config>; b?: Partial<Config> } = {}): Promise<TwoNodes> {
  expect(natsUp, `NATS is not reachable at ${NATS_URL}`).toBe(true);
  const db = await cloneTemplate();
  const apps: FastifyInstance[] = [];
  const close = async () => {
    for (const app of apps) await app.close();
    await db.drop();
  };
  try {
    const config = testConfig({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl, natsUrl: NATS_URL });
    apps.push(await buildApp({ ...config, nodeName: 'node-a', ...opts.a }, { database: db.database }));
    apps.push(await buildApp({ ...config, nodeName: 'node-b', ...opts.b }, { database: await openDatabase({ databaseUrl: db.url, dataDir: os.tmpdir() }) }));
    await Promise.all(apps.map((app) => app.ready()));
  } catch (err) {
    await close();
    throw err;
  }
  return { a: apps[0]!, b: apps[1]!, db, close };
}
