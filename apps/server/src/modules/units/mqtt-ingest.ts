import type { AvlFix } from '@firebreak/contracts';
import type { CommandDeps } from '../../platform/command.js';
import { openSubscriber } from '../../platform/mqtt/subscriber.js';
import { DEFAULT_TOPIC_PREFIX, parseAvlText, timeOfCheckedAt, unitIdOfTopic, unitPositionFilter, unitTopicHead } from './avl-payload.js';
import type { LivePositions } from './live-positions.js';
import { storeFixes } from './report-positions.js';
import { UnitTopics } from './unit-topics.js';
import { findUnitRows } from './units.queries.js';

const FLUSH_MS = 200;
const FLUSH_AT = 2000;
/** A backlog is stored in transactions of at most this many fixes (as an HTTP batch at most). */
const MAX_BATCH = 5000;
const MAX_FUTURE_MS = 60_000;
/** A unit id found in no row is not looked up again for this long (a misconfigured device must not cost a query per batch). */
const UNKNOWN_FOR_MS = 5000;

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
 * AVL over MQTT: fixes published to `<prefix>/units/<unitId>/position` (one topic per unit, the
 * broker's ACL lets each device publish only to its own; `prefix` is `MQTT_TOPIC_PREFIX`) are gathered for
 * `FLUSH_MS` and stored as one batch, like an HTTP batch but without an actor (the broker
 * authenticated the device). Fixes of unknown units, unreadable payloads and clocks far ahead are
 * dropped and counted. Resolves once subscribed, or at once when the broker cannot be reached:
 * it keeps retrying in the background and subscribes when the broker comes back.
 */
export async function startMqttIngest(url: string, deps: CommandDeps, live: LivePositions, log: Log, clientId: string, prefix = DEFAULT_TOPIC_PREFIX): Promise<MqttIngest> {
  const head = unitTopicHead(prefix);
  let pending: AvlFix[] = [];
  /** `pendingTimes[i]`: the time of `pending[i]` (ms), parsed once as it arrives. */
  let pendingTimes: number[] = [];
  let dropped = 0;
  let flushing: Promise<number> = Promise.resolve(0);
  /** The flush waiting behind the running one: there is never more than one (see flush). */
  let queued: Promise<number> | undefined;
  // A unit's jurisdiction never changes, and a unit with a track is never deleted (migration 0049): looked up once per unit.
  const pathOf = new Map<string, string>();
  /**
   * Each known unit's id, one string per unit: fixes take it in place of the id sliced from their
   * topic, so the half dozen maps a fix passes through after (newest per unit, track downsampling,
   * live store, fleet, arrival detectors) find their key by identity instead of comparing 36
   * characters (half the cost of those lookups, measured).
   */
  const idOf = new Map<string, string>();
  /** The same known units by their topics' bytes: their messages need no topic string (unit-topics.ts). */
  const topics = new UnitTopics(prefix);
  const unknownUntil = new Map<string, number>();

  // The platform's lean subscriber (platform/mqtt/subscriber.ts): mqtt.js's per-packet objects,
  // writes and debug calls were most of the node's cost beyond our own. Never blocks startup on
  // the broker: it connects in the background and (re)subscribes on every connect.
  const subscriber = openSubscriber({ url, clientId, filters: [unitPositionFilter(prefix)], qos: 0, log, onMessageBytes(bytes, topicStart, topicEnd, payloadStart, payloadEnd) {
    // Checked by hand with the contract's rules (avl-payload.ts): zod per message cost more than the
    // rest of the handler. A known unit's topic is matched on its bytes; any other is read as text.
    const unitId = topics.find(bytes, topicStart, topicEnd) ?? unitIdOfTopic(bytes.toString('utf8', topicStart, topicEnd), head);
    const fix = unitId === null ? null : parseAvlText(unitId, bytes.toString('utf8', payloadStart, payloadEnd));
    if (!fix) {
      dropped++;
      return;
    }
    pending.push(fix);
    pendingTimes.push(timeOfCheckedAt(fix.at));
    if (pending.length >= FLUSH_AT) void flush();
  } });
  await subscriber.ready;

  /** Looks up the units of `batch` not known yet (nor recently found unknown). */
  async function lookUp(batch: readonly AvlFix[], now: number): Promise<void> {
    const missing = new Set<string>();
    for (const f of batch) if (!pathOf.has(f.unitId) && !((unknownUntil.get(f.unitId) ?? 0) > now)) missing.add(f.unitId);
    if (missing.size === 0) return;
    for (const u of await findUnitRows(deps.db, [...missing])) {
      pathOf.set(u.id, u.jurisdictionPath);
      idOf.set(u.id, u.id);
      topics.add(u.id);
    }
    for (const id of missing) if (!pathOf.has(id)) unknownUntil.set(id, now + UNKNOWN_FOR_MS);
  }

  async function store(batch: AvlFix[], times: number[]): Promise<number> {
    if (batch.length === 0) return 0;
    const now = deps.clock().getTime();
    let known: AvlFix[] = [];
    let knownTimes: number[] = [];
    // Every unit known is the usual case: one pass over the batch, one map lookup per fix; the
    // first unknown unit looks up all of the batch's and starts the pass again.
    let lookedUp = false;
    for (let i = 0; i < batch.length; i++) {
      const id = idOf.get(batch[i]!.unitId);
      if (id === undefined) {
        if (!lookedUp) {
          lookedUp = true;
          await lookUp(batch, now);
          known = [];
          knownTimes = [];
          i = -1;
        }
        continue;
      }
      // Written so that a time Date.parse could not read (NaN) is dropped too.
      if (!(times[i]! <= now + MAX_FUTURE_MS)) continue;
      batch[i]!.unitId = id;
      known.push(batch[i]!);
      knownTimes.push(times[i]!);
    }
    dropped += batch.length - known.length;
    for (let i = 0; i < known.length; i += MAX_BATCH) {
      await storeFixes(deps, { actor: null, actorName: 'mqtt-ingest', requestId: null }, known.slice(i, i + MAX_BATCH), pathOf, live, knownTimes.slice(i, i + MAX_BATCH));
    }
    return known.length;
  }

  /**
   * Stores what is pending after the running store. Calls while one is already waiting join it:
   * under load the batches grow instead of a queue of small transactions piling up.
   */
  function flush(): Promise<number> {
    if (queued) return queued;
    const next = flushing.then(() => {
      queued = undefined;
      const batch = pending;
      const times = pendingTimes;
      pending = [];
      pendingTimes = [];
      return store(batch, times).catch((err: unknown) => {
        log.warn({ err, fixes: batch.length }, 'MQTT ingest: storing a batch failed');
        return 0;
      });
    });
    queued = next;
    flushing = next;
    return next;
  }

  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  log.info({ url, topic: unitPositionFilter(prefix), connected: subscriber.connected }, 'MQTT AVL ingest started');
  return {
    flush,
    async close() {
      clearInterval(timer);
      await subscriber.close();
      await flush();
      if (dropped) log.info({ dropped }, 'MQTT ingest: fixes dropped');
    },
  };
}
