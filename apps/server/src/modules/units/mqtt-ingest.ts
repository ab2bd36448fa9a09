import { AvlFix } from '@firebreak/contracts';
import mqtt from 'mqtt';
import type { CommandDeps } from '../../platform/command.js';
import type { LivePositions } from './live-positions.js';
import { storeFixes } from './report-positions.js';
import { findUnitRows } from './units.queries.js';

/** One topic per unit; the broker's ACL lets each device publish only to its own. */
export const POSITION_TOPIC = 'firebreak/units/+/position';
const TOPIC = /^firebreak\/units\/([0-9a-f-]{36})\/position$/;
const FLUSH_MS = 200;
const FLUSH_AT = 2000;
const MAX_FUTURE_MS = 60_000;

const Payload = AvlFix.omit({ unitId: true });

export interface MqttIngest {
  /** Stores what has arrived so far; returns how many fixes were stored. */
  flush(): Promise<number>;
  close(): Promise<void>;
}

interface Log {
  warn: (o: object, msg: string) => void;
  info: (o: object, msg: string) => void;
}

/**
 * AVL over MQTT: fixes published to `firebreak/units/<unitId>/position` are gathered for
 * `FLUSH_MS` and stored as one batch, like an HTTP batch but without an actor (the broker
 * authenticated the device). Fixes of unknown units, unreadable payloads and clocks far ahead are
 * dropped and counted. Resolves once subscribed; rejects if the broker cannot be reached.
 */
export async function startMqttIngest(url: string, deps: CommandDeps, live: LivePositions, log: Log, clientId: string): Promise<MqttIngest> {
  const client = await mqtt.connectAsync(url, { clientId, clean: true, reconnectPeriod: 1000, connectTimeout: 5000 });
  await client.subscribeAsync(POSITION_TOPIC, { qos: 0 });
  let pending: AvlFix[] = [];
  let dropped = 0;
  let flushing: Promise<number> = Promise.resolve(0);

  client.on('message', (topic, payload) => {
    const unitId = TOPIC.exec(topic)?.[1];
    let fix: AvlFix | undefined;
    try {
      const parsed = Payload.safeParse(JSON.parse(payload.toString('utf8')));
      if (unitId && parsed.success) fix = { ...parsed.data, unitId };
    } catch {
      // unreadable JSON: dropped below
    }
    if (!fix) {
      dropped++;
      return;
    }
    pending.push(fix);
    if (pending.length >= FLUSH_AT) void flush();
  });
  client.on('error', (err) => log.warn({ err }, 'MQTT ingest: broker error'));

  async function store(batch: AvlFix[]): Promise<number> {
    if (batch.length === 0) return 0;
    const now = deps.clock().getTime();
    const pathOf = new Map((await findUnitRows(deps.db, [...new Set(batch.map((f) => f.unitId))])).map((u) => [u.id, u.jurisdictionPath]));
    const known = batch.filter((f) => pathOf.has(f.unitId) && Date.parse(f.at) <= now + MAX_FUTURE_MS);
    dropped += batch.length - known.length;
    if (known.length === 0) return 0;
    await storeFixes(deps, { actor: null, actorName: 'mqtt-ingest', requestId: null }, known, pathOf, live);
    return known.length;
  }

  function flush(): Promise<number> {
    flushing = flushing.then(() => {
      const batch = pending;
      pending = [];
      return store(batch).catch((err: unknown) => {
        log.warn({ err, fixes: batch.length }, 'MQTT ingest: storing a batch failed');
        return 0;
      });
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  log.info({ url, topic: POSITION_TOPIC }, 'MQTT AVL ingest subscribed');
  return {
    flush,
    async close() {
      clearInterval(timer);
      await client.endAsync();
      await flush();
      if (dropped) log.info({ dropped }, 'MQTT ingest: fixes dropped');
    },
  };
}
