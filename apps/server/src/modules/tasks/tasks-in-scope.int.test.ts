import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, startTestApp, type TestApp, Cast } from '../../../test/harness.js';

const HOUR = 3_600_000;

describe('tasks: every task at and under a level, whatever its source (GET /tasks?jurisdictionId=)', () => {
  let t: TestApp;
  const now = new Date('2026-06-01T07:00:00.000Z');
  const cast = new Cast(() => t.app);
  const ids: Record<string, string> = {};
  const posts: Record<string, string> = {};
  const created: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const hoursAhead = (h: number) => new Date(now.getTime() + h * HOUR).toISOString();
  const titlesOf = (body: { title: string }[]) => body.map((x) => x.title).filter((title) => title in created);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['eschenCommander', 'commander', 'li.unterland.eschen'],
    ] as const) {
      await cast.add(name, role, path);
    }
    for (const p of ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [key, path] of [['vaduz', 'li.oberland.vaduz'], ['schaan', 'li.oberland.schaan']] as const) {
      posts[key] = (await call('commander', 'POST', '/posts', { jurisdictionId: ids[path], kind: 'duty_post', title: `${key} duty` })).json().id;
    }
    const d = await call('commander', 'POST', '/directives', {
      issuerJurisdictionId: ids['li.oberland'], title: 'Hydrants', content: 'Check the hydrants', requiredActions: ['Check'],
      targetJurisdictionIds: [ids['li.oberland.vaduz'], ids['li.oberland.schaan']], acknowledgeBy: hoursAhead(4), reportBy: hoursAhead(96),
    });
    expect(d.statusCode, d.body).toBe(201);
    for (const [title, post, due, parent] of [['Vaduz hydrants', 'vaduz', 48, null], ['Vaduz north', 'vaduz', 24, 'Vaduz hydrants'], ['Schaan hydrants', 'schaan', 36, null]] as const) {
      const res = await call('commander', 'POST', '/tasks', { directiveId: d.json().id, ownerPostId: posts[post], title, dueAt: hoursAhead(due), ...(parent ? { parentTaskId: created[parent] } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      created[title] = res.json().id;
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists a level’s tasks and everything under it, soonest due first, and only what the reader may see', async () => {
    const oberland = await call('commander', 'GET', `/tasks?jurisdictionId=${ids['li.oberland']}`);
    expect(oberland.statusCode, oberland.body).toBe(200);
    expect(titlesOf(oberland.json())).toEqual(['Vaduz north', 'Schaan hydrants', 'Vaduz hydrants']);
    expect(oberland.json()[0]).toMatchObject({ source: 'directive', percent: 0, overdue: false });

    const vaduz = await call('vaduzDuty', 'GET', `/tasks?jurisdictionId=${ids['li.oberland.vaduz']}`);
    expect(titlesOf(vaduz.json())).toEqual(['Vaduz north', 'Vaduz hydrants']);
    // Above one's grant, or in another region: no such jurisdiction for the reader.
    expect((await call('vaduzDuty', 'GET', `/tasks?jurisdictionId=${ids['li.oberland']}`)).statusCode).toBe(404);
    expect((await call('eschenCommander', 'GET', `/tasks?jurisdictionId=${ids['li.oberland.schaan']}`)).statusCode).toBe(404);

    const limited = await call('commander', 'GET', `/tasks?jurisdictionId=${ids['li.oberland']}&limit=1`);
    expect(limited.json()).toHaveLength(1);
  });

  it('refuses a level named together with a source, naming the field', async () => {
    const both = await call('commander', 'GET', `/tasks?jurisdictionId=${ids['li.oberland']}&directiveId=${ids['li.oberland']}`);
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'query.jurisdictionId' }] });
  });
});
