import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { toPublished } from '../../platform/events/relay.js';

/** Delivery position of a published event, or undefined if unknown or not yet published. */
export async function positionOf(q: Queryable, eventId: string): Promise<number | undefined> {
  const [row] = await rows<{ position: string | number | null }>(q, sql`select position from outbox where id = ${eventId}`);
  return row?.position === null || row?.position === undefined ? undefined : Number(row.position);
}

/** Published events after a position, in delivery order, one page at a time. */
export async function publishedAfter(q: Queryable, position: number, limit: number): Promise<PublishedEvent[]> {
  const list = await rows<Parameters<typeof toPublished>[0]>(
    q,
    sql`select id, type, occurred_at, jurisdiction_path::text as jurisdiction_path, data, position
        from outbox where position > ${position} order by position limit ${limit}`,
  );
  return list.map(toPublished);
}
