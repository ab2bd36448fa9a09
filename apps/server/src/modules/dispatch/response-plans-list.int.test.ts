import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDemoRunCards, createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

const CARD = (kind: string, units: number) => [{ tier: 1, slots: [{ kind, units }] }];

describe('GET /response-plans: the run cards set in a subtree, where the tree overrides what', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const call = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const set = async (path: string, incidentType: string, priority: string, kind: string, units: number) => {
    const res = await call('PUT', '/response-plans', admin, { jurisdictionId: ids[path], incidentType, priority, tiers: CARD(kind, units) });
    expect(res.statusCode, res.body).toBe(200);
  };
  const list = async (query: string, cookie = admin) => {
    const res = await call('GET', `/response-plans${query}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { jurisdictionPath: string; incidentType: string; priority: string; tiers: unknown }[]).map((p) => `${p.jurisdictionPath} ${p.incidentType} ${p.priority}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    // The cards listed are the ones this test sets: the template's national defaults go.
    await clearDemoRunCards(t.app);
    admin = await loginAdmin(t.app);
    for (const path of ['li', 'li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan', 'li.unterland.eschen']) ids[path] = (await jurisdictionByPath(t.app, path)).id;
    await set('li.oberland', 'fire', 'P1', 'fire_engine', 2);
    await set('li.oberland.vaduz', 'fire', 'P1', 'ladder', 1);
    await set('li.oberland.vaduz', 'medical', 'P2', 'ambulance', 1);
    await set('li.unterland.eschen', 'fire', 'P1', 'fire_engine', 1);
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists every card set in my scope by path, type and priority, each with its tiers', async () => {
    expect(await list('')).toEqual([
      'li.oberland fire P1', 'li.oberland.vaduz fire P1', 'li.oberland.vaduz medical P2', 'li.unterland.eschen fire P1',
    ]);
    const [vaduzFire] = (await call('GET', `/response-plans?jurisdictionId=${ids['li.oberland.vaduz']}&incidentType=fire`, admin)).json();
    expect(vaduzFire).toMatchObject({ jurisdictionId: ids['li.oberland.vaduz'], tiers: CARD('ladder', 1), version: 1 });
  });

  it('narrows to a subtree (the jurisdiction and below, not its ancestors), a type and a priority', async () => {
    expect(await list(`?jurisdictionId=${ids['li.oberland']}`)).toEqual(['li.oberland fire P1', 'li.oberland.vaduz fire P1', 'li.oberland.vaduz medical P2']);
    // Vaduz's own only: Oberland's card holds there too, but it is set above (GET /response-plans/in-force says which holds).
    expect(await list(`?jurisdictionId=${ids['li.oberland.vaduz']}`)).toEqual(['li.oberland.vaduz fire P1', 'li.oberland.vaduz medical P2']);
    expect(await list(`?jurisdictionId=${ids['li.oberland.schaan']}`)).toEqual([]);
    expect(await list('?incidentType=fire&priority=P1')).toEqual(['li.oberland fire P1', 'li.oberland.vaduz fire P1', 'li.unterland.eschen fire P1']);
    expect(await list('?priority=P2')).toEqual(['li.oberland.vaduz medical P2']);
  });

  it("shows a user only their own subtree's cards, and answers 404 for a jurisdiction outside it", async () => {
    const officer = await createUser(t.app, 'duty_officer', 'li.oberland.vaduz');
    expect(await list('', officer.cookie)).toEqual(['li.oberland.vaduz fire P1', 'li.oberland.vaduz medical P2']);
    const outside = await call('GET', `/response-plans?jurisdictionId=${ids['li.unterland.eschen']}`, officer.cookie);
    expect(outside.statusCode).toBe(404);
    const inspector = await createUser(t.app, 'inspector', 'li');
    expect((await call('GET', '/response-plans', inspector.cookie)).statusCode).toBe(403);
  });
});
