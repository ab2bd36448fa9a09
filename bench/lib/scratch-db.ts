import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throw-away database on a PostgreSQL server, created for one run and dropped after it. */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(serverUrl: string, job: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await job(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`create database ${name}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => onServer(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export async function serverVersion(serverUrl: string): Promise<string> {
  return onServer(serverUrl, async (c) => {
    const { rows } = await c.query<{ server_version: string }>('show server_version');
    const { rows: sync } = await c.query<{ synchronous_commit: string }>('show synchronous_commit');
    return `PostgreSQL ${rows[0]?.server_version ?? '?'} (synchronous_commit=${sync[0]?.synchronous_commit ?? '?'})`;
  });
}
