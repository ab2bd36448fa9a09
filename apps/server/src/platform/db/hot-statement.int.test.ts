import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate, type TestDatabase } from '../../../test/harness.js';
import { hotRows, hotStatement, rows } from './client.js';

/**
 * Hot statements (client.ts) answer as drizzle's raw `execute` does on the same driver — same rows,
 * same parsing of dates and numbers — on the pool and inside a transaction (on its connection),
 * again and again (on node-postgres the later calls reuse the statement prepared on the connection).
 */
describe(`hot statements (${backend})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await cloneTemplate();
  }, 60_000);
  afterAll(async () => {
    await t?.database.close();
    await t?.drop();
  });

  const SAMPLE = hotStatement('firebreak_test_sample', `select $1::int + $2::int as sum, $1::int as again, $3::text as third,
    '2026-12-07T02:00:00Z'::timestamptz as at, 9007199254740993::bigint as big, '{"a":[1]}'::jsonb as doc`);
  const params = [2, 3, 'three'];

  it('answers as drizzle does, on the pool and in a transaction, time after time', async () => {
    const [viaDrizzle] = await rows(t.database.db, sql`select ${2}::int + ${3}::int as sum, ${2}::int as again, ${'three'}::text as third,
      '2026-12-07T02:00:00Z'::timestamptz as at, 9007199254740993::bigint as big, '{"a":[1]}'::jsonb as doc`);
    for (let i = 0; i < 3; i++) {
      expect((await hotRows(t.database.db, SAMPLE, params))[0]).toEqual(viaDrizzle);
      const inTx = await t.database.db.transaction(async (tx) => hotRows(tx, SAMPLE, params));
      expect(inTx[0]).toEqual(viaDrizzle);
    }
    expect(viaDrizzle).toMatchObject({ sum: 5, again: 2, third: 'three', doc: { a: [1] } });
  });

  it('runs on the connection of the transaction it is given', async () => {
    const write = hotStatement('firebreak_test_write', 'insert into hot_probe (n) values ($1) returning n');
    await expect(t.database.db.transaction(async (tx) => {
      // A temporary table exists only on this transaction's connection: another would not find it.
      await rows(tx, sql`create temporary table hot_probe (n int) on commit drop`);
      expect(await hotRows(tx, write, [5])).toEqual([{ n: 5 }]);
      expect(await rows(tx, sql`select sum(n)::int as total from hot_probe`)).toEqual([{ total: 5 }]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
  });
});
