import type { AvlFix } from '@firebreak/contracts';
import type { CommandDeps } from '../../platform/command.js';
import { openSubscriber } from '../../platform/mqtt/subscriber.js';
import { DEFAULT_TOPIC_PREFIX, timeOfCheckedAt, unitIdOfTopic, unitPositionFilter, unitTopicHead } from './avl-payload.js';
import type { LivePositions, UnitLive } from './live-positions.js';
import { avlFixOfBytes } from './position-text.js';
import { storeFixes } from './report-positions.js';
import { UnitTopics } from './unit-topics.js';
import { findUnitRows } from './units.queries.js';

const FLUSH_MS = 200;
/**
 * ... or at this many, whichever comes first: at 100,000 fixes/s a batch is cut every 50 ms (the
 * timer bounds a trickle's wait), and each batch's own work — a transaction, its audit row, the
 * broadcast, the audit chainer's pass — is shared by 5,000 fixes rather than 2,000.
 */
const FLUSH_AT = 5000;
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
  /** `pendingUnits[i]`: the record of `pending[i]`'s unit when its topic's bytes found it (null: read from the text). */
  let pendingUnits: (UnitLive | null)[] = [];
  /** Pending fixes whose unit was read from the topic's text, not found by its bytes (a unit not known yet, or another's topic). */
  let pendingByText = 0;
  let dropped = 0;
  let flushing: Promise<number> = Promise.resolve(0);
  /** The flush waiting behind the running one: there is never more than one (see flush). */
  let queued: Promise<number> | undefined;
  /**
   * The known units (looked up once: a unit's jurisdiction never changes, and a unit with a track is
   * never deleted, migration 0049) by their topics' bytes, each yielding the unit's record in the
   * live store (`UnitLive`): its id is the unit's one string, its jurisdiction is known, and every
   * step after finds the unit's state in it with no map lookup (unit-topics.ts, live-positions.ts).
   */
  const topics = new UnitTopics<UnitLive>(prefix);
  const unknownUntil = new Map<string, number>();

  // The platform's lean subscriber (platform/mqtt/subscriber.ts): mqtt.js's per-packet objects,
  // writes and debug calls were most of the node's cost beyond our own. Never blocks startup on
  // the broker: it connects in the background and (re)subscribes on every connect.
  const subscriber = openSubscriber({ url, clientId, filters: [unitPositionFilter(prefix)], qos: 0, log, onMessageBytes(bytes, topicStart, topicEnd, payloadStart, payloadEnd) {
    // Checked by hand with the contract's rules (avl-payload.ts): zod per message cost more than the
    // rest of the handler; the form devices send is read without JSON.parse (position-text.ts). A
    // known unit's topic is matched on its bytes; any other is read as text.
    const unit = topics.find(bytes, topicStart, topicEnd) ?? null;
    const unitId = unit !== null ? unit.id : unitIdOfTopic(bytes.toString('utf8', topicStart, topicEnd), head);
    const fix = unitId === null ? null : avlFixOfBytes(unitId, bytes, payloadStart, payloadEnd);
    if (!fix) {
      dropped++;
      return;
    }
    if (unit === null) pendingByText++;
    pending.push(fix);
    pendingTimes.push(timeOfCheckedAt(fix.at));
    pendingUnits.push(unit);
    if (pending.length >= FLUSH_AT) void flush();
  } });
  await subscriber.ready;

  /** The record of a unit known by its row (its jurisdiction read), or undefined. */
  const knownUnit = (unitId: string): UnitLive | undefined => {
    const u = live.peek(unitId);
    return u?.path !== undefined ? u : undefined;
  };

  /** Looks up the units of `batch` not known yet (nor recently found unknown). */
  async function lookUp(batch: readonly AvlFix[], now: number): Promise<void> {
    const missing = new Set<string>();
    for (const f of batch) if (!knownUnit(f.unitId) && !((unknownUntil.get(f.unitId) ?? 0) > now)) missing.add(f.unitId);
    if (missing.size === 0) return;
    for (const row of await findUnitRows(deps.db, [...missing])) {
      const u = live.unit(row.id);
      u.path ??= row.jurisdictionPath;
      topics.add(u.id, u);
    }
    for (const id of missing) if (!knownUnit(id)) unknownUntil.set(id, now + UNKNOWN_FOR_MS);
  }

  /** `byText`: how many of the batch's units were read from their topic's text (none: every one is known, its id the one string). */
  async function store(batch: AvlFix[], times: number[], units: (UnitLive | null)[], byText: number): Promise<number> {
    if (batch.length === 0) return 0;
    const now = deps.clock().getTime();
    if (byText === 0 && everyTimeFits(times, now)) return storeKnown(batch, times, units as UnitLive[]);
    let known: AvlFix[] = [];
    let knownTimes: number[] = [];
    let knownUnits: UnitLive[] = [];
    // Every unit known is the usual case: one pass over the batch, one map lookup per fix; the
    // first unknown unit looks up all of the batch's and starts the pass again.
    let lookedUp = false;
    for (let i = 0; i < batch.length; i++) {
      const u = units[i] ?? knownUnit(batch[i]!.unitId);
      if (u === undefined) {
        if (!lookedUp) {
          lookedUp = true;
          await lookUp(batch, now);
          known = [];
          knownTimes = [];
          knownUnits = [];
          i = -1;
        }
        continue;
      }
      // Written so that a time Date.parse could not read (NaN) is dropped too.
      if (!(times[i]! <= now + MAX_FUTURE_MS)) continue;
      // Known by its row but its topic read as text (known first by another path): its bytes find it from now on.
      if (units[i] === null) topics.add(u.id, u);
      batch[i]!.unitId = u.id;
      known.push(batch[i]!);
      knownTimes.push(times[i]!);
      knownUnits.push(u);
    }
    dropped += batch.length - known.length;
    return storeKnown(known, knownTimes, knownUnits);
  }

  /** True when no time lies too far ahead (nor is NaN: written so that NaN fails). */
  function everyTimeFits(times: readonly number[], now: number): boolean {
    for (let i = 0; i < times.length; i++) if (!(times[i]! <= now + MAX_FUTURE_MS)) return false;
    return true;
  }

  /** Stores fixes of known units only, each with its unit's one id string (in transactions of at most `MAX_BATCH`). */
  async function storeKnown(known: AvlFix[], knownTimes: number[], knownUnits: UnitLive[]): Promise<number> {
    for (let i = 0; i < known.length; i += MAX_BATCH) {
      const end = Math.min(i + MAX_BATCH, known.length);
      const whole = i === 0 && end === known.length;
      await storeFixes(deps, { actor: null, actorName: 'mqtt-ingest', requestId: null }, whole ? known : known.slice(i, end), whole ? knownUnits : knownUnits.slice(i, end), live,
        whole ? knownTimes : knownTimes.slice(i, end));
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
      const units = pendingUnits;
      const byText = pendingByText;
      pending = [];
      pendingTimes = [];
      pendingUnits = [];
      pendingByText = 0;
      return store(batch, times, units, byText).catch((err: unknown) => {
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
