import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, login, startTestApp, type TestApp } from '../../../test/harness.js';
import { bootstrapAccounts, type CreatedAccount } from '../identity/index.js';
import { ensureDemoPosts } from './demo-posts.js';

describe('demo posts: the demo organisation staffed, so its directives can become tasks', () => {
  let t: TestApp;
  let accounts: CreatedAccount[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    // A first start: the tree, no accounts and no posts yet.
    for (const table of ['sessions', 'api_tokens', 'grants', 'idempotency_keys', 'post_holdings', 'posts', 'users']) {
      await t.app.platform.db.execute(sql.raw(`delete from ${table}`));
    }
    accounts = await bootstrapAccounts(t.app.platform.command, { adminPassword: undefined, demoStaff: true });
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives each region and municipality a duty post held by its duty officer, and each municipality an inspector\'s post; once', async () => {
    const made = await ensureDemoPosts(t.app.platform.command, accounts.map((a) => a.username));
    const duty = accounts.filter((a) => a.username.startsWith('duty.')).length;
    const inspectors = accounts.filter((a) => a.username.startsWith('inspect.')).length;
    expect(duty).toBeGreaterThan(0);
    expect(made).toBe(duty + inspectors);
    const held = await rows<{ title: string; kind: string; path: string; username: string }>(t.app.platform.db, sql`select p.title, p.kind, p.jurisdiction_path::text as path, u.username
      from posts p join post_holdings h on h.post_id = p.id and h.to_at is null join users u on u.id = h.user_id order by p.jurisdiction_path, p.kind`);
    expect(held).toHaveLength(made);
    expect(held.filter((h) => h.path === 'li.oberland.vaduz')).toEqual([
      { title: 'Duty officer, Vaduz', kind: 'duty_post', path: 'li.oberland.vaduz', username: 'duty.vaduz' },
      { title: 'Hazard inspector, Vaduz', kind: 'other', path: 'li.oberland.vaduz', username: 'inspect.vaduz' },
    ]);
    expect(held.find((h) => h.path === 'li.oberland')).toMatchObject({ kind: 'duty_post', username: 'duty.oberland' });
    const audited = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action in ('posts.created', 'posts.handed_over')`);
    expect(Number(audited[0]!.n)).toBe(2 * made);
    // A second start leaves the organisation as it is.
    expect(await ensureDemoPosts(t.app.platform.command, accounts.map((a) => a.username))).toBe(0);
  });

  it('lets Vaduz\'s duty officer give the region\'s directive to its own post, and find it in its task list', async () => {
    const password = (u: string) => accounts.find((a) => a.username === u)!.password;
    const as = async (u: string) => {
      const cookie = await login(t.app, u, password(u));
      return (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    };
    const region = await as('duty.oberland');
    const vaduz = await as('duty.vaduz');
    const vaduzId = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
    const directive = await region('POST', '/directives', {
      issuerJurisdictionId: (await jurisdictionByPath(t.app, 'li.oberland')).id, title: 'Hydrant check', content: 'Check hydrants.', requiredActions: ['Check'],
      targetJurisdictionIds: [vaduzId], acknowledgeBy: new Date(Date.now() + 3_600_000).toISOString(), reportBy: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(directive.statusCode, directive.body).toBe(201);
    const posts = (await vaduz('GET', `/posts?jurisdictionId=${vaduzId}`)).json() as { id: string; kind: string; holder: { displayName: string } | null }[];
    const own = posts.find((p) => p.kind === 'duty_post')!;
    const task = await vaduz('POST', '/tasks', { directiveId: directive.json().id, ownerPostId: own.id, title: 'All hydrants of Vaduz', dueAt: new Date(Date.now() + 80_000_000).toISOString() });
    expect(task.statusCode, task.body).toBe(201);
    const listed = (await vaduz('GET', `/tasks?jurisdictionId=${vaduzId}`)).json() as { id: string }[];
    expect(listed.map((x) => x.id)).toEqual([task.json().id]);
  });
});
