import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Db } from '../db/client.js';
import { RepeatingPass } from '../jobs/repeating-pass.js';
import type { PublishedEvent } from './bus.js';
import { toPublished } from './relay.js';

const BATCH = 200;
/** How long a node may hold a consumer before another takes over (a crashed node's lease runs out). */
const LEASE_SECONDS = 30;

export interface OutboxConsumerOptions {
  /** Names the cursor in `outbox_cursors`: one per consumer, shared by every node. */
  name: string;
  /** Only these event types are handed over (the cursor passes the others by). */
  types: readonly string[];
  /** Handles a batch; the cursor moves past it only when this resolves (at least once). */
  handle: (events: PublishedEvent[]) => Promise<void>;
  /** False: skip this pass without moving (e.g. the broker is down); the next poll tries again. */
  ready?: () => boolean;
  db: Db;
  node: string;
  pollMs: number;
  log: Logger;
}

/**
 * Reads published events after its cursor, in delivery order, hands them to `handle` and moves
 * the cursor: events after commit, at least once, independent of the relay (a slow or absent
 * consumer never holds up the stream). One node at a time holds the consumer by a lease in its
 * cursor row, taken (and renewed) only by a poll that finds events past the cursor: an idle poll
 * is one read and writes nothing. No transaction stays open while `handle` works (on PGlite it
 * would stall every command). A first start begins at the newest event, not at the beginning of history.
 */
export function outboxConsumer(o: OutboxConsumerOptions): RepeatingPass {
  return new RepeatingPass(`outbox-consumer:${o.name}`, () => consumeBatch(o), BATCH, o.pollMs, o.log);
}

async function consumeBatch(o: OutboxConsumerOptions): Promise<number> {
  if (o.ready && !o.ready()) return 0;
  const { db, name, node } = o;
  // Read first: an idle poll (nothing published past the cursor) writes nothing. Every consumer
  // polls on every node, and a lease renewed per poll was a row version, its WAL and vacuum's work
  // a few times a second per consumer and node for nothing. The lease is taken when there is work.
  const [cursor] = await rows<{ behind: boolean }>(db, sql`
    select exists (select 1 from outbox where position > c.position) as behind from outbox_cursors c where name = ${name}`);
  if (cursor && !cursor.behind) return 0;
  if (!cursor) {
    await db.execute(sql`insert into outbox_cursors (name, position, updated_at)
      select ${name}, coalesce(max(position), 0), now() from outbox on conflict (name) do nothing`);
  }
  const [lease] = await rows<{ position: string | number }>(db, sql`update outbox_cursors
    set leased_by = ${node}, leased_until = now() + ${`${LEASE_SECONDS} seconds`}::interval
    where name = ${name} and (leased_by is null or leased_by = ${node} or leased_until < now())
    returning position`);
  if (!lease) return 0;
  const from = Number(lease.position);
  // The relay gives positions in commit order (one relay at a time), so nothing lands behind the cursor later.
  const batch = await rows<{ id: string; type: string; occurred_at: Date | string; jurisdiction_path: string | null; data: unknown; position: string | number }>(db, sql`
    select id, type, occurred_at, jurisdiction_path::text as jurisdiction_path, data, position from outbox
    where position > ${from} order by position limit ${BATCH}`);
  if (batch.length === 0) return 0;
  const wanted = batch.filter((r) => o.types.includes(r.type)).map(toPublished);
  if (wanted.length > 0) await o.handle(wanted);
  const to = Math.max(...batch.map((r) => Number(r.position)));
  await db.execute(sql`update outbox_cursors set position = ${to}, updated_at = now() where name = ${name} and leased_by = ${node}`);
  return batch.length;
}
