import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';

/**
 * The node's connection to the MQTT broker (`MQTT_URL`), for what it sends to units. It never
 * blocks startup: a dispatch centre must come up and work when the broker is down. It connects
 * in the background, retries every second, says so in the log on each change and in `/readyz`.
 */
export interface MqttLink {
  readonly url: string;
  readonly client: MqttClient;
  readonly connected: boolean;
  /** Publishes and waits for the broker's acknowledgement (QoS 1); rejects when not connected or after `timeoutMs`. */
  publish(topic: string, payload: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function openMqttLink(url: string, clientId: string, log: Pick<Logger, 'info' | 'warn'>): MqttLink {
  const client = mqtt.connect(url, { clientId, clean: true, reconnectPeriod: 1000, connectTimeout: 5000 });
  let up = false;
  client.on('connect', () => {
    up = true;
    log.info({ url }, 'MQTT broker connected');
  });
  client.on('offline', () => {
    if (up) log.warn({ url }, 'MQTT broker unreachable; retrying every second');
    up = false;
  });
  client.on('close', () => {
    up = false;
  });
  let reported = false;
  client.on('error', (err) => {
    // Every failed attempt errors; say it once until the next connect.
    if (!reported) log.warn({ err, url }, 'MQTT broker unreachable; retrying every second');
    reported = true;
  });
  client.on('connect', () => {
    reported = false;
  });
  return {
    url,
    client,
    get connected() {
      return client.connected;
    },
    async publish(topic, payload, timeoutMs = 5000) {
      if (!client.connected) throw new Error('MQTT broker not connected');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`MQTT publish not acknowledged within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([client.publishAsync(topic, payload, { qos: 1 }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await client.endAsync(true);
    },
  };
}
