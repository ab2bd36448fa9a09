import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate, openAsOwner, type TestDatabase } from '../../../test/harness.js';
import { independentReads, rows, transaction } from './client.js';

/**
 * `transaction` (client.ts): the command path's transaction, begin and commit sent straight to the
 * pooled client on node-postgres, drizzle's own on PGlite. It must behave as `db.transaction` does.
 */
describe(`transaction and independent reads (${backend})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await cloneTemplate();
    // The application's role may not create tables on PostgreSQL: the owner does, and grants it.
    const owner = await openAsOwner(t);
    try {
      await rows(owner.db, sql`create table tx_probe (n int primary key)`);
      if (backend === 'postgres') await rows(owner.db, sql`grant select, insert on tx_probe to firebreak_app`);
    } finally {
      await owner.close();
    }
  }, 60_000);
  afterAll(async () => {
    await t?.database.close();
    await t?.drop();
  });

  const count = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from tx_probe`))[0]!.n;

  it('commits what the body wrote and answers its result', async () => {
    const before = await count();
    const result = await transaction(t.database.db, async (tx) => {
      await tx.execute(sql`insert into tx_probe (n) values (1)`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count()).toBe(before + 1);
  });

  it('rolls back on the body\'s error and throws that error, again and again (the connection goes back to the pool)', async () => {
    const before = await count();
    // More times than the pool has connections: a client kept out of the pool would make this hang.
    for (let i = 0; i < 25; i++) {
      await expect(transaction(t.database.db, async (tx) => {
        await tx.execute(sql`insert into tx_probe (n) values (${1000 + i})`);
        throw new Error(`refused ${i}`);
      })).rejects.toThrow(`refused ${i}`);
    }
    // A statement error (here a duplicate key) rolls back too.
    await expect(transaction(t.database.db, async (tx) => {
      await tx.execute(sql`insert into tx_probe (n) values (2000)`);
      await tx.execute(sql`insert into tx_probe (n) values (2000)`);
    })).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it('keeps drizzle\'s rollback and savepoints', async () => {
    const before = await count();
    await expect(transaction(t.database.db, async (tx) => {
      await tx.execute(sql`insert into tx_probe (n) values (3000)`);
      tx.rollback();
    })).rejects.toThrow();
    await transaction(t.database.db, async (tx) => {
      await tx.execute(sql`insert into tx_probe (n) values (3001)`);
      await expect(tx.transaction(async (inner) => {
        await inner.execute(sql`insert into tx_probe (n) values (3002)`);
        throw new Error('inner');
      })).rejects.toThrow('inner');
    });
    expect(await count()).toBe(before + 1);
    expect(await rows(t.database.db, sql`select n from tx_probe where n >= 3000 order by n`)).toEqual([{ n: 3001 }]);
  });

  it.skipIf(backend !== 'postgres')('does not give a dead connection back to the pool', async () => {
    await expect(transaction(t.database.db, async (tx) => {
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
    })).rejects.toThrow();
    // Every later transaction gets a live connection.
    for (let i = 0; i < 12; i++) expect(await transaction(t.database.db, async (tx) => rows(tx, sql`select 1 as one`))).toEqual([{ one: 1 }]);
  });

  it('runs independent reads at once on the database and one after another in a transaction', async () => {
    const seen: string[] = [];
    const read = (q: Parameters<typeof rows>[0], name: string) => async () => {
      seen.push(`start ${name}`);
      const [row] = await rows<{ name: string }>(q, sql`select ${name}::text as name, pg_sleep(0.01)::text as slept`);
      seen.push(`end ${name}`);
      return row!.name;
    };
    expect(await independentReads(t.database.db, [read(t.database.db, 'a'), read(t.database.db, 'b')])).toEqual(['a', 'b']);
    // Both started before either answered (the order of the answers is the server's).
    expect(seen.slice(0, 2)).toEqual(['start a', 'start b']);
    seen.length = 0;
    const inTx = await transaction(t.database.db, (tx) => independentReads(tx, [read(tx, 'a'), read(tx, 'b'), read(tx, 'c')]));
    expect(inTx).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
