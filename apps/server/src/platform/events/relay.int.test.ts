import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDatabase } from '../../../test/harness.js';
import { rows, type Db } from '../db/client.js';
import type { EventBus, PublishedEvent } from './bus.js';
import { outboxRelay } from './relay.js';

const silent = pino({ level: 'silent' });

describe('the outbox relay', () => {
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

  it('gives the rows of one batch their positions in the order they were written, and publishes them so', async () => {
    // Six events written one after another, left for one pass of the relay (as under load, when
    // several commits come before it runs). The first is then rewritten (a new row version, as a
    // failed attempt's count leaves it), so that neither the table's physical order nor a hash of
    // the keys is the order of writing: positions once followed the plan's order (a reversed
    // batch, and a resuming stream client replayed the events out of order).
    const ids = Array.from({ length: 6 }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await db.execute(sql`insert into outbox (id, type, occurred_at, data) values (${id}, 'test.relay_order', now(), ${JSON.stringify({ i })}::jsonb)`);
    }
    await db.execute(sql`update outbox set attempts = attempts where id = ${ids[0]!}`);
    const published: PublishedEvent[] = [];
    const bus = { publish: async (events: PublishedEvent[]) => void published.push(...events) } as unknown as EventBus;

    expect(await outboxRelay(db, bus, silent, 60_000).drain()).toBe(ids.length);

    expect(published.map((e) => e.id)).toEqual(ids);
    const stored = await rows<{ id: string; position: string }>(db, sql`select id, position::text as position from outbox where type = 'test.relay_order' order by position`);
    expect(stored.map((r) => r.id)).toEqual(ids);
    expect(published.map((e) => e.position)).toEqual(stored.map((r) => Number(r.position)));
  });
});
