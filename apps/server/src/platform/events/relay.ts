import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { hotRows, hotStatement, rows, transaction, type Db } from '../db/client.js';
import { RepeatingPass } from '../jobs/repeating-pass.js';
import type { EventBus, PublishedEvent } from './bus.js';

/** Arbitrary constant: only one relay (on any node) publishes at a time, so positions follow publish order. */
const RELAY_LOCK = 7_470_003;
const BATCH = 500;
/** Tried by every pass on every node, woken by every commit: a named statement (db/client.ts HotStatement). */
const TRY_LOCK = hotStatement('firebreak_relay_try_lock', `select pg_try_advisory_xact_lock(${RELAY_LOCK}) as locked`);

interface OutboxRow {
  id: string;
  type: string;
  occurred_at: Date | string;
  jurisdiction_path: string | null;
  data: unknown;
}

/**
 * Publishes committed outbox rows to the bus, at least once. Within one transaction it takes
 * the relay lock, gives each pending row the next delivery position, publishes, and only then
 * commits: a crash before commit re-publishes the rows later (consumers drop duplicates by id).
 */
export function outboxRelay(db: Db, bus: EventBus, log: Logger, pollMs: number): RepeatingPass {
  return new RepeatingPass('outbox-relay', () => publishBatch(db, bus), BATCH, pollMs, log);
}

async function publishBatch(db: Db, bus: EventBus): Promise<number> {
  return transaction(db, async (tx) => {
    const [lock] = await hotRows<{ locked: boolean }>(tx, TRY_LOCK, []);
    if (!lock?.locked) return 0;
    // Positions drawn in the order the rows were written (seq): an UPDATE … WHERE seq IN (…) drew
    // them in its plan's order (a hash of the keys: a batch came out reversed or shuffled).
    const pending = await rows<OutboxRow & { position: string | number }>(
      tx,
      sql`update outbox o set position = n.position, published_at = now(), attempts = o.attempts + 1
          from (select seq, nextval('outbox_position_seq') as position
                from (select seq from outbox where position is null order by seq limit ${BATCH}) pending order by seq) n
          where o.seq = n.seq
          returning o.id, o.type, o.occurred_at, o.jurisdiction_path, o.data, o.position`,
    );
    if (pending.length === 0) return 0;
    const events = pending.map(toPublished).sort((a, b) => a.position - b.position);
    await bus.publish(events);
    return events.length;
  });
}

/**
 * Returns once no relay transaction is in flight on any node. A relay publishes before it commits,
 * so an event can reach the bus before its position is visible: a stream that subscribes, passes
 * this barrier, then replays from the outbox gets each such event live or in the replay.
 */
export async function relayBarrier(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${RELAY_LOCK})`);
  });
}

export function toPublished(r: OutboxRow & { position: string | number }): PublishedEvent {
  return {
    id: r.id,
    position: Number(r.position),
    type: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    jurisdictionPath: r.jurisdiction_path,
    data: r.data,
  };
}
