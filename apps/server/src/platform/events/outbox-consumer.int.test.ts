import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDatabase } from '../../../test/harness.js';
import { rows, type Db } from '../db/client.js';
import type { PublishedEvent } from './bus.js';
import { outboxConsumer } from './outbox-consumer.js';

const silent = pino({ level: 'silent' });
const TYPE = 'test.consumer_probe';

/** An event as the relay leaves it: published, with the next delivery position. */
async function publish(db: Db, type = TYPE): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`insert into outbox (id, type, occurred_at, data, position, published_at)
    values (${id}, ${type}, now(), ${JSON.stringify({ id })}::jsonb, nextval('outbox_position_seq'), now())`);
  return id;
}

/**
 * The cursor row as stored: `xmin` is the transaction that wrote this row version, so it moves
 * with every UPDATE, even one that sets the same values (a lease renewed to the same node).
 */
async function cursorRow(db: Db, name: string) {
  const [row] = await rows<{ version: string; position: string; leased_by: string | null; leased_until: Date | string | null }>(db, sql`
    select xmin::text as version, position::text as position, leased_by, leased_until from outbox_cursors where name = ${name}`);
  return row;
}

describe('an outbox consumer', () => {
  let test: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    test = await cloneTemplate();
    db = test.database.db;
  }, 60_000);
  afterAll(async () => {
    await test?.database.close();
    await test?.drop();
  });

  const consumer = (name: string, node: string, seen: PublishedEvent[]) =>
    outboxConsumer({ name, node, types: [TYPE], db, pollMs: 60_000, log: silent, handle: async (events) => void seen.push(...events) });

  it('writes nothing on a poll that finds nothing new, and moves the cursor when it handles events', async () => {
    const name = `probe-${randomUUID()}`;
    const seen: PublishedEvent[] = [];
    const a = consumer(name, 'node-a', seen);
    const before = await publish(db);
    // A first start begins at the newest event: what was published before it is not handed over.
    expect(await a.drain()).toBe(0);
    const started = await cursorRow(db, name);
    expect(started).toBeDefined();
    for (let i = 0; i < 5; i++) await a.drain();
    expect(await cursorRow(db, name)).toEqual(started);

    const ids = [await publish(db), await publish(db, 'test.other_type'), await publish(db)];
    expect(await a.drain()).toBe(3);
    expect(seen.map((e) => e.id)).toEqual([ids[0], ids[2]]);
    expect(seen.map((e) => e.id)).not.toContain(before);
    const moved = (await cursorRow(db, name))!;
    expect(moved.version).not.toBe(started!.version);
    // Past the last event read, the one of another type included (the newest of the three).
    expect(Number(moved.position)).toBe(seen[1]!.position);
    expect(moved.leased_by).toBe('node-a');

    // Idle again: read-only, the lease is left as it was (it runs out; work takes it again).
    for (let i = 0; i < 5; i++) await a.drain();
    expect(await cursorRow(db, name)).toEqual(moved);
    expect(seen).toHaveLength(2);
  });

  it('hands each event to one node: another waits while the lease holds, and takes over once it has run out', async () => {
    const name = `probe-${randomUUID()}`;
    const seenA: PublishedEvent[] = [];
    const seenB: PublishedEvent[] = [];
    const a = consumer(name, 'node-a', seenA);
    const b = consumer(name, 'node-b', seenB);
    await a.drain();
    const first = await publish(db);
    expect(await a.drain()).toBe(1);
    const second = await publish(db);
    // A's lease from the first batch still holds: B reads that there is work but may not take it.
    expect(await b.drain()).toBe(0);
    expect(seenB).toEqual([]);
    // A's lease has run out (A stopped, or was idle past it): B takes the consumer from the cursor A left.
    await db.execute(sql`update outbox_cursors set leased_until = now() - interval '1 second' where name = ${name}`);
    expect(await b.drain()).toBe(1);
    expect(seenA.map((e) => e.id)).toEqual([first]);
    expect(seenB.map((e) => e.id)).toEqual([second]);
    expect((await cursorRow(db, name))!.leased_by).toBe('node-b');
    expect(await a.drain()).toBe(0);
  });
});
