import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../test/processes.js';
import { isDatabaseUnavailable } from '../http/problem.js';
import { NoSuitableHostError, pgClient, pgPool } from './pg-hosts.js';

/**
 * Host choice against the shared server (a primary); the promotion itself is test/failover.int.test.ts.
 * vitest.config.ts runs this file in the postgres project only.
 */
describe('choosing a host from a multi-host URL', () => {
  const server = () => new URL(inject('pgServerUrl'));
  const listing = async (attrs: string): Promise<string> => {
    const s = server();
    // Nothing listens on the first host: the client must pass on to the second.
    return `postgres://${s.username}@127.0.0.1:${await freePort()},${s.host}${s.pathname}?target_session_attrs=${attrs}`;
  };

  it('skips a host that refuses and keeps the one that accepts writes', async () => {
    const pool = pgPool(await listing('read-write'), { max: 1 });
    try {
      const { rows } = await pool.query<{ ro: string; port: number }>("select current_setting('transaction_read_only') as ro, inet_server_port() as port");
      expect(rows[0]).toEqual({ ro: 'off', port: Number(server().port || 5432) });
    } finally {
      await pool.end();
    }
  });

  it('refuses when no host has the wanted attributes, naming each, and the API reads it as a lost link (503)', async () => {
    const client = pgClient(await listing('standby'));
    const err = await client.connect().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuitableHostError);
    expect((err as Error).message).toMatch(/no PostgreSQL host is standby \(127\.0\.0\.1:\d+: .+; .+: not standby\)/);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
});
