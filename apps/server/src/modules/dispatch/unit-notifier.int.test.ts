import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { UnitAssignmentMessage, unitAssignmentTopic } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { mqttTerminal } from '../../../test/mqtt-terminal.js';
import { freePort, tempDir } from '../../../test/processes.js';

/** The notifier's poll of the outbox (testConfig's is the product default): the timed waits below count on several passes. */
const NOTIFIER_POLL_MS = 50;

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const SCENE: [number, number] = [9.5215, 47.141];

/** A topic root of this file's own on the shared broker. */
const PREFIX = `test-dispatch-${randomUUID().slice(0, 8)}`;

/** A unit's terminal: every message on its units' assignment topics, parsed by the contract. */
const openTerminal = (url: string, unitIds: string[], opts: { clientId?: string; clean?: boolean } = {}) =>
  mqttTerminal({ url, topics: unitIds.map((id) => unitAssignmentTopic(id, PREFIX)), parse: (m) => UnitAssignmentMessage.parse(m), ...opts });

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('assignments told to units over MQTT (the real broker)', () => {
  let t: TestApp;
  let admin: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  async function unit(callSign: string): Promise<string> {
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const res = await call('POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: SCENE, crewSize: 2, onDuty: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function incident(): Promise<string> {
    const res = await call('POST', '/incidents', { type: 'fire', priority: 'P2', location: SCENE, address: 'Städtle 1, Vaduz' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  beforeAll(async () => {
    // The notifier reads the outbox at this poll: the 600 ms waits below for "nothing more comes" span a dozen passes.
    t = await startTestApp({ config: { mqttUrl: BROKER, mqttTopicPrefix: PREFIX, outboxPollMs: NOTIFIER_POLL_MS } });
    admin = await loginAdmin(t.app);
    await waitFor(() => t.app.platform.mqtt!.connected, 'the broker connection');
  }, 120_000);
  afterAll(async () => t?.close());

  it('reports the broker connection in /readyz', async () => {
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready', mqtt: 'ok' });
  });

  it('tells a unit it was sent, moved on and stood down — once each, per the contract', async () => {
    const [first, second, u1, u2] = [await incident(), await incident(), await unit(`MQ ${randomUUID().slice(0, 6)}`), await unit(`MQ ${randomUUID().slice(0, 6)}`)];
    const terminal = await openTerminal(BROKER, [u1, u2]);
    try {
      const sent = await call('POST', `/incidents/${first}/assignments`, { unitIds: [u1] });
      expect(sent.statusCode, sent.body).toBe(201);
      const a1 = sent.json()[0].id;
      const [assigned] = await terminal.until(1);
      expect(assigned).toMatchObject({ kind: 'assigned', unitId: u1, assignmentId: a1, previous: null, incident: { id: first, type: 'fire', priority: 'P2', location: SCENE, address: 'Städtle 1, Vaduz' } });

      const moved = await call('POST', `/assignments/${a1}/reassign`, { incidentId: second });
      expect(moved.statusCode, moved.body).toBe(200);
      const a2 = moved.json().started.id;
      const afterMove = await terminal.until(2);
      expect(afterMove[1]).toMatchObject({ kind: 'reassigned', unitId: u1, assignmentId: a2, incident: { id: second }, previous: { incidentId: first, assignmentId: a1 } });

      // A swap: the first unit stands down, the second is sent.
      const swapped = await call('POST', `/assignments/${a2}/reassign`, { unitId: u2 });
      expect(swapped.statusCode, swapped.body).toBe(200);
      const afterSwap = await terminal.until(4);
      expect(afterSwap.slice(2).map((m) => [m.kind, m.unitId]).sort()).toEqual([['assigned', u2], ['cancelled', u1]].sort());

      const cancelled = await call('POST', `/assignments/${swapped.json().started.id}/actions`, { action: 'cancel' });
      expect(cancelled.statusCode).toBe(200);
      const all = await terminal.until(5);
      expect(all[4]).toMatchObject({ kind: 'cancelled', unitId: u2, incident: { id: second } });
      // Nothing more comes (the steps of a move are told as one message).
      await t.app.platform.relay.drain();
      await new Promise((r) => setTimeout(r, 600));
      expect(terminal.messages).toHaveLength(5);
      expect(terminal.received.every((r) => r.topic === unitAssignmentTopic(r.message.unitId, PREFIX))).toBe(true);
      expect(new Set(terminal.messages.map((m) => m.messageId)).size).toBe(5);
    } finally {
      await terminal.close();
    }
  });
});

describe('a dispatch centre whose MQTT broker is down', () => {
  let t: TestApp | undefined;
  let broker: ChildProcess | undefined;
  const folder = tempDir('firebreak-mosquitto-');

  async function startBroker(port: number): Promise<ChildProcess> {
    const child = spawn('mosquitto', ['-c', path.join(folder.dir, 'mosquitto.conf')], { stdio: 'ignore' });
    await waitFor(async () => {
      try {
        await (await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0, connectTimeout: 500 })).endAsync();
        return true;
      } catch {
        return false;
      }
    }, 'the private broker');
    return child;
  }
  async function stopBroker(): Promise<void> {
    if (!broker || broker.exitCode !== null) return;
    const exited = once(broker, 'exit');
    broker.kill('SIGTERM'); // mosquitto saves its sessions on the way out
    await exited;
  }

  afterAll(async () => {
    await t?.close();
    await stopBroker();
    folder.remove();
  });

  it('starts, says MQTT is down in /readyz, keeps dispatching, and tells the unit once the broker is back', async () => {
    const port = await freePort();
    // Run as root, mosquitto drops to its own user: it must be able to save its sessions here.
    chmodSync(folder.dir, 0o777);
    writeFileSync(path.join(folder.dir, 'mosquitto.conf'), [
      `listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence true', `persistence_location ${folder.dir}/`, 'log_dest none', '',
    ].join('\n'));
    const url = `mqtt://127.0.0.1:${port}`;
    const terminalId = `terminal-${randomUUID()}`;
    // The unit's terminal keeps a persistent session on the broker: what is queued while it is away reaches it later.
    broker = await startBroker(port);

    t = await startTestApp({ config: { mqttUrl: url, mqttTopicPrefix: PREFIX, outboxPollMs: NOTIFIER_POLL_MS } });
    const admin = await loginAdmin(t.app);
    const call = (method: 'GET' | 'POST', u: string, payload?: object) => t!.app.inject({ method, url: `/api/v1${u}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unitId = (await call('POST', '/units', { callSign: `MQ down ${randomUUID().slice(0, 6)}`, kind: 'patrol_car', jurisdictionId: j.id, homeLocation: SCENE, crewSize: 2, onDuty: true })).json().id;
    const setup = await openTerminal(url, [unitId], { clientId: terminalId, clean: false });
    await setup.close();
    await waitFor(() => t!.app.platform.mqtt!.connected, 'the app to connect');
    await stopBroker();
    await waitFor(() => !t!.app.platform.mqtt!.connected, 'the app to notice the broker is gone');

    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'degraded', database: 'ok', bus: 'ok', mqtt: 'unreachable' });
    const inc = (await call('POST', '/incidents', { type: 'fire', priority: 'P2', location: SCENE })).json().id;
    const sent = await call('POST', `/incidents/${inc}/assignments`, { unitIds: [unitId] });
    expect(sent.statusCode, sent.body).toBe(201);
    await t.app.platform.relay.drain();
    await new Promise((r) => setTimeout(r, 500));
    // Held, not dropped: the notifier's cursor has not passed the assignment.
    const [assigned] = await rows<{ position: number }>(t.app.platform.db, sql`select position from outbox where type = 'dispatch.unit_assigned' and data->>'unitId' = ${unitId}`);
    const [cursor] = await rows<{ position: number }>(t.app.platform.db, sql`select position from outbox_cursors where name = 'unit-assignments-mqtt'`);
    expect(Number(cursor!.position)).toBeLessThan(Number(assigned!.position));

    broker = await startBroker(port);
    await waitFor(() => t!.app.platform.mqtt!.connected, 'the app to reconnect');
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready', mqtt: 'ok' });
    const terminal = await openTerminal(url, [], { clientId: terminalId, clean: false });
    try {
      const [message] = await terminal.until(1);
      expect(message).toMatchObject({ kind: 'assigned', unitId, incident: { id: inc } });
    } finally {
      await terminal.close();
    }
  }, 60_000);

  it('starts even when the broker was never there', async () => {
    const nobody = await freePort();
    const down = await startTestApp({ config: { mqttUrl: `mqtt://127.0.0.1:${nobody}` } });
    try {
      expect((await down.app.inject('/readyz')).json()).toMatchObject({ status: 'degraded', mqtt: 'unreachable' });
    } finally {
      await down.close();
    }
  }, 60_000);
});
