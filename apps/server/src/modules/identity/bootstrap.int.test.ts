import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../../test/harness.js';
import { bootstrapAccounts } from './bootstrap.js';

describe('first-start accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Start from the state of a first start: a jurisdiction tree and no accounts yet.
    for (const table of ['sessions', 'api_tokens', 'grants', 'idempotency_keys', 'users']) {
      await t.app.platform.db.execute(sql.raw(`delete from ${table}`));
    }
  });
  afterAll(async () => t?.close());

  it('creates admin with national scope and demo staff per region and municipality, each with a random password that works once printed', async () => {
    const accounts = await bootstrapAccounts(t.app.platform.command, { adminPassword: undefined, demoStaff: true });
    const byName = new Map(accounts.map((a) => [a.username, a]));
    expect(byName.get('admin')).toMatchObject({ role: 'administrator', jurisdictionPath: 'li', generated: true });
    expect(byName.get('duty.oberland')).toMatchObject({ role: 'duty_officer', jurisdictionPath: 'li.oberland' });
    expect(byName.get('dispatch.vaduz')).toMatchObject({ role: 'dispatcher', jurisdictionPath: 'li.oberland.vaduz' });
    expect(byName.get('inspect.eschen')).toMatchObject({ role: 'inspector', jurisdictionPath: 'li.unterland.eschen' });
    expect(accounts).toHaveLength(2 + 1 + 2 + 2 * 11);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    for (const a of accounts) expect(a.password.length).toBeGreaterThanOrEqual(20);

    const cookie = await login(t.app, 'dispatch.vaduz', byName.get('dispatch.vaduz')!.password);
    const tree = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    expect(tree.map((j: { path: string }) => j.path)).toEqual(['li.oberland.vaduz']);
  });

  it('does nothing once accounts exist, and never stores a password in clear', async () => {
    expect(await bootstrapAccounts(t.app.platform.command, { adminPassword: 'another-password-123', demoStaff: true })).toEqual([]);
    const res = await t.app.platform.db.execute(sql`select count(*)::int as n from users where password_hash not like '$argon2id$%'`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
