import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';

/** A message a terminal received: its topic and its payload, parsed. */
export interface Received<M> { topic: string; message: M }

export interface MqttTerminal<M> {
  /** Everything received, in order. */
  readonly received: Received<M>[];
  /** The messages alone, in order. */
  readonly messages: M[];
  /** Resolves with the messages once there are `n`; fails after `timeoutMs` naming what came. */
  until(n: number, timeoutMs?: number): Promise<M[]>;
  close(): Promise<void>;
}

/**
 * A unit's terminal on the real broker (the tests of what the node tells units over MQTT): an
 * mqtt.js client subscribed at QoS 1 to `topics`, each payload parsed as JSON and by `parse` (a
 * contract's `.parse`, so a message that breaks the contract fails the test). With a `clientId` and
 * `clean: false` it keeps a session: what is queued while it is away reaches it when it comes back.
 */
export async function mqttTerminal<M = unknown>(opts: { url: string; topics: readonly string[]; parse?: (json: unknown) => M; clientId?: string; clean?: boolean }): Promise<MqttTerminal<M>> {
  const client = mqtt.connect(opts.url, { clientId: opts.clientId ?? `terminal-${randomUUID()}`, clean: opts.clean ?? true, reconnectPeriod: 0 });
  const received: Received<M>[] = [];
  const parse = opts.parse ?? ((json: unknown) => json as M);
  // Listening before the connection is up: a kept session's queued messages come right after it.
  client.on('message', (topic, payload) => void received.push({ topic, message: parse(JSON.parse(payload.toString('utf8'))) }));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  if (opts.topics.length) await client.subscribeAsync([...opts.topics], { qos: 1 });
  return {
    received,
    get messages() {
      return received.map((r) => r.message);
    },
    async until(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received.map((r) => r.message);
    },
    close: () => client.endAsync(),
  };
}
