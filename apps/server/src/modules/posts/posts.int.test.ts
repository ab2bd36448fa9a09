import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';

const HOUR = 3_600_000;

describe('posts: positions and who held them when', () => {
  let t: TestApp;
  let now = new Date('2026-04-01T08:00:00.000Z');
  const cast = new Cast(() => t.app);
  const users = cast.users;
  /** Moves the injected clock; sessions expire with it, so everyone logs in again. */
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    cast.forgetSessions();
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const handOver = async (postId: string, userId: string | null) => {
    const res = await call('commander', 'POST', `/posts/${postId}/handovers`, { userId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const holderAt = async (postId: string, at: Date) => (await call('auditor', 'GET', `/posts/${postId}/holder?at=${at.toISOString()}`)).json().holder?.userId ?? null;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['auditor', 'auditor', 'li'], ['eschenCommander', 'commander', 'li.unterland.eschen'],
      ['anna', 'duty_officer', 'li.oberland.vaduz'], ['ben', 'duty_officer', 'li.oberland.vaduz'], ['carla', 'duty_officer', 'li.oberland.vaduz'],
    ] as const) {
      await cast.add(name, role, path);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers who held a post at any time, right across handovers and a vacancy', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const created = await call('commander', 'POST', '/posts', { jurisdictionId: vaduz.id, kind: 'duty_post', title: 'Duty officer, Vaduz station' });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json();
    expect(post).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', kind: 'duty_post', holder: null });

    const t1 = new Date(now);
    expect((await handOver(post.id, users.anna!.id)).holder).toMatchObject({ userId: users.anna!.id, from: t1.toISOString(), to: null });
    advance(8 * HOUR);
    const t2 = new Date(now);
    await handOver(post.id, users.ben!.id);
    advance(8 * HOUR);
    const t3 = new Date(now);
    await handOver(post.id, null);
    advance(2 * HOUR);
    const t4 = new Date(now);
    await handOver(post.id, users.carla!.id);

    expect(await holderAt(post.id, new Date(t1.getTime() - 1))).toBeNull();
    expect(await holderAt(post.id, t1)).toBe(users.anna!.id);
    expect(await holderAt(post.id, new Date(t2.getTime() - 1))).toBe(users.anna!.id);
    expect(await holderAt(post.id, t2)).toBe(users.ben!.id);
    expect(await holderAt(post.id, new Date(t3.getTime() + HOUR))).toBeNull();
    expect(await holderAt(post.id, t4)).toBe(users.carla!.id);
    expect(await holderAt(post.id, new Date(t4.getTime() + 1000 * HOUR))).toBe(users.carla!.id);

    const holdings = (await call('auditor', 'GET', `/posts/${post.id}/holdings`)).json();
    expect(holdings.map((h: { userId: string; from: string; to: string | null }) => [h.userId, h.from, h.to])).toEqual([
      [users.anna!.id, t1.toISOString(), t2.toISOString()],
      [users.ben!.id, t2.toISOString(), t3.toISOString()],
      [users.carla!.id, t4.toISOString(), null],
    ]);
    const audit = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_id = ${post.id} order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['posts.created', ...Array(4).fill('posts.handed_over')]);
    const events = await rows<{ path: string }>(t.app.platform.db, sql`select jurisdiction_path::text as path from outbox where type = 'posts.handed_over' and data->>'postId' = ${post.id}`);
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.path))).toEqual(new Set(['li.oberland.vaduz']));
    expect((await call('commander', 'GET', `/posts?jurisdictionId=${vaduz.id}`)).json().map((p: { id: string }) => p.id)).toContain(post.id);
  });

  it('keeps staffing to the posts of your own subtree and refuses a handover that changes nothing', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const post = (await call('commander', 'POST', '/posts', { jurisdictionId: vaduz.id, kind: 'leader', title: 'Mayor' })).json();
    expect((await call('eschenCommander', 'POST', '/posts', { jurisdictionId: vaduz.id, kind: 'leader', title: 'x' })).statusCode).toBe(400);
    expect((await call('eschenCommander', 'POST', `/posts/${post.id}/handovers`, { userId: users.anna!.id })).statusCode).toBe(404);
    expect((await call('anna', 'POST', `/posts/${post.id}/handovers`, { userId: users.anna!.id })).statusCode).toBe(403);
    expect((await call('commander', 'POST', `/posts/${post.id}/handovers`, { userId: null })).json().code).toBe('CONFLICT');
    const nobody = await call('commander', 'POST', `/posts/${post.id}/handovers`, { userId: '0190a000-0000-7000-8000-000000000000' });
    expect(nobody.json().errors[0].path).toBe('body.userId');
    await handOver(post.id, users.anna!.id);
    expect((await call('commander', 'POST', `/posts/${post.id}/handovers`, { userId: users.anna!.id })).statusCode).toBe(409);
    expect((await call('auditor', 'GET', `/posts/${post.id}/holder?at=yesterday`)).statusCode).toBe(400);
  });
});
