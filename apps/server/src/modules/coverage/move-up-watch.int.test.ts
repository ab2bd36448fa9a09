import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

type Rec = { below: boolean; before: number; threshold: number; moves: { unitId: string; to: [number, number] }[]; jurisdiction: { path: string } };

describe('move-up pushed to the dispatchers after a dispatch takes coverage below the threshold', () => {
  let t: TestApp;
  let admin: string;
  let li: { id: string; path: string };
  let vaduz: { id: string; path: string };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const asked = (j = li) => `/coverage/move-up?jurisdictionId=${j.id}&category=school,kindergarten`;

  beforeAll(async () => {
    // A school day at 09:00 in Vaduz (the move-up counts the schools open now); the clock runs on from there.
    const from = Date.parse('2026-12-08T08:00:00Z'), started = Date.now();
    t = await startTestApp({ clock: () => new Date(from + Date.now() - started) });
    admin = await loginAdmin(t.app);
    li = await jurisdictionByPath(t.app, 'li');
    vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
  }, 120_000);
  afterAll(async () => t?.close());

  it('publishes the recommendation the page would show, once, to the dispatchers of the country and of the municipality that inherits its threshold', async () => {
    // The threshold is today's coverage of schools and kindergartens: any dispatch of a patrol that is first somewhere drops it.
    const start = (await call('GET', asked())).json() as Rec;
    expect((await call('PUT', `/coverage/settings/${li.id}`, { moveUpThreshold: start.before, moveUpMinutes: 3 })).statusCode).toBe(200);
    const cover = (await call('GET', `/coverage?jurisdictionId=${li.id}&category=school,kindergarten`)).json() as { items: { tier: number | null; nearestUnit: { id: string } | null }[] };
    const firstAt = new Map<string, number>();
    for (const i of cover.items) if (i.tier !== null && i.tier <= 3 && i.nearestUnit) firstAt.set(i.nearestUnit.id, (firstAt.get(i.nearestUnit.id) ?? 0) + 1);
    const [busiest] = [...firstAt.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const incident = await call('POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: [9.5215, 47.141] });
    expect(incident.statusCode, incident.body).toBe(201);
    expect((await call('POST', `/incidents/${incident.json().id}/assignments`, { unitIds: [busiest![0]] })).statusCode).toBe(201);

    const expected = (await call('GET', asked())).json() as Rec;
    expect(expected.below).toBe(true);
    expect(expected.moves.length).toBeGreaterThan(0);
    const pushed = async (path?: string) => rows<{ data: Rec; jurisdiction_path: string }>(t.app.platform.db, sql`select data, jurisdiction_path::text from outbox
      where type = 'coverage.move_up_recommended' ${path === undefined ? sql`` : sql`and jurisdiction_path = ${path}::ltree`} order by position`);
    await expect.poll(async () => (await pushed('li')).length, { timeout: 30_000 }).toBe(1);
    const [event] = await pushed('li');
    expect(event!.jurisdiction_path).toBe('li');
    expect(event!.data).toMatchObject({ below: true, threshold: start.before, before: expected.before });
    expect(event!.data.moves.map((m) => [m.unitId, m.to])).toEqual(expected.moves.map((m) => [m.unitId, m.to]));
    const audits = await rows<{ actor_name: string }>(t.app.platform.db, sql`select actor_name from audit_log where action = 'coverage.move_up_recommended'`);
    expect(new Set(audits.map((a) => a.actor_name))).toEqual(new Set(['move-up watch']));

    // Vaduz set no threshold of its own: it inherits the country's, the dispatch emptied part of it, and its
    // dispatchers get Vaduz's own move-up (its units, its places) — the one its page shows.
    const forVaduz = (await call('GET', asked(vaduz))).json() as Rec;
    expect(forVaduz).toMatchObject({ below: true, threshold: start.before });
    expect(forVaduz.moves.length).toBeGreaterThan(0);
    await expect.poll(async () => (await pushed(vaduz.path)).length, { timeout: 30_000 }).toBe(1);
    const [toVaduz] = await pushed(vaduz.path);
    expect(toVaduz!.data.moves.map((m) => [m.unitId, m.to])).toEqual(forVaduz.moves.map((m) => [m.unitId, m.to]));

    // From the event stream's catch-up: a dispatcher of the country gets the country's; one of Vaduz gets Vaduz's
    // (and not the country's, whose units are not all theirs to move).
    const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const national = await createUser(t.app, 'dispatcher', 'li');
    const local = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const seen = async (cookie: string) => {
      const r = (await call('GET', `/events/recent?types=coverage.move_up_recommended&since=${since}`, undefined, cookie)).json() as { events?: { data: Rec }[] } | { data: Rec }[];
      return (Array.isArray(r) ? r : r.events ?? []).map((e) => e.data.jurisdiction.path);
    };
    expect(await seen(national.cookie)).toContain('li');
    expect(await seen(local.cookie)).toEqual([vaduz.path]);
    const pushedBefore = (await pushed()).length;

    // A second dispatch elsewhere that leaves the recommendation as it was pushes nothing new.
    const other = await call('POST', '/incidents', { type: 'fire', priority: 'P2', location: [9.5095, 47.165] });
    const spare = (await call('GET', `/incidents/${other.json().id}/recommendations?limit=50`)).json() as { items: { unitId: string; kind: string }[] };
    const engine = spare.items.find((u) => u.kind === 'fire_engine')!;
    expect((await call('POST', `/incidents/${other.json().id}/assignments`, { unitIds: [engine.unitId] })).statusCode).toBe(201);
    const after = (await call('GET', asked())).json() as Rec;
    expect(after.moves).toEqual(expected.moves);
    // Once the watch has read past that dispatch, still the one push.
    const caughtUp = async () => (await rows<{ done: boolean }>(t.app.platform.db, sql`select
      not exists (select 1 from outbox where type = 'dispatch.unit_assigned' and position is null)
      and (select position from outbox_cursors where name = 'coverage-move-up-watch') >= (select max(position) from outbox where type = 'dispatch.unit_assigned') as done`))[0]!.done;
    await expect.poll(caughtUp, { timeout: 30_000 }).toBe(true);
    expect(await pushed('li')).toHaveLength(1);
    expect(await pushed()).toHaveLength(pushedBefore);
  });
});
