import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate, type TestDatabase } from '../../../test/harness.js';
import { tcpReachable } from '../../../test/processes.js';
import { LIVE_ONLY, type PublishedEvent } from './bus.js';
import { deploymentKey } from './deployment-key.js';
import { NatsBus } from './nats-bus.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const silent = pino({ level: 'silent' });

describe('the deployment key', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) {
      await d.database.close();
      await d.drop();
    }
  });

  it('is the same on every read of one database, a NATS subject token, and differs between databases of one server', async () => {
    const one = await cloneTemplate();
    dbs.push(one);
    const key = await deploymentKey(one.database.db);
    expect(await deploymentKey(one.database.db)).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    // Embedded clones are byte copies of one data folder (same identity); server clones are databases of their own.
    if (backend === 'postgres') {
      const two = await cloneTemplate();
      dbs.push(two);
      expect(await deploymentKey(two.database.db)).not.toBe(key);
    }
  });
});

const natsUp = await tcpReachable(NATS_URL, 4222);

// Under CI a missing NATS fails this test rather than skipping it.
describe.runIf(natsUp || process.env.CI === 'true')('deployments sharing one NATS server', () => {
  const buses: NatsBus[] = [];
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  const event = (type: string): PublishedEvent => ({ id: uuidv7(), position: 1, type, occurredAt: new Date().toISOString(), jurisdictionPath: null, data: { marker: uuidv7() } });
  const received = (bus: NatsBus): PublishedEvent[] => {
    const got: PublishedEvent[] = [];
    bus.subscribe((e) => got.push(e));
    return got;
  };
  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  };

  /** Two nodes of one deployment and a node of another, each deployment under a key of its own, with what each receives. */
  const twoDeployments = async () => {
    expect(natsUp, `NATS is not reachable at ${NATS_URL}`).toBe(true);
    const ours = `t${uuidv7().replaceAll('-', '').slice(-15)}`;
    const theirs = `t${uuidv7().replaceAll('-', '').slice(-15)}`;
    const [nodeA, nodeB, other] = await Promise.all([
      NatsBus.connect(NATS_URL, 'test-a', ours, silent),
      NatsBus.connect(NATS_URL, 'test-b', ours, silent),
      NatsBus.connect(NATS_URL, 'test-other', theirs, silent),
    ]);
    buses.push(nodeA, nodeB, other);
    return { nodeA, nodeB, other, onA: received(nodeA), onB: received(nodeB), onOther: received(other) };
  };

  it('deliver each deployment its own events only, to every node of it', async () => {
    const { nodeA, other, onA, onB, onOther } = await twoDeployments();

    const mine = event('test.ours');
    const foreign = event('test.theirs');
    await nodeA.publish([mine]);
    await other.publish([foreign]);
    await until(() => onB.length >= 1 && onA.length >= 1 && onOther.length >= 1);
    // Both were delivered by then (one server, one stream): give a stray one a moment more to show up.
    await new Promise((r) => setTimeout(r, 200));

    expect(onA.map((e) => e.id)).toEqual([mine.id]);
    expect(onB.map((e) => e.id)).toEqual([mine.id]);
    expect(onOther.map((e) => e.id)).toEqual([foreign.id]);
  });

  it('broadcast: each node of the deployment gets it once (the sender at once), no other deployment', async () => {
    const { nodeA, onA, onB, onOther } = await twoDeployments();

    const passing = { ...event('units.positions_reported'), position: LIVE_ONLY };
    nodeA.broadcast([passing]);
    // The sender's own handlers have it before broadcast returns: its own fixes never wait on NATS.
    expect(onA.map((e) => e.id)).toEqual([passing.id]);
    await until(() => onB.length >= 1);
    // A durable event after it: when it has arrived everywhere, a stray echo or a leak would have too.
    const marker = event('test.marker');
    await nodeA.publish([marker]);
    await until(() => onA.length >= 2 && onB.length >= 2);
    await new Promise((r) => setTimeout(r, 200));

    expect(onA.map((e) => e.id)).toEqual([passing.id, marker.id]);
    expect(onB).toEqual([passing, marker]);
    expect(onOther).toEqual([]);
  });

  it('refuses a key that is not a subject token', async () => {
    await expect(NatsBus.connect(NATS_URL, 'test-bad', 'a.b', silent)).rejects.toThrow(/subject token/);
  });
});
