import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { isDatabaseUnavailable } from '../http/problem.js';
import { parsePostgresUrl, pgConfig } from './pg-hosts.js';

describe('multi-host PostgreSQL URLs', () => {
  it('reads libpq\'s host list, ports and target_session_attrs', () => {
    const p = parsePostgresUrl('postgres://app:s%40cret@db1:5433,db2,[::1]:6000/fire%20break?target_session_attrs=read-write&sslmode=require');
    expect(p.hosts).toEqual([{ host: 'db1', port: 5433 }, { host: 'db2', port: 5432 }, { host: '::1', port: 6000 }]);
    expect(p).toMatchObject({ targetSessionAttrs: 'read-write', user: 'app', database: 'fire break' });
    expect(p.singleHostUrl).toBe('postgres://app:s%40cret@db1:5433/fire%20break?sslmode=require');
  });

  it('leaves a one-host URL to node-postgres unchanged', () => {
    const url = 'postgresql://u@127.0.0.1:5432/fb';
    expect(pgConfig(url)).toEqual({ connectionString: url });
    expect(pgConfig('postgres://u@a,b/fb').multiHost).toEqual({ hosts: [{ host: 'a', port: 5432 }, { host: 'b', port: 5432 }], target: 'any' });
  });

  it('refuses what it cannot read, naming the problem', () => {
    expect(() => parsePostgresUrl('mysql://x')).toThrow(/postgres:\/\//);
    expect(() => parsePostgresUrl('postgres://a:99999/db')).toThrow(/out of range/);
    expect(() => parsePostgresUrl('postgres://a,b/db?target_session_attrs=prefer-primary')).toThrow(/target_session_attrs must be one of/);
  });

  it('is accepted as DATABASE_URL by the configuration, and a bad list is reported for the variable', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db1:5432,db2:5432/fb?target_session_attrs=read-write' }).databaseUrl).toContain('db1:5432,db2');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@db1,db2:x/fb' })).toThrow(/DATABASE_URL/);
  });
});

describe('a lost database link', () => {
  it('is told apart from a bug: socket errors, shutdown SQLSTATEs, a read-only former primary', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: insert …', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
