import { randomUUID } from 'node:crypto';
import { UnitPatrolMessage, unitAssignmentTopic, unitPatrolTopic } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { mqttTerminal } from '../../../test/mqtt-terminal.js';

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const POST: [number, number] = [9.5215, 47.141];
/** A topic root of this file's own on the shared broker. */
const PREFIX = `test-patrol-${randomUUID().slice(0, 8)}`;

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('crews told over MQTT that their patrol plan was cancelled (the real broker)', () => {
  let t: TestApp;
  let admin: string;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    // The notifier reads the outbox at this poll (testConfig's is the product default): the 600 ms
    // waits below for "nothing more comes" then span a dozen of its passes.
    t = await startTestApp({ config: { mqttUrl: BROKER, mqttTopicPrefix: PREFIX, outboxPollMs: 50 } });
    admin = await loginAdmin(t.app);
    await waitFor(() => t.app.platform.mqtt!.connected, 'the broker connection');
  }, 120_000);
  afterAll(async () => t?.close());

  it('tells each unit of the plan once, with its own posts and the reason; a repeated cancel tells no one again', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const unit = async () => {
      const res = await call('POST', '/units', { callSign: `PQ ${randomUUID().slice(0, 6)}`, kind: 'patrol_car', jurisdictionId: vaduz.id, homeLocation: POST, crewSize: 2, onDuty: true });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [u1, u2, idle] = [await unit(), await unit(), await unit()];
    // The crews' terminals: each unit's patrol topic and, to see nothing strays there, its assignment topic.
    const terminal = await mqttTerminal<UnitPatrolMessage>({ url: BROKER, topics: [u1, u2, idle].flatMap((u) => [unitPatrolTopic(u, PREFIX), unitAssignmentTopic(u, PREFIX)]) });
    const { received } = terminal;
    try {
      const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const utc = (hh: string) => `${day}T${hh}:00:00.000Z`;
      const windows = [{ start: utc('07'), end: utc('08') }];
      const made = await call('POST', '/coverage/patrol-plans', {
        jurisdictionId: vaduz.id, title: 'MQTT patrol', shiftStart: utc('06'), shiftEnd: utc('14'),
        posts: [
          { name: 'School gate', location: POST, windows, unitId: u1 },
          { name: 'Bridge', location: [9.52, 47.135], windows: [{ start: utc('09'), end: utc('10') }], unitId: u1 },
          { name: 'Market', location: [9.522, 47.139], windows, unitId: u2 },
          { name: 'Unheld', location: [9.523, 47.138], windows },
        ],
      });
      expect(made.statusCode, made.body).toBe(201);
      const planId = made.json().id as string;

      const cancelled = await call('POST', `/coverage/patrol-plans/${planId}/cancel`, { reason: 'School closed for the day' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      await waitFor(() => received.length >= 2, 'two messages');
      // The relay and the notifier have passed the cancel: nothing more comes (not one per path the event was emitted at).
      await t.app.platform.relay.drain();
      await new Promise((r) => setTimeout(r, 600));
      expect(received).toHaveLength(2);
      const byUnit = new Map(received.map((r) => [r.message.unitId, r]));
      expect(byUnit.get(u1)!.topic).toBe(unitPatrolTopic(u1, PREFIX));
      expect(UnitPatrolMessage.parse(byUnit.get(u1)!.message)).toMatchObject({
        kind: 'cancelled', unitId: u1,
        plan: { id: planId, title: 'MQTT patrol', shiftStart: utc('06'), shiftEnd: utc('14'), reason: 'School closed for the day' },
        posts: [{ name: 'School gate', location: POST }, { name: 'Bridge', location: [9.52, 47.135] }],
      });
      expect(byUnit.get(u2)!.message).toMatchObject({ kind: 'cancelled', unitId: u2, posts: [{ name: 'Market' }] });
      expect(byUnit.get(u2)!.message.messageId).toBe(byUnit.get(u1)!.message.messageId);

      // Asked again: the plan stays as it was, and no crew is told twice.
      expect((await call('POST', `/coverage/patrol-plans/${planId}/cancel`, { reason: 'again' })).statusCode).toBe(200);
      await t.app.platform.relay.drain();
      await new Promise((r) => setTimeout(r, 600));
      expect(received).toHaveLength(2);
    } finally {
      await terminal.close();
    }
  });
});
