import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/**
 * Two deployments on one broker (`MQTT_TOPIC_PREFIX`): each takes in only the fixes under its own
 * prefix. Both are clones of the same template, so the unit exists in both: without the prefixes
 * each would take in the other's fix.
 */
describe('two deployments with their own MQTT topic prefix on one broker', () => {
  const run = randomUUID().slice(0, 8);
  const prefixes = [`test-${run}/a`, `test-${run}/b`];
  const apps: TestApp[] = [];
  const cookies: string[] = [];
  let device: mqtt.MqttClient;

  beforeAll(async () => {
    for (const prefix of prefixes) {
      const t = await startTestApp({ config: { mqttUrl: BROKER, mqttTopicPrefix: prefix } });
      apps.push(t);
      cookies.push(await loginAdmin(t.app));
    }
    device = await mqtt.connectAsync(BROKER, { clientId: `test-device-${randomUUID()}` });
  }, 180_000);
  afterAll(async () => {
    await device?.endAsync();
    for (const t of apps) await t.close();
  });

  const positionOf = async (k: number, unitId: string) =>
    (await apps[k]!.app.inject({ method: 'GET', url: `/api/v1/units/${unitId}`, headers: { cookie: cookies[k]! } })).json().position as { location: number[] } | null;

  it("each node takes in its own prefix's fixes and none of the other's", async () => {
    const units = (await apps[0]!.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: cookies[0]! } })).json().items as { id: string }[];
    const unitId = units[0]!.id;
    expect(await positionOf(1, unitId), 'the unit exists in both deployments').not.toBeUndefined();
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    // A's fix first, B's newer one after: a node that took in the other's topic would show B's location on A.
    await device.publishAsync(`${prefixes[0]}/units/${unitId}/position`, JSON.stringify({ location: [9.5101, 47.1301], at: at(10) }), { qos: 1 });
    await device.publishAsync(`${prefixes[1]}/units/${unitId}/position`, JSON.stringify({ location: [9.5202, 47.1402], at: at(5) }), { qos: 1 });
    // The old topic root too: neither takes it in.
    await device.publishAsync(`firebreak/units/${unitId}/position`, JSON.stringify({ location: [9.5303, 47.1503], at: at(1) }), { qos: 1 });
    const deadline = Date.now() + 15_000;
    let seen: (number[] | undefined)[] = [];
    while (Date.now() < deadline) {
      seen = await Promise.all([0, 1].map(async (k) => (await positionOf(k, unitId))?.location));
      if (seen.every((l) => l !== undefined)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Both have taken in a fix: let the ingests flush once more, then neither may have moved to another's.
    await new Promise((r) => setTimeout(r, 500));
    seen = await Promise.all([0, 1].map(async (k) => (await positionOf(k, unitId))?.location));
    expect(seen).toEqual([[9.5101, 47.1301], [9.5202, 47.1402]]);
  });
});
