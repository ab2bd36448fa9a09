import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, login, startTestApp, type TestApp } from '../../../test/harness.js';
import { bootstrapAccounts, type CreatedAccount } from './bootstrap.js';

describe('first-start accounts', () => {
  let t: TestApp;
  let created: CreatedAccount[] = [];
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
    created = accounts;
    const byName = new Map(accounts.map((a) => [a.username, a]));
    expect(byName.get('admin')).toMatchObject({ role: 'administrator', jurisdictionPath: 'li', generated: true });
    expect(byName.get('duty.oberland')).toMatchObject({ role: 'duty_officer', jurisdictionPath: 'li.oberland' });
    expect(byName.get('dispatch.vaduz')).toMatchObject({ role: 'dispatcher', jurisdictionPath: 'li.oberland.vaduz' });
    expect(byName.get('inspect.eschen')).toMatchObject({ role: 'inspector', jurisdictionPath: 'li.unterland.eschen' });
    expect(byName.get('duty.vaduz')).toMatchObject({ role: 'duty_officer', jurisdictionPath: 'li.oberland.vaduz' });
    // admin, commander, auditor; a duty officer per region; a duty officer, dispatcher and inspector per municipality.
    expect(accounts).toHaveLength(3 + 2 + 3 * 11);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    for (const a of accounts) expect(a.password.length).toBeGreaterThanOrEqual(20);

    const cookie = await login(t.app, 'dispatch.vaduz', byName.get('dispatch.vaduz')!.password);
    const tree = (await t.app.inject({ url: '/api/v1/jurisdictions', headers: { cookie } })).json();
    expect(tree.map((j: { path: string }) => j.path)).toEqual(['li.oberland.vaduz']);
  });

  it("lets the region's duty officer direct its municipalities, whose duty officers acknowledge and report back, and nothing above or beside", async () => {
    const password = (username: string) => created.find((a) => a.username === username)!.password;
    const as = async (username: string) => {
      const cookie = await login(t.app, username, password(username));
      return (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    };
    const id = async (path: string) => (await jurisdictionByPath(t.app, path)).id;
    const dutyOberland = await as('duty.oberland');
    const dutyVaduz = await as('duty.vaduz');
    const hour = 3_600_000;
    const body = async (issuer: string, targets: string[]) => ({
      issuerJurisdictionId: await id(issuer), title: 'Flood readiness', content: 'Check pumps before the weekend.', requiredActions: ['Inspect pumps'],
      targetJurisdictionIds: await Promise.all(targets.map(id)),
      acknowledgeBy: new Date(Date.now() + 2 * hour).toISOString(), reportBy: new Date(Date.now() + 24 * hour).toISOString(),
    });

    const issued = await dutyOberland('POST', '/directives', await body('li.oberland', ['li.oberland.vaduz', 'li.oberland.schaan']));
    expect(issued.statusCode, issued.body).toBe(201);
    const directive = issued.json();
    const vaduz = await id('li.oberland.vaduz');
    const ack = await dutyVaduz('POST', `/directives/${directive.id}/targets/${vaduz}/acknowledgement`, { note: 'Received' });
    expect(ack.statusCode, ack.body).toBe(200);
    const report = await dutyVaduz('POST', `/directives/${directive.id}/targets/${vaduz}/report`, { report: 'Pumps checked' });
    expect(report.statusCode, report.body).toBe(200);
    // Vaduz answers for itself only: its neighbour Schaan's target does not exist for it (ADR 0004: not visible -> 404).
    const schaan = await id('li.oberland.schaan');
    expect((await dutyVaduz('POST', `/directives/${directive.id}/targets/${schaan}/acknowledgement`, { note: 'Received' })).statusCode).toBe(404);
    const rollup = (await dutyOberland('GET', `/directives/${directive.id}/rollup`)).json();
    expect(JSON.stringify(rollup)).toContain('li.oberland.vaduz');

    // Above its grant (the country), beside it (Unterland's municipalities), or itself: refused, nothing written.
    const before = (await t.app.platform.db.execute(sql`select count(*)::int as n from directives`)) as unknown as { rows: { n: number }[] };
    const above = await dutyOberland('POST', '/directives', await body('li', ['li.oberland']));
    expect(above.statusCode, above.body).toBeGreaterThanOrEqual(400);
    expect(above.json().errors[0].path).toBe('body.issuerJurisdictionId');
    const beside = await dutyOberland('POST', '/directives', await body('li.oberland', ['li.unterland.eschen']));
    expect(beside.statusCode, beside.body).toBe(422);
    expect(beside.json()).toMatchObject({ code: 'DIRECTIVE_TARGET_OUTSIDE_SUBTREE' });
    const up = await dutyVaduz('POST', '/directives', await body('li.oberland', ['li.oberland.schaan']));
    expect(up.statusCode, up.body).toBeGreaterThanOrEqual(400);
    const after = (await t.app.platform.db.execute(sql`select count(*)::int as n from directives`)) as unknown as { rows: { n: number }[] };
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('does nothing once accounts exist, and never stores a password in clear', async () => {
    expect(await bootstrapAccounts(t.app.platform.command, { adminPassword: 'another-password-123', demoStaff: true })).toEqual([]);
    const res = await t.app.platform.db.execute(sql`select count(*)::int as n from users where password_hash not like '$argon2id$%'`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
