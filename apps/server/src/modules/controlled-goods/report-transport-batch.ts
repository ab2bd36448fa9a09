import type { TransportFix } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { isFinished, lockPermits, positionEvents, storeHeld, watchFixes, type Held, type Repeats } from './hold-fixes.js';
import { MAX_FUTURE_MS } from './watch-transport.js';

export interface TransportBatchResult { stored: number; dropped: number; permits: number; alerts: number }

/**
 * A batch of fixes of many permits (the MQTT ingest's 200 ms), without an actor (the broker
 * authenticated the devices), in one transaction: the permits locked in id order, each permit's
 * fixes held against its watch in memory, every fix taken stored, the watch states updated
 * set-wise, the alerts each raised with their audit rows and events, and one audit row for the
 * batch (as units' AVL); after the commit each moved permit's newest position is `share`d (broadcast
 * on the bus, not an outbox event). Fixes of unknown or finished permits, and fixes stamped in the future,
 * are dropped and counted; a fix not newer than its permit's last is ignored (not stored).
 */
export async function reportTransportBatch(deps: CommandDeps, batch: ReadonlyMap<string, readonly TransportFix[]>, share: (events: PublishedEvent[]) => void = () => undefined,
  /** Each permit's fixes' times (ms), in the order of `batch`'s, when parsed already (the MQTT ingest parses each as it arrives). */
  timesOf?: ReadonlyMap<string, readonly number[]>,
  /** A fix stored already (`storeHeld`): the MQTT ingest refuses first and retries ignoring. */
  repeats: Repeats = 'ignore'): Promise<TransportBatchResult> {
  const latest = deps.clock().getTime() + MAX_FUTURE_MS;
  let positions: PublishedEvent[] = [];
  const { result } = await runCommand(deps, { actor: null, actorName: 'mqtt-ingest', requestId: null }, async (tx, record) => {
    const locked = await lockPermits(tx, [...batch.keys()]);
    let dropped = 0;
    let fixes = 0;
    const held: Held[] = [];
    for (const permit of locked.values()) {
      const all = batch.get(permit.id)!;
      if (isFinished(permit.permit.state)) {
        dropped += all.length;
        continue;
      }
      const times = timesOf?.get(permit.id) ?? all.map((f) => Date.parse(f.at));
      const timely: TransportFix[] = [];
      const timelyTimes: number[] = [];
      for (let i = 0; i < all.length; i++) {
        // Written so that a time Date.parse could not read (NaN) is dropped too, as before.
        if (!(times[i]! <= latest)) continue;
        timely.push(all[i]!);
        timelyTimes.push(times[i]!);
      }
      dropped += all.length - timely.length;
      fixes += timely.length;
      if (timely.length) held.push(watchFixes(permit, timely, timelyTimes));
    }
    for (const [id, all] of batch) if (!locked.has(id)) dropped += all.length;
    const alerts = [...(await storeHeld(tx, record, held, repeats)).values()].reduce((n, a) => n + a.length, 0);
    const stored = held.reduce((n, h) => n + h.taken.length, 0);
    positions = positionEvents(held, deps.clock());
    record.audit({ action: 'goods.transport_fixes', entityType: 'goods_transport_batch', entityId: uuidv7(), jurisdictionPath: null,
      after: { fixes, accepted: stored, ignored: fixes - stored, dropped, permits: held.length, alerts } });
    return { stored, dropped, permits: held.length, alerts };
  });
  // After the commit: a rolled-back batch moved nobody.
  if (positions.length) share(positions);
  return result;
}
