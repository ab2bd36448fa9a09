import { createHash } from 'node:crypto';
import type { CoverageNodeShape } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { createUser, jurisdictionByPath, login, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { markMissed } from './index.js';

const DAY = 86_400_000;
interface PlaceOut { id: string; name: string; category: string; jurisdictionPath: string; location: [number, number] }

/** Answers to the campus checklist: everything passes except the items named. */
function campusAnswers(failing: Record<string, string> = {}) {
  const yesNo = ['visitor_control', 'perimeter_intact', 'pickup_procedure', 'structure_sound', 'railings_windows', 'playground_safe', 'chemicals_locked', 'emergency_plan', 'drills_held', 'first_aid', 'crossing_safe'];
  return [
    ...yesNo.map((itemKey) => ({ itemKey, value: itemKey in failing ? 'fail' : 'pass', ...(failing[itemKey] ? { note: failing[itemKey] } : {}) })),
    { itemKey: 'drop_off', value: 'drop_off' in failing ? 'on street, unsupervised' : 'separate bay' },
  ];
}

function expectRollUpSums(n: CoverageNodeShape): void {
  for (const k of ['total', 'inspected', 'missed'] as const) {
    expect(n[k], `${n.path} ${k}`).toBe(n.own[k] + n.below[k] + n.children.reduce((s, c) => s + c[k], 0));
    expect(n[k], `${n.path} ${k} by category`).toBe(Object.values(n.byCategory).reduce((s, c) => s + c[k], 0));
  }
  n.children.forEach(expectRollUpSums);
}
const find = (n: CoverageNodeShape, path: string): CoverageNodeShape | undefined => n.path === path ? n : n.children.map((c) => find(c, path)).find(Boolean);

describe('checklists, inspections and campaigns over the demo country', () => {
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
  const count = async (table: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
  let places: PlaceOut[];
  let campus: { id: string };
  let road: { id: string };
  const school = (path: string, i = 0) => places.filter((p) => p.category === 'school' && p.jurisdictionPath === path).sort((a, b) => a.id.localeCompare(b.id))[i]!;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const [name, role, path] of [['vaduzInspector', 'inspector', 'li.oberland.vaduz'], ['vaduzUnit', 'unit_member', 'li.oberland.vaduz'], ['oberlandCommander', 'commander', 'li.oberland'], ['eschenInspector', 'inspector', 'li.unterland.eschen']] as const) {
      users[name] = await createUser(t.app, role, path);
    }
    places = (await call('admin', 'GET', '/places?limit=500')).json().items;
    const checklists = (await call('admin', 'GET', '/checklists')).json();
    campus = checklists.find((c: { key: string }) => c.key === 'campus_safety');
    road = checklists.find((c: { key: string }) => c.key === 'road_traffic_safety');
  }, 120_000);
  afterAll(async () => t?.close());

  it('starts with the four starter checklists, and versions a republished one', async () => {
    const forSchools = (await call('vaduzInspector', 'GET', '/checklists?category=school')).json();
    expect(forSchools.map((c: { key: string; version: number }) => `${c.key} v${c.version}`).sort()).toEqual(['campus_safety v1', 'fire_safety v1']);
    const def = { ...campus, sections: campus && (await call('admin', 'GET', `/checklists/${campus.id}`)).json().sections };
    const { id: _id, version: _v, createdAt: _c, latest: _l, ...body } = def as Record<string, unknown>;
    expect((await call('oberlandCommander', 'POST', '/checklists', body)).statusCode).toBe(403);
    const v2 = await call('admin', 'POST', '/checklists', { ...body, title: 'Campus safety (2026 revision)' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ key: 'campus_safety', version: 2, latest: true });
    const all = (await call('admin', 'GET', '/checklists?category=school&all=true')).json();
    expect(all.filter((c: { key: string }) => c.key === 'campus_safety').map((c: { version: number; latest: boolean }) => [c.version, c.latest])).toEqual([[2, true], [1, false]]);
  });

  it('records an inspection: score, hazards from failed items by severity, distance from the place', async () => {
    const place = school('li.oberland.vaduz');
    const res = await call('vaduzInspector', 'POST', '/inspections', {
      placeId: place.id, templateId: campus.id,
      answers: campusAnswers({ railings_windows: 'Second-floor window opens fully', drop_off: '' }),
      position: { lon: place.location[0], lat: place.location[1], accuracyM: 8 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const inspection = res.json();
    expect(inspection).toMatchObject({ score: 16, maxScore: 19, scorePercent: 84.2, failedItems: ['railings_windows', 'drop_off'], distanceM: 0, farFromPlace: false, templateKey: 'campus_safety', templateVersion: 1 });
    expect(inspection.hazardIds).toHaveLength(2);
    const raised = await Promise.all(inspection.hazardIds.map(async (id: string) => (await call('vaduzUnit', 'GET', `/hazards/${id}`)).json()));
    expect(raised.map((h) => [h.checklistItemKey, h.grade, h.state, h.inspectionId]).sort()).toEqual([
      ['drop_off', 'general', 'open', inspection.id],
      ['railings_windows', 'major', 'open', inspection.id],
    ]);
    const far = await call('vaduzInspector', 'POST', '/inspections', { placeId: place.id, templateId: campus.id, answers: campusAnswers(), position: { lon: place.location[0] + 0.03, lat: place.location[1] } });
    expect(far.json().farFromPlace).toBe(true);
    expect(far.json().distanceM).toBeGreaterThan(2000);
    const flagged = (await call('vaduzInspector', 'GET', '/inspections?farFromPlace=true')).json().items.map((i: { id: string }) => i.id);
    expect(flagged).toEqual([far.json().id]);
  });

  it('keeps photos and documents of an inspection within type and size limits, with their sha256', async () => {
    const place = school('li.oberland.vaduz');
    const inspection = (await call('vaduzInspector', 'POST', '/inspections', { placeId: place.id, templateId: campus.id, answers: campusAnswers() })).json();
    const pdf = Buffer.from('%PDF-1.4\n% a re-inspection report\n%%EOF\n');
    const attach = (who: string, payload: object) => call(who, 'POST', `/inspections/${inspection.id}/attachments`, { filename: 'report.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64'), ...payload });
    const stored = await count('inspection_attachments');
    const big = await attach('vaduzInspector', { contentBase64: Buffer.concat([pdf, Buffer.alloc(600 * 1024)]).toString('base64') });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'UPLOAD_TOO_LARGE', errors: [{ path: 'body.contentBase64' }] });
    const exe = await attach('vaduzInspector', { filename: 'x.exe', mediaType: 'application/x-msdownload', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'UPLOAD_TYPE_NOT_ALLOWED', errors: [{ path: 'body.mediaType' }] });
    expect((await attach('vaduzInspector', { mediaType: 'image/png' })).statusCode).toBe(415);
    expect((await attach('vaduzUnit', {})).statusCode).toBe(403);
    expect(await count('inspection_attachments')).toBe(stored);
    const ok = await attach('vaduzInspector', { itemKey: 'emergency_plan' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ itemKey: 'emergency_plan', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    const content = await call('vaduzUnit', 'GET', `/inspections/${inspection.id}/attachments/${ok.json().id}/content`);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses an inspection out of scope, with the wrong checklist or bad answers, storing nothing', async () => {
    const before = [await count('inspections'), await count('hazards')];
    const schaan = school('li.oberland.schaan');
    const inSchaan = await call('vaduzInspector', 'POST', '/inspections', { placeId: schaan.id, templateId: campus.id, answers: campusAnswers({ structure_sound: 'x' }) });
    expect(inSchaan.statusCode).toBe(400);
    expect(inSchaan.json().errors[0].path).toBe('body.placeId');
    const vaduz = school('li.oberland.vaduz');
    expect((await call('vaduzUnit', 'POST', '/inspections', { placeId: vaduz.id, templateId: campus.id, answers: campusAnswers() })).statusCode).toBe(403);
    const wrongList = await call('vaduzInspector', 'POST', '/inspections', { placeId: vaduz.id, templateId: road.id, answers: campusAnswers() });
    expect(wrongList.json().errors[0]).toEqual({ path: 'body.templateId', message: 'road_traffic_safety is not a checklist for a school' });
    const answers = campusAnswers({ first_aid: 'x' }).filter((a) => a.itemKey !== 'drills_held');
    answers[0] = { itemKey: 'visitor_control', value: 'maybe' };
    const bad = await call('vaduzInspector', 'POST', '/inspections', { placeId: vaduz.id, templateId: campus.id, answers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.answers.0.value', 'body.answers']);
    expect([await count('inspections'), await count('hazards')]).toEqual(before);
  });

  it('covers exactly the places in scope of a national campaign, rolls coverage up the tree, and marks the missed', async () => {
    const li = await jurisdictionByPath(t.app, 'li');
    const categories = ['school', 'kindergarten', 'fuel_station'];
    const issued = await call('admin', 'POST', '/campaigns', { title: 'Spring safety campaign', jurisdictionId: li.id, categories, startsAt: new Date(now.getTime() - 3_600_000).toISOString(), endsAt: new Date(now.getTime() + 30 * DAY).toISOString() });
    expect(issued.statusCode, issued.body).toBe(201);
    const campaign = issued.json();
    const inScope = places.filter((p) => categories.includes(p.category));
    expect(campaign.assignments).toBe(inScope.length);
    const assigned: string[] = [];
    for (let cursor: string | null = null, page = 0; page < 10; page++) {
      const body: { items: { placeId: string }[]; nextCursor: string | null } = (await call('admin', 'GET', `/campaigns/${campaign.id}/assignments?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).json();
      assigned.push(...body.items.map((a) => a.placeId));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(assigned.sort()).toEqual(inScope.map((p) => p.id).sort());

    const inspect = async (who: string, place: PlaceOut, templateId: string, answers: object[]) => {
      const res = await call(who, 'POST', '/inspections', { placeId: place.id, templateId, answers, position: { lon: place.location[0], lat: place.location[1] } });
      expect(res.statusCode, res.body).toBe(201);
    };
    await inspect('vaduzInspector', school('li.oberland.vaduz', 0), campus.id, campusAnswers());
    await inspect('vaduzInspector', school('li.oberland.vaduz', 0), campus.id, campusAnswers());
    await inspect('vaduzInspector', school('li.oberland.vaduz', 1), campus.id, campusAnswers());
    await inspect('eschenInspector', school('li.unterland.eschen', 0), campus.id, campusAnswers());

    const tree: CoverageNodeShape = (await call('admin', 'GET', `/campaigns/${campaign.id}/coverage`)).json();
    expect(tree).toMatchObject({ path: 'li', total: inScope.length, inspected: 3, missed: 0 });
    expectRollUpSums(tree);
    expect(tree.children.map((c) => c.path)).toEqual(['li.oberland', 'li.unterland']);
    expect(find(tree, 'li.oberland.vaduz')!.byCategory.school).toEqual({ total: places.filter((p) => p.category === 'school' && p.jurisdictionPath === 'li.oberland.vaduz').length, inspected: 2, missed: 0 });
    expect(find(tree, 'li.unterland')!.inspected).toBe(1);
    const cut: CoverageNodeShape = (await call('admin', 'GET', `/campaigns/${campaign.id}/coverage?depth=0`)).json();
    expect(cut).toMatchObject({ path: 'li', total: tree.total, inspected: 3, children: [], below: { total: tree.total, inspected: 3 } });
    expect(cut.byCategory).toEqual(tree.byCategory);

    // The Vaduz inspector sees the national campaign, but only Vaduz's part of it.
    const mine: CoverageNodeShape = (await call('vaduzInspector', 'GET', `/campaigns/${campaign.id}/coverage`)).json();
    expect(mine).toMatchObject({ path: 'li.oberland.vaduz', total: inScope.filter((p) => p.jurisdictionPath === 'li.oberland.vaduz').length, inspected: 2 });
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    expect((await call('vaduzInspector', 'GET', `/campaigns/${campaign.id}/coverage?jurisdictionId=${schaan.id}`)).statusCode).toBe(404);

    const csv = (await call('admin', 'GET', `/campaigns/${campaign.id}/report.csv`));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads the Chinese words as UTF-8').toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('jurisdiction_path,jurisdiction,category,in_scope,inspected,missed,pending,coverage_percent');
    expect(lines[1]).toBe(`li,Liechtenstein,all,${inScope.length},3,0,${inScope.length - 3},${((300) / inScope.length).toFixed(1)}`);

    now = new Date(now.getTime() + 40 * DAY);
    const [first, second] = await Promise.all([markMissed(t.app.platform.command), markMissed(t.app.platform.command)]);
    expect(first! + second!).toBe(inScope.length - 3);
    expect(await markMissed(t.app.platform.command)).toBe(0);
    cookies.clear();
    await inspect('vaduzInspector', school('li.oberland.vaduz', 2), campus.id, campusAnswers());
    const after: CoverageNodeShape = (await call('admin', 'GET', `/campaigns/${campaign.id}/coverage`)).json();
    expect(after).toMatchObject({ total: inScope.length, inspected: 3, missed: inScope.length - 3 });
    expectRollUpSums(after);
  });

  it('issues a campaign for part of a subtree only, and refuses scope outside the issuer', async () => {
    const [oberland, vaduz, schaan, eschen] = [
      await jurisdictionByPath(t.app, 'li.oberland'), await jurisdictionByPath(t.app, 'li.oberland.vaduz'),
      await jurisdictionByPath(t.app, 'li.oberland.schaan'), await jurisdictionByPath(t.app, 'li.unterland.eschen'),
    ];
    const base = { title: 'Fuel and schools, two towns', jurisdictionId: oberland.id, categories: ['school', 'fuel_station'], startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 10 * DAY).toISOString() };
    const outside = await call('oberlandCommander', 'POST', '/campaigns', { ...base, scopeJurisdictionIds: [vaduz.id, eschen.id] });
    expect(outside.json().errors[0].path).toBe('body.scopeJurisdictionIds.1');
    const dates = await call('oberlandCommander', 'POST', '/campaigns', { ...base, endsAt: base.startsAt });
    expect(dates.json().errors[0].path).toBe('body.endsAt');
    const res = await call('oberlandCommander', 'POST', '/campaigns', { ...base, scopeJurisdictionIds: [vaduz.id, schaan.id] });
    expect(res.statusCode, res.body).toBe(201);
    const expected = places.filter((p) => ['school', 'fuel_station'].includes(p.category) && ['li.oberland.vaduz', 'li.oberland.schaan'].includes(p.jurisdictionPath));
    expect(res.json()).toMatchObject({ scopePaths: ['li.oberland.schaan', 'li.oberland.vaduz'], assignments: expected.length });
    const tree: CoverageNodeShape = (await call('oberlandCommander', 'GET', `/campaigns/${res.json().id}/coverage`)).json();
    expect(tree.children.map((c) => c.path)).toEqual(['li.oberland.schaan', 'li.oberland.vaduz']);
    expectRollUpSums(tree);
    expect((await call('eschenInspector', 'GET', `/campaigns/${res.json().id}`)).statusCode).toBe(404);
  });

  it('orders places by a documented risk score and reports hazards and coverage as CSV and a printable page, in the reader\'s language', async () => {
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const ranked = (await call('vaduzInspector', 'GET', `/risk/places?jurisdictionId=${vaduz.id}&limit=500`)).json();
    expect(ranked).toHaveLength(places.filter((p) => p.jurisdictionPath === 'li.oberland.vaduz').length);
    const scores = ranked.map((r: { risk: { score: number } }) => r.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The school inspected 40 days ago with a failed major and a failed general item, both now overdue.
    const worst = school('li.oberland.vaduz');
    expect(ranked[0]).toMatchObject({ placeId: worst.id, openMajor: 1, openGeneral: 1, overdue: 2,
      risk: { score: 62.2, category: 15, majorHazards: 20, generalHazards: 5, overdue: 20, inspectionAge: 2.2 } });
    const hospital = ranked.find((r: { category: string }) => r.category === 'hospital');
    expect(hospital).toMatchObject({ lastInspectedAt: null, risk: { score: 40, inspectionAge: 20 } });
    expect((await call('vaduzInspector', 'GET', `/risk/places/${worst.id}`)).json().risk.score).toBe(62.2);
    expect((await call('vaduzInspector', 'GET', '/risk/places?category=castle')).json().errors[0].path).toBe('query.category');

    const li = await jurisdictionByPath(t.app, 'li');
    const period = `from=${new Date(now.getTime() - 60 * DAY).toISOString()}&to=${now.toISOString()}`;
    const report = (await call('admin', 'GET', `/hazards/report?jurisdictionId=${li.id}&${period}`)).json();
    expect(report.rows).toEqual([{ jurisdictionPath: 'li.oberland', name: 'Wahlkreis Oberland', found: 2, foundMajor: 1, fixed: 0, open: 2, overdue: 2 }]);
    expect(report.total).toMatchObject({ jurisdictionPath: 'li', found: 2, overdue: 2 });
    const csv = await call('admin', 'GET', `/hazards/report.csv?jurisdictionId=${li.id}&${period}`);
    expect(csv.body.trim().split('\r\n')).toEqual([
      'jurisdiction_path,jurisdiction,found,found_major,fixed,open,overdue',
      'li.oberland,Wahlkreis Oberland,2,1,0,2,2',
      'li,Liechtenstein (total),2,1,0,2,2',
    ]);
    const printable = await call('admin', 'GET', `/hazards/report.html?jurisdictionId=${li.id}&${period}`);
    expect(printable.headers['content-type']).toContain('text/html');
    expect(printable.body).toContain('<h1>Hazards — Liechtenstein</h1>');
    expect(printable.body).toContain('2 overdue of 2 open.');
    expect(printable.body).toContain('<td>Wahlkreis Oberland</td><td>2</td><td>1</td><td>0</td><td>2</td><td>2</td>');
    expect(printable.body).not.toContain('li.oberland');

    // In the reader's language and zone: words in Chinese, jurisdictions by their Chinese name where one is on record.
    // The demo table gives every demo jurisdiction its zh-CN name: Oberland's is taken away to see the fallback to the name on record.
    await rows(t.app.platform.db, sql`update jurisdictions set names = names || '{"zh": "列支敦士登"}'::jsonb where path = 'li'`);
    await rows(t.app.platform.db, sql`update jurisdictions set names = names - 'zh-CN' - 'zh' - 'zh-Hans' where path = 'li.oberland'`);
    const zh = `lang=zh-CN&timeZone=Asia%2FShanghai`;
    const zhPage = await call('admin', 'GET', `/hazards/report.html?jurisdictionId=${li.id}&${period}&${zh}`);
    expect(zhPage.body).toContain('<html lang="zh-CN">');
    expect(zhPage.body).toContain('<h1>隐患统计 — 列支敦士登</h1>');
    expect(zhPage.body).toContain('未整改 2 项，其中逾期 2 项');
    expect((await call('admin', 'GET', `/hazards/report.csv?jurisdictionId=${li.id}&${period}&${zh}`)).body.trim().split('\r\n')).toEqual([
      '辖区路径,辖区,发现,其中重大,已整改,未整改,逾期',
      'li.oberland,Wahlkreis Oberland,2,1,0,2,2',
      'li,列支敦士登（合计）,2,1,0,2,2',
    ]);
    for (const [bad, field] of [['lang=fr', 'query.lang'], ['timeZone=Mars%2FOlympus', 'query.timeZone']] as const) {
      const refused = await call('admin', 'GET', `/hazards/report.html?jurisdictionId=${li.id}&${period}&${bad}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].path).toBe(field);
    }

    const campaign = (await call('admin', 'GET', '/campaigns')).json().find((c: { title: string }) => c.title === 'Spring safety campaign');
    const page = await call('admin', 'GET', `/campaigns/${campaign.id}/report.html`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>Spring safety campaign</h1>');
    expect(page.body).toContain(`3 of ${campaign.assignments.toLocaleString('en')} places inspected`);
    expect(page.body).toContain('Issued by Liechtenstein');
    const zhCoverage = await call('admin', 'GET', `/campaigns/${campaign.id}/report.html?${zh}`);
    expect(zhCoverage.body).toContain('<html lang="zh-CN">');
    expect(zhCoverage.body).toContain('发起单位 列支敦士登');
    expect(zhCoverage.body).toContain(`列支敦士登覆盖情况：已检查 3 / ${campaign.assignments.toLocaleString('zh-CN')} 处`);
    expect(zhCoverage.body).not.toMatch(/Issued|Inspected|>li\./);
    const zhCsv = (await call('admin', 'GET', `/campaigns/${campaign.id}/report.csv?${zh}`)).body.trim().split('\r\n');
    expect(zhCsv[0]).toBe('辖区路径,辖区,类别,范围内,已检查,漏检,待检查,覆盖率');
    expect(zhCsv[1]).toMatch(/^li,列支敦士登,all,/);
    const refused = await call('admin', 'GET', `/campaigns/${campaign.id}/report.csv?lang=de`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('query.lang');
  });
});
