import type { CampaignProgress, CampaignProgressDay } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, login, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { markMissed } from './index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ = 'Europe/Vaduz';
interface PlaceOut { id: string; category: string; jurisdictionPath: string; location: [number, number] }

/** Answers to the campus checklist: all pass, or the drop-off (a general hazard) fails. */
function campusAnswers(failDropOff: boolean) {
  const yesNo = ['visitor_control', 'perimeter_intact', 'pickup_procedure', 'structure_sound', 'railings_windows', 'playground_safe', 'chemicals_locked', 'emergency_plan', 'drills_held', 'first_aid', 'crossing_safe'];
  return [...yesNo.map((itemKey) => ({ itemKey, value: 'pass' })), { itemKey: 'drop_off', value: failDropOff ? 'on street, unsupervised' : 'separate bay' }];
}

/**
 * The series recomputed from the stored rows, written separately from the server's: a day is the
 * Swedish-formatted local date (YYYY-MM-DD) and the days run from the first to the last one seen.
 */
function recompute(
  assignments: { status: string; done_at: Date | null; missed_at: Date }[],
  hazards: { raised_at: Date; verified_at: Date | null }[],
  from: Date, until: Date,
): CampaignProgressDay[] {
  const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: TZ });
  const events: (readonly [string, 'inspected' | 'missed' | 'hazardsFound' | 'hazardsRectified'])[] = [
    ...assignments.filter((a) => a.status === 'done').map((a) => [day(a.done_at!), 'inspected'] as const),
    ...assignments.filter((a) => a.status === 'missed').map((a) => [day(a.missed_at), 'missed'] as const),
    ...hazards.map((h) => [day(h.raised_at), 'hazardsFound'] as const),
    ...hazards.filter((h) => h.verified_at).map((h) => [day(h.verified_at!), 'hazardsRectified'] as const),
  ];
  const all = [day(from), day(until), ...events.map(([d]) => d)].sort();
  const out: CampaignProgressDay[] = [];
  const totals = { inspected: 0, missed: 0, open: 0 };
  for (let t = Date.parse(`${all[0]}T12:00:00Z`); new Date(t).toISOString().slice(0, 10) <= all.at(-1)!; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    const n = (k: string) => events.filter(([d, kind]) => d === date && kind === k).length;
    totals.inspected += n('inspected');
    totals.missed += n('missed');
    totals.open += n('hazardsFound') - n('hazardsRectified');
    out.push({
      date, inspected: n('inspected'), inspectedToDate: totals.inspected, missed: n('missed'), missedToDate: totals.missed,
      hazardsFound: n('hazardsFound'), hazardsRectified: n('hazardsRectified'), hazardsOpen: totals.open,
    });
  }
  return out;
}

describe('campaign progress per day', () => {
  let t: TestApp;
  let now = new Date('2026-04-01T07:00:00.000Z');
  const users: Record<string, TestUser> = {};
  const cookies = new Map<string, string>();
  const cookieOf = async (who: string) => {
    if (!cookies.has(who)) cookies.set(who, who === 'admin' ? await loginAdmin(t.app) : await login(t.app, users[who]!.username, users[who]!.password));
    return cookies.get(who)!;
  };
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await cookieOf(who) }, ...(payload ? { payload } : {}) });
  let places: PlaceOut[];
  let campusId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [['vaduzInspector', 'inspector', 'li.oberland.vaduz'], ['vaduzUnit', 'unit_member', 'li.oberland.vaduz'], ['oberlandInspector', 'inspector', 'li.oberland']] as const) {
      users[name] = await createUser(t.app, role, path);
    }
    places = (await call('admin', 'GET', '/places?limit=500')).json().items;
    campusId = (await call('admin', 'GET', '/checklists')).json().find((c: { key: string }) => c.key === 'campus_safety').id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts inspections, hazards found and rectified and missed assignments per local day, as the rows say', async () => {
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');
    const issued = await call('admin', 'POST', '/campaigns', { title: 'Progress campaign', jurisdictionId: oberland.id, categories: ['school'], startsAt: new Date(now.getTime() - HOUR).toISOString(), endsAt: new Date(now.getTime() + 5 * DAY).toISOString() });
    expect(issued.statusCode, issued.body).toBe(201);
    const campaign = issued.json();
    const schools = (path: string) => places.filter((p) => p.category === 'school' && p.jurisdictionPath === path).sort((a, b) => a.id.localeCompare(b.id));
    const vaduz = schools('li.oberland.vaduz');
    const schaan = schools('li.oberland.schaan');
    expect(vaduz.length).toBeGreaterThan(2);
    expect(schaan.length).toBeGreaterThan(0);

    const inspect = async (who: string, place: PlaceOut, failDropOff: boolean): Promise<string[]> => {
      const res = await call(who, 'POST', '/inspections', { placeId: place.id, templateId: campusId, answers: campusAnswers(failDropOff), position: { lon: place.location[0], lat: place.location[1] } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().hazardIds;
    };
    // Day 1 (UTC and local): two Vaduz schools, one with a hazard; 22:30 UTC is already day 2 in Vaduz.
    const [hazard] = await inspect('vaduzInspector', vaduz[0]!, true);
    // Sessions lapse over the jumps of the clock: sign in again after each.
    now = new Date('2026-04-01T22:30:00.000Z');
    cookies.clear();
    await inspect('vaduzInspector', vaduz[1]!, true);
    // Day 3: Schaan; the first hazard fixed and verified rectified.
    now = new Date('2026-04-03T10:00:00.000Z');
    cookies.clear();
    await inspect('oberlandInspector', schaan[0]!, false);
    expect((await call('vaduzUnit', 'POST', `/hazards/${hazard}/actions`, { action: 'submit', fixNote: 'Drop-off bay marked' })).statusCode).toBe(200);
    expect((await call('vaduzInspector', 'POST', `/hazards/${hazard}/actions`, { action: 'verify', note: 'Seen in place' })).statusCode).toBe(200);
    // After the missed time, the rest are missed.
    now = new Date(Date.parse(campaign.missedAt) + 2 * DAY);
    expect(await markMissed(t.app.platform.command)).toBeGreaterThan(0);
    cookies.clear();

    const assignmentsUnder = (path: string) => rows<{ status: string; done_at: Date | null; missed_at: Date; inspection_id: string | null }>(t.app.platform.db,
      sql`select status, done_at, missed_at, inspection_id from campaign_assignments where campaign_id = ${campaign.id} and jurisdiction_path <@ ${path}::ltree`);
    const hazardsOf = (inspectionIds: string[]) => inspectionIds.length === 0 ? Promise.resolve([]) : rows<{ raised_at: Date; verified_at: Date | null }>(t.app.platform.db,
      sql`select raised_at, verified_at from hazards where inspection_id in (${sql.join(inspectionIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
    const expected = async (path: string) => {
      const a = (await assignmentsUnder(path)).map((r) => ({ ...r, done_at: r.done_at && new Date(r.done_at), missed_at: new Date(r.missed_at) }));
      const h = (await hazardsOf(a.flatMap((r) => r.inspection_id ? [r.inspection_id] : []))).map((r) => ({ raised_at: new Date(r.raised_at), verified_at: r.verified_at && new Date(r.verified_at) }));
      return recompute(a, h, new Date(campaign.startsAt), new Date(campaign.missedAt));
    };

    const whole = await call('admin', 'GET', `/campaigns/${campaign.id}/progress?timeZone=${encodeURIComponent(TZ)}`);
    expect(whole.statusCode, whole.body).toBe(200);
    const progress: CampaignProgress = whole.json();
    expect(progress).toMatchObject({ campaignId: campaign.id, path: 'li.oberland', timeZone: TZ, total: campaign.assignments });
    expect(progress.days).toEqual(await expected('li.oberland'));
    // The scenario shows in it: the late inspection on the local day 2, one hazard rectified on day 3.
    expect(progress.days.slice(0, 3).map((d) => [d.date, d.inspected, d.hazardsFound, d.hazardsRectified])).toEqual([
      ['2026-04-01', 1, 1, 0], ['2026-04-02', 1, 1, 0], ['2026-04-03', 1, 0, 1],
    ]);
    const coverage = (await call('admin', 'GET', `/campaigns/${campaign.id}/coverage`)).json();
    expect(progress.days.at(-1)).toMatchObject({ inspectedToDate: coverage.inspected, missedToDate: coverage.missed, hazardsOpen: 1 });
    expect(coverage.missed).toBeGreaterThan(0);

    // Vaduz's inspector sees Vaduz's part only; in UTC the late inspection falls on day 1.
    const mine: CampaignProgress = (await call('vaduzInspector', 'GET', `/campaigns/${campaign.id}/progress?timeZone=${encodeURIComponent(TZ)}`)).json();
    expect(mine.path).toBe('li.oberland.vaduz');
    expect(mine.days).toEqual(await expected('li.oberland.vaduz'));
    const utc: CampaignProgress = (await call('admin', 'GET', `/campaigns/${campaign.id}/progress`)).json();
    expect(utc).toMatchObject({ timeZone: 'UTC' });
    expect(utc.days[0]).toMatchObject({ date: '2026-04-01', inspected: 2, hazardsFound: 2 });

    const schaanId = (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id;
    expect((await call('vaduzInspector', 'GET', `/campaigns/${campaign.id}/progress?jurisdictionId=${schaanId}`)).statusCode).toBe(404);
    const bad = await call('admin', 'GET', `/campaigns/${campaign.id}/progress?timeZone=Mars%2FOlympus`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.timeZone');
  });
});
