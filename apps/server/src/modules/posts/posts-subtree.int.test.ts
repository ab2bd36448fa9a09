import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';

describe('posts: a level’s posts and every post under it (GET /posts?subtree=true)', () => {
  let t: TestApp;
  const now = new Date('2026-04-01T08:00:00.000Z');
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ids: Record<string, string> = {};
  const mine = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await cast.add('commander', 'commander', 'li.oberland');
    await cast.add('anna', 'duty_officer', 'li.oberland.vaduz');
    await cast.add('schaanReader', 'dispatcher', 'li.oberland.schaan');
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [path, title] of [['li.oberland', 'Region leader'], ['li.oberland.vaduz', 'Vaduz duty'], ['li.oberland.schaan', 'Schaan duty']] as const) {
      const res = await call('commander', 'POST', '/posts', { jurisdictionId: ids[path], kind: 'duty_post', title });
      expect(res.statusCode, res.body).toBe(201);
      mine.add(res.json().id);
      if (title === 'Vaduz duty') expect((await call('commander', 'POST', `/posts/${res.json().id}/handovers`, { userId: cast.users.anna!.id })).statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  type PostOut = { id: string; title: string; jurisdictionPath: string; holder: { userId: string; displayName: string } | null };
  const listed = async (who: string, query: string) => {
    const res = await call(who, 'GET', `/posts?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as PostOut[]).filter((p) => mine.has(p.id));
  };

  it('lists the subtree’s posts in path order with their current holders', async () => {
    const all = await listed('commander', `jurisdictionId=${ids['li.oberland']}&subtree=true`);
    expect(all.map((p) => p.title)).toEqual(['Region leader', 'Schaan duty', 'Vaduz duty']);
    expect(all.find((p) => p.title === 'Vaduz duty')!.holder).toMatchObject({ userId: cast.users.anna!.id, displayName: cast.users.anna!.username });
    expect(all.find((p) => p.title === 'Schaan duty')!.holder).toBeNull();
    // Without subtree (or subtree=false) only the level's own posts.
    expect((await listed('commander', `jurisdictionId=${ids['li.oberland']}`)).map((p) => p.title)).toEqual(['Region leader']);
    expect((await listed('commander', `jurisdictionId=${ids['li.oberland']}&subtree=false`)).map((p) => p.title)).toEqual(['Region leader']);
  });

  it('shows a reader only the subtree of their grant', async () => {
    expect((await listed('schaanReader', `jurisdictionId=${ids['li.oberland.schaan']}&subtree=true`)).map((p) => p.title)).toEqual(['Schaan duty']);
    expect((await call('schaanReader', 'GET', `/posts?jurisdictionId=${ids['li.oberland']}&subtree=true`)).statusCode).toBe(404);
    const bad = await call('commander', 'GET', `/posts?jurisdictionId=${ids['li.oberland']}&subtree=yes`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.subtree');
  });
});
