import type { GoodsSite, TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { ensureDemoGoods } from '../controlled-goods/index.js';
import { ensureDemoClosedDays } from './index.js';
import { keyPlaceListOf } from '../places/index.js';

describe('closed days: public and school holidays per jurisdiction, read by coverage windows and permits', () => {
  let t: TestApp;
  const now = new Date('2026-03-09T08:00:00.000Z'); // a Monday
  let admin: string;
  let vaduzCommander: TestUser;
  let dispatcher: TestUser;
  let li: { id: string; path: string };
  let vaduz: { id: string; path: string };
  const call = (cookie: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const count = async (table: string) => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  const coverage = async (query: string) => (await call(admin, 'GET', `/coverage?category=school&${query}`)).json() as { places: number; outsideWindow: number; items: { id: string; jurisdictionPath: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    vaduzCommander = await createUser(t.app, 'commander', 'li.oberland.vaduz');
    dispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    li = await jurisdictionByPath(t.app, 'li');
    vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses bad lists with 4xx naming the field, and writes nothing', async () => {
    const day = { from: '2026-03-10', to: '2026-03-10', kind: 'public_holiday', name: 'Holiday' };
    const cases: [string, object, number, string | undefined][] = [
      [admin, { year: 2026, days: [{ ...day, from: '2027-01-01', to: '2027-01-01' }] }, 400, 'body.days.0.from'],
      [admin, { year: 2026, days: [{ ...day, to: '2026-03-09' }] }, 400, 'body.days.0.to'],
      [admin, { year: 2026, days: [{ ...day, to: '2026-09-10' }] }, 400, 'body.days.0.to'],
      [admin, { year: 2026, days: [{ ...day, from: '2026-02-30', to: '2026-02-30' }] }, 400, 'body.days.0.from'],
      [admin, { year: 2026, days: [{ ...day, kind: 'party' }] }, 400, 'body.days.0.kind'],
      [admin, { year: 2026, days: [{ ...day, name: ' ' }] }, 400, 'body.days.0.name'],
      [admin, { year: 2026, days: [{ ...day, categories: ['castle'] }] }, 400, 'body.days.0.categories.0'],
      [admin, { year: 1999, days: [] }, 400, 'body.year'],
      [admin, { year: 2026, days: [], extra: 1 }, 400, 'body'],
      // A Vaduz commander does not see the country's list (as its coverage settings); a dispatcher sets none.
      [vaduzCommander.cookie, { year: 2026, days: [day] }, 404, undefined],
      [dispatcher.cookie, { year: 2026, days: [day] }, 403, undefined],
    ];
    for (const [who, body, status, field] of cases) {
      const res = await call(who, 'PUT', `/coverage/closed-days/${who === dispatcher.cookie ? vaduz.id : li.id}`, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(res.json())).toContain(field);
    }
    expect(await call(admin, 'GET', '/coverage/closed-days/0190a000-0000-7000-8000-000000000000')).toHaveProperty('statusCode', 404);
    expect(await call(admin, 'GET', `/coverage/closed-days/${li.id}?year=1800`)).toHaveProperty('statusCode', 400);
    expect(await count('closed_days')).toBe(0);
    expect(await count('closed_day_lists')).toBe(0);
  });

  it("a national holiday closes every school on its date; a municipality's school holiday only its own; OSM hours may keep holiday hours", async () => {
    // Tuesday 10 March 2026: every school counts in 07:30-08:30 on that date before any list.
    expect(await coverage('window=07:30-08:30&date=2026-03-10')).toMatchObject({ places: 19, outsideWindow: 0, window: { hours: '07:30-08:30', days: ['Tu'], date: '2026-03-10' } });
    // Days and a date together are refused naming the days.
    const both = await call(admin, 'GET', '/coverage?category=school&window=07:30-08:30&date=2026-03-10&days=Mo');
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('query.days');

    const put = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { year: 2026, days: [{ from: '2026-03-09', to: '2026-03-13', kind: 'school_holiday', name: 'Ski week', categories: ['school'] }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, days: [{ from: '2026-03-09', to: '2026-03-13', kind: 'school_holiday', categories: ['school'] }], inherited: [] });
    const schools = await rows<{ id: string; path: string }>(t.app.platform.db, sql`select id, jurisdiction_path::text as path from places where category = 'school'`);
    const inVaduz = schools.filter((s) => s.path.startsWith('li.oberland.vaduz'));
    expect(inVaduz.length).toBeGreaterThan(0);
    const skiWeek = await coverage('window=07:30-08:30&date=2026-03-10');
    expect(skiWeek).toMatchObject({ places: 19 - inVaduz.length, outsideWindow: inVaduz.length });
    expect(skiWeek.items.some((i) => i.jurisdictionPath.startsWith('li.oberland.vaduz'))).toBe(false);
    // Outside the range, and without a date (a reference week), Vaduz's schools count again.
    expect(await coverage('window=07:30-08:30&date=2026-03-16')).toMatchObject({ places: 19 });
    expect(await coverage('window=07:30-08:30&days=Tu')).toMatchObject({ places: 19 });

    // A Vaduz school whose OSM hours keep school-holiday hours still counts; `SH off` closes it.
    const own = inVaduz[0]!;
    await t.app.platform.db.execute(sql`update places set opening_hours = 'Mo-Fr 07:30-16:00; SH Mo-Fr 08:00-12:00' where id = ${own.id}`);
    keyPlaceListOf(t.app.platform).drop(); // SQL bypasses the commands: no place event
    expect(await coverage('window=07:30-08:30&date=2026-03-10')).toMatchObject({ places: 19 - inVaduz.length + 1 });
    await t.app.platform.db.execute(sql`update places set opening_hours = 'Mo-Fr 07:30-16:00; SH off' where id = ${own.id}`);
    keyPlaceListOf(t.app.platform).drop(); // SQL bypasses the commands: no place event
    expect(await coverage('window=07:30-08:30&date=2026-03-10')).toMatchObject({ places: 19 - inVaduz.length });
    await t.app.platform.db.execute(sql`update places set opening_hours = null where id = ${own.id}`);
    keyPlaceListOf(t.app.platform).drop(); // SQL bypasses the commands: no place event

    // The country's public holidays (the demo's list) close every school on them, and Vaduz reads them as inherited.
    expect(await ensureDemoClosedDays(t.app.platform.command)).toBe(32);
    expect(await ensureDemoClosedDays(t.app.platform.command)).toBe(0);
    expect(await coverage('window=07:30-08:30&date=2026-03-19')).toMatchObject({ places: 0, outsideWindow: 19 });
    const read = (await call(dispatcher.cookie, 'GET', `/coverage/closed-days/${vaduz.id}?year=2026`)).json();
    expect(read.days).toHaveLength(1);
    expect(read.inherited).toHaveLength(16);
    expect(read.inherited[0]).toMatchObject({ from: '2026-01-01', kind: 'public_holiday', jurisdictionPath: 'li', categories: ['school', 'kindergarten'] });
    // A kindergarten is not closed by a school-only holiday.
    const kg = (await call(admin, 'GET', '/coverage?category=kindergarten&window=07:30-08:30&date=2026-03-10')).json();
    const kgAll = (await call(admin, 'GET', '/coverage?category=kindergarten&window=07:30-08:30&days=Tu')).json();
    expect(kg.places).toBe(kgAll.places);
  });

  it('plans patrol posts on a date or a week: closed days take the places out, each weighing the share of the days it is open', async () => {
    const plan = (demand: object) => call(admin, 'POST', '/coverage/placements', { kind: 'mclp', p: 19, minutes: 30, demand: { categories: ['school'], ...demand }, candidates: { sources: ['places'] } });
    const vaduzSchools = Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from places where category = 'school' and jurisdiction_path <@ 'li.oberland.vaduz'`))[0]!.n);
    expect(vaduzSchools).toBeGreaterThan(0);
    // Tuesday 10 March, in Vaduz's ski week: every school but Vaduz's is demand, each fully open in the window.
    const tuesday = await plan({ window: '07:30-08:30', date: '2026-03-10' });
    expect(tuesday.statusCode, tuesday.body).toBe(200);
    expect(tuesday.json()).toMatchObject({ demand: 19 - vaduzSchools, objective: 19 - vaduzSchools, dates: ['2026-03-10'] });
    // Without a date the same window reads the reference week: every school.
    expect((await plan({ window: '07:30-08:30', days: ['Tu'] })).json()).toMatchObject({ demand: 19, objective: 19 });
    expect((await plan({ window: '07:30-08:30', days: ['Tu'] })).json().dates).toBeUndefined();
    // The school week of 16-20 March holds St Joseph's (Thursday 19, a public holiday): each school weighs 4/5.
    const week = (await plan({ window: '07:30-08:30', date: '2026-03-16', until: '2026-03-22', days: ['Mo', 'Tu', 'We', 'Th', 'Fr'] })).json();
    expect(week).toMatchObject({ demand: 19, dates: ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'] });
    expect(week.objective).toBeCloseTo(19 * 4 / 5, 9);
    // The whole week, weekend included and no window: a school is open 5 of 7 days, less the holiday.
    const wholeWeek = (await plan({ date: '2026-03-16', until: '2026-03-22' })).json();
    expect(wholeWeek.dates).toHaveLength(7);
    expect(wholeWeek.demand).toBe(19);
    // The ski week's school days: Vaduz's schools closed throughout are not demand at all.
    expect((await plan({ date: '2026-03-09', until: '2026-03-13', window: '07:30-08:30' })).json()).toMatchObject({ demand: 19 - vaduzSchools, objective: 19 - vaduzSchools });

    // Bad input: 4xx problem+json naming the field.
    const cases: [object, number, string][] = [
      [{ date: '2026-03-10', until: '2026-03-09' }, 400, 'body.demand.until'],
      [{ date: '2026-03-01', until: '2026-04-15' }, 400, 'body.demand.until'],
      [{ until: '2026-03-10' }, 400, 'body.demand.until'],
      [{ date: '2026-02-30' }, 400, 'body.demand.date'],
      [{ date: '10.03.2026' }, 400, 'body.demand.date'],
      [{ date: '2026-03-10', days: ['Sa'] }, 400, 'body.demand.days'],
      [{ date: '2026-03-19' }, 422, 'body.demand.date'],
      [{ date: '2026-03-19', window: '07:30-08:30' }, 422, 'body.demand.window'],
    ];
    for (const [demand, status, field] of cases) {
      const res = await plan(demand);
      expect(res.statusCode, `${JSON.stringify(demand)} ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(field);
    }
  });

  it('replaces a year whole, audited with an event; the same list again changes nothing; a stale version is a 409', async () => {
    const audits = async () => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'coverage.closed_days_set'`))[0]!.n);
    const events = async () => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'coverage.closed_days_set'`))[0]!.n);
    const [a0, e0] = [await audits(), await events()];
    const body = { year: 2026, days: [{ from: '2026-03-09', to: '2026-03-13', kind: 'school_holiday', name: 'Ski week', categories: ['school'] }] };
    const again = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().version).toBe(1);
    expect([await audits(), await events()]).toEqual([a0, e0]);
    // The move-up of "now" (Monday 9 March, 09:00 in Vaduz, in the ski week) does not count Vaduz's schools.
    const moveUpNow = async () => (await call(admin, 'GET', `/coverage/move-up?jurisdictionId=${li.id}&category=school`)).json() as { outsideWindow: number };
    const inSkiWeek = (await moveUpNow()).outsideWindow;
    expect(inSkiWeek).toBeGreaterThan(0);
    const stale = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { ...body, days: [], expectedVersion: 7 });
    expect(stale.statusCode).toBe(409);
    expect(await count('closed_days')).toBe(33);
    const cleared = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { ...body, days: [], expectedVersion: 1 });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ version: 2, days: [] });
    expect([await audits(), await events()]).toEqual([a0 + 1, e0 + 1]);
    expect(await count('closed_days')).toBe(32);
    expect((await moveUpNow()).outsideWindow).toBe(0);
  });

  it("a transport permit's schools closed on its date are not protected zones: not avoided, not watched", async () => {
    await ensureDemoGoods(t.app.platform.command);
    const sites: GoodsSite[] = (await call(admin, 'GET', '/goods/sites')).json();
    const station = (path: string) => sites.find((s) => s.place.category === 'fuel_station' && s.place.jurisdictionPath === path && s.holdings.some((h) => h.key === 'UN1202' && h.balance > 1_000_000))!;
    const body = (day: string) => ({ fromSiteId: station('li.oberland.vaduz').id, toSiteId: station('li.oberland.schaan').id, itemKey: 'UN1202', quantity: 1_000, vehicle: 'FL 99',
      window: { from: `${day}T08:00:00.000Z`, until: `${day}T12:00:00.000Z` } });
    // Wednesday 18 March: a school day. Thursday 19 March: St Joseph's, a public holiday.
    const schoolDay: TransportPermit = (await call(admin, 'POST', '/goods/permits', body('2026-03-18'))).json();
    const holiday: TransportPermit = (await call(admin, 'POST', '/goods/permits', body('2026-03-19'))).json();
    const schoolZones = (p: TransportPermit) => p.zones.filter((z) => z.kind !== 'cordon');
    expect(schoolZones(schoolDay).length).toBeGreaterThan(0);
    expect(schoolZones(holiday)).toEqual([]);
    // A window over both days keeps the zones, each knowing the day it is closed on (its watch lets the vehicle by then).
    const both: TransportPermit = (await call(admin, 'POST', '/goods/permits', { ...body('2026-03-18'), window: { from: '2026-03-18T08:00:00.000Z', until: '2026-03-19T12:00:00.000Z' } })).json();
    expect(schoolZones(both).length).toBeGreaterThan(0);
    expect(schoolZones(both).every((z) => JSON.stringify(z.closedDates) === '["2026-03-19"]')).toBe(true);
  });

  it('keeps a closed day\'s name per language beside the official one; the same names again change nothing', async () => {
    // The demo's holidays: the official German name, and what an English or a Chinese reader reads.
    const read = (await call(admin, 'GET', `/coverage/closed-days/${li.id}?year=2026`)).json();
    expect(read.days[0]).toMatchObject({ from: '2026-01-01', name: 'Neujahr', names: { en: 'New Year', 'zh-CN': '元旦' } });
    expect(read.days.every((d: { names?: { en?: string; 'zh-CN'?: string } }) => d.names?.en && d.names['zh-CN'])).toBe(true);
    const version = async () => (await call(admin, 'GET', `/coverage/closed-days/${vaduz.id}?year=2026`)).json().version as number;
    const day = { from: '2026-10-05', to: '2026-10-09', kind: 'school_holiday', name: 'Herbstferien', categories: ['school'] };
    const put = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { year: 2026, days: [{ ...day, names: { en: 'Autumn break', 'zh-CN': '秋假' } }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().days[0]).toMatchObject({ name: 'Herbstferien', names: { en: 'Autumn break', 'zh-CN': '秋假' } });
    const v = await version();
    // The same list, its names in another key order: no new version (a retried PUT changes nothing).
    const again = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { year: 2026, days: [{ ...day, names: { 'zh-CN': '秋假', en: 'Autumn break' } }] });
    expect(again.json().version).toBe(v);
    // A day without names reads without them (the API as before); an unknown language is a 400 naming it.
    const plain = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { year: 2026, days: [day] });
    expect(plain.json().days[0].names).toBeUndefined();
    const bad = await call(vaduzCommander.cookie, 'PUT', `/coverage/closed-days/${vaduz.id}`, { year: 2026, days: [{ ...day, names: { de: 'Herbstferien' } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.days.0.names');
  });
});
