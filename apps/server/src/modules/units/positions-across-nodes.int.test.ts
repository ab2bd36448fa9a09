import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, listen, loginAdmin } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';
import { startTwoNodes, twoNodesRun, type TwoNodes } from '../../../test/two-nodes.js';

const BROKER = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/**
 * AVL positions are broadcast on the bus (no outbox event): the node that ingests them must
 * still hand every unit's newest fix to every other node, its live store and its sockets, and
 * a socket must still resume from the last stored event it saw.
 */
// Two nodes need a PostgreSQL server and NATS: under CI a missing NATS fails this test rather than skipping it.
describe.runIf(twoNodesRun)('AVL positions on every node', () => {
  let nodes: TwoNodes | undefined;
  let device: mqtt.MqttClient | undefined;
  afterAll(async () => {
    await device?.endAsync();
    await nodes?.close();
  }, 60_000);

  it('a fix taken in over MQTT on node A is live on node B, over its stream (position 0) and in its API; resume skips it', { timeout: 120_000 }, async () => {
    // Only A subscribes to the broker: B can learn of the fix from A alone.
    nodes = await startTwoNodes({ a: { mqttUrl: BROKER } });
    const { a, b } = nodes;
    const urlB = await listen(b);
    const admin = await loginAdmin(a);
    const j = await jurisdictionByPath(a, 'li.oberland.vaduz');
    const stream = await StreamClient.connect(urlB, { cookie: admin });
    await stream.waitForKind('caught_up');
    const res = await a.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { callSign: 'Vaduz Relay', kind: 'motorcycle', jurisdictionId: j.id, homeLocation: [9.52, 47.14], crewSize: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    const unitId = (res.json() as { id: string }).id;

    const registered = await stream.waitForEventWhere((e) => e.type === 'units.registered' && (e.data as { id: string }).id === unitId);
    device = await mqtt.connectAsync(BROKER, { clientId: `test-device-${randomUUID()}` });
    const at = new Date(Date.now() - 3000).toISOString();
    await device.publishAsync(`firebreak/units/${unitId}/position`, JSON.stringify({ location: [9.5215, 47.141], at, speedKmh: 35, heading: 12 }));

    const reported = await stream.waitForEventWhere((e) => e.type === 'units.positions_reported' && (e.data as { fixes: { unitId: string }[] }).fixes.some((f) => f.unitId === unitId));
    expect(reported.position).toBe(0);
    expect(reported.jurisdictionPath).toBe('li.oberland.vaduz');
    expect((reported.data as { fixes: unknown[] }).fixes).toEqual([{ unitId, location: [9.5215, 47.141], at, speedKmh: 35, heading: 12 }]);
    const onB = (await b.inject({ method: 'GET', url: `/api/v1/units/${unitId}`, headers: { cookie: admin } })).json() as { position: unknown };
    expect(onB.position).toEqual({ location: [9.5215, 47.141], at, speedKmh: 35, heading: 12, stale: false });
    // The fix is in the track, stored by A.
    const track = (await a.inject({ method: 'GET', url: `/api/v1/units/${unitId}/track?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`, headers: { cookie: admin } })).json() as { location: number[] }[];
    expect(track.map((p) => p.location)).toEqual([[9.5215, 47.141]]);

    // Resuming after the last stored event works on either node; the broadcast is not replayed.
    await stream.close();
    const resumed = await StreamClient.connect(urlB, { cookie: admin, after: registered.id });
    await resumed.waitForKind('caught_up');
    expect(resumed.messages[0]).toEqual({ kind: 'hello', resumedFrom: registered.id });
    expect(resumed.events().filter((e) => e.type === 'units.positions_reported')).toEqual([]);
    await resumed.close();
  });
});
