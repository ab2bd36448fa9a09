import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { DEMO_CAMPAIGN_TITLE, ensureDemoCampaign } from './index.js';

/**
 * A newcomer inspector on the demo world: inspections are recorded from a campaign's assignments
 * (web: Campaigns → the campaign → Inspect), and the demo world had none, so the inspector's main
 * screen was empty until a commander issued one. The first start now issues one (world.ts).
 */
describe('the demo world holds an inspection campaign for the municipalities\' inspectors', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const ok = (...a: Parameters<Cast['ok']>) => cast.ok(...a);

  beforeAll(async () => {
    t = await startTestApp();
    await cast.add('inspector', 'inspector', 'li.oberland.vaduz');
  }, 180_000);
  afterAll(async () => t?.close());

  it('is issued once, over the schools and kindergartens, and a Vaduz inspector inspects one of Vaduz\'s from it', { timeout: 120_000 }, async () => {
    const issued = await ensureDemoCampaign(t.app.platform.command);
    expect(issued).toMatchObject({ title: DEMO_CAMPAIGN_TITLE, issuerPath: 'li', categories: ['kindergarten', 'school'] });
    expect(await ensureDemoCampaign(t.app.platform.command)).toBeNull();
    const [places] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from places where category in ('school', 'kindergarten')`);
    expect(issued!.assignments).toBe(places!.n);

    const listed = await ok('inspector', 'GET', '/campaigns');
    expect(listed.map((c: { id: string }) => c.id)).toEqual([issued!.id]);
    const assignments = await ok('inspector', 'GET', `/campaigns/${issued!.id}/assignments`);
    const items: { placeId: string; jurisdictionPath: string; category: string; status: string }[] = Array.isArray(assignments) ? assignments : assignments.items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((a) => a.jurisdictionPath))).toEqual(new Set(['li.oberland.vaduz']));

    // The starter campus checklist (docs/checklists.md), answered all well: the assignment is done.
    const school = items.find((a) => a.category === 'school')!;
    const campus = ((await ok('inspector', 'GET', '/checklists?category=school')) as { id: string; key: string }[]).find((c) => c.key === 'campus_safety')!;
    const yesNo = ['visitor_control', 'perimeter_intact', 'pickup_procedure', 'structure_sound', 'railings_windows', 'playground_safe', 'chemicals_locked', 'emergency_plan', 'drills_held', 'first_aid', 'crossing_safe'];
    const answers = [...yesNo.map((itemKey) => ({ itemKey, value: 'pass' })), { itemKey: 'drop_off', value: 'separate bay' }];
    const res = await cast.call('inspector', 'POST', '/inspections', { placeId: school.placeId, templateId: campus.id, answers });
    expect(res.statusCode, res.body).toBe(201);
    const after = await ok('inspector', 'GET', `/campaigns/${issued!.id}/assignments`);
    const done = (Array.isArray(after) ? after : after.items).find((a: { placeId: string }) => a.placeId === school.placeId);
    expect(done).toMatchObject({ status: 'done', inspectionId: res.json().id });
  });
});
