import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

type Rec = { below: boolean; before: number; threshold: number; moves: { unitId: string; to: [number, number] }[] };

describe('move-up pushed to the dispatchers after a dispatch takes coverage below the threshold', () => {
  let t: TestApp;
  let admin: string;
  let li: { id: string; path: string };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const asked = () => `/coverage/move-up?jurisdictionId=${li.id}&category=school,kindergarten`;

  beforeAll(async () => {
    // A school day at 09:00 in Vaduz (the move-up counts the schools open now); the clock runs on from there.
    const from = Date.parse('2026-12-08T08:00:00Z'), started = Date.now();
    t = await startTestApp({ clock: () => new Date(from + Date.now() - started) });
    admin = await loginAdmin(t.app);
    li = await jurisdictionByPath(t.app, 'li');
  }, 120_000);
  afterAll(async () => t?.close());

  it('publishes the recommendation the page would show, once, and a dispatcher of the country receives it', async () => {
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
    const pushed = async () => rows<{ data: Rec; jurisdiction_path: string }>(t.app.platform.db, sql`select data, jurisdiction_path::text from outbox where type = 'coverage.move_up_recommended' order by position`);
    await expect.poll(async () => (await pushed()).length, { timeout: 30_000 }).toBe(1);
    const [event] = await pushed();
    expect(event!.jurisdiction_path).toBe('li');
    expect(event!.data).toMatchObject({ below: true, threshold: start.before, before: expected.before });
    expect(event!.data.moves.map((m) => [m.unitId, m.to])).toEqual(expected.moves.map((m) => [m.unitId, m.to]));
    const [audit] = await rows<{ actor_name: string }>(t.app.platform.db, sql`select actor_name from audit_log where action = 'coverage.move_up_recommended'`);
    expect(audit!.actor_name).toBe('move-up watch');

    // A dispatcher of the country gets it from the event stream's catch-up; one of a municipality does not (it is the country's alert).
    const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const national = await createUser(t.app, 'dispatcher', 'li');
    const local = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    const seen = async (cookie: string) => ((await call('GET', `/events/recent?types=coverage.move_up_recommended&since=${since}`, undefined, cookie)).json() as { events?: unknown[] } | unknown[]);
    const count = (r: { events?: unknown[] } | unknown[]) => (Array.isArray(r) ? r.length : r.events?.length ?? 0);
    expect(count(await seen(national.cookie))).toBe(1);
    expect(count(await seen(local.cookie))).toBe(0);

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
    expect(await pushed()).toHaveLength(1);
  });
});
