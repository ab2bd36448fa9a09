import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

/** The real broker: CI starts Mosquitto; a test run without it fails here, loudly. */
const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('AVL over MQTT from the real broker', () => {
  let t: TestApp;
  let admin: string;
  let device: mqtt.MqttClient;

  beforeAll(async () => {
    t = await startTestApp({ config: { mqttUrl: BROKER } });
    admin = await loginAdmin(t.app);
    device = await mqtt.connectAsync(BROKER, { clientId: `test-device-${randomUUID()}` });
  }, 120_000);
  afterAll(async () => {
    await device?.endAsync();
    await t?.close();
  });

  /** Resolves with the first published event that matches, or fails after 10 s. */
  function nextEvent(match: (e: PublishedEvent) => boolean): Promise<PublishedEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching event within 10 s')), 10_000);
      const stop = t.app.platform.bus.subscribe((e) => {
        if (!match(e)) return;
        clearTimeout(timer);
        stop();
        resolve(e);
      });
    });
  }

  it("moves a unit on its own topic; other units' garbage and unknown units are dropped", async () => {
    const j = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { callSign: 'Vaduz MQTT', kind: 'motorcycle', jurisdictionId: j.id, homeLocation: [9.52, 47.14], crewSize: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    const unitId = res.json().id;
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const newest = at(2);
    // Fixes may arrive in one batch or two: wait for the one that carries the newest.
    const reported = nextEvent((e) => e.type === 'units.positions_reported' && (e.data as { fixes: { unitId: string; at: string }[] }).fixes.some((f) => f.unitId === unitId && f.at === newest));

    await device.publishAsync(`firebreak/units/${randomUUID()}/position`, JSON.stringify({ location: [9.5, 47.1], at: at(5) }));
    await device.publishAsync(`firebreak/units/${unitId}/position`, 'not json');
    await device.publishAsync(`firebreak/units/${unitId}/position`, JSON.stringify({ location: [9.5201, 47.1401], at: at(10), speedKmh: 40 }));
    await device.publishAsync(`firebreak/units/${unitId}/position`, JSON.stringify({ location: [9.5215, 47.141], at: newest, speedKmh: 35, heading: 12 }));

    const event = await reported;
    expect((event.data as { fixes: unknown[] }).fixes).toEqual([{ unitId, location: [9.5215, 47.141], at: newest, speedKmh: 35, heading: 12 }]);
    const unit = (await t.app.inject({ method: 'GET', url: `/api/v1/units/${unitId}`, headers: { cookie: admin } })).json();
    expect(unit.position).toEqual({ location: [9.5215, 47.141], at: newest, speedKmh: 35, heading: 12, stale: false });
    // Both fixes of the unit are in its track; the other unit's fix and the garbage are not.
    const track = (await t.app.inject({ method: 'GET', url: `/api/v1/units/${unitId}/track?from=${at(60)}&to=${at(-60)}`, headers: { cookie: admin } })).json();
    expect(track.map((p: { location: number[] }) => p.location)).toEqual([[9.5201, 47.1401], [9.5215, 47.141]]);
  });
});
