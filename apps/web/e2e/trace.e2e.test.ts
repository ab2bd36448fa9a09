import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepResponseClocks } from '../../server/src/modules/incidents/index.js';
import { rows } from '../../server/src/platform/db/client.js';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, platformOf, screenshot, shiftClock, signIn, startE2E, type E2E } from './harness.js';
import { parse as parseCsv } from 'csv-parse/sync';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UUID_URL = /\/supervision\/[0-9a-f-]{36}$/;

interface PlaceRow { id: string; name: string; location: [number, number] }

/** Signs in through the login screen for a role without the operations map (the map waits in `signIn`). */
async function signInWithoutMap(e: E2E, user: { username: string; password: string }): Promise<void> {
  const { page } = e;
  await page.context().clearCookies();
  await page.goto(`${e.base}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}


/** A key place by the first id matching `where` (the template's places come from map data: found, not assumed). */
const placeWhere = async (e: E2E, where: ReturnType<typeof sql>): Promise<PlaceRow> => {
  const [p] = await rows<{ id: string }>(platformOf(e).db, sql`select id from places where ${where} order by id limit 1`);
  expect(p, 'a key place in the template').toBeDefined();
  return (await e.api(await e.adminCookie(), 'GET', `/places/${p!.id}`)).json as PlaceRow;
};

const linesOf = (page: Page, section: string) => page.locator(`[data-testid="trace-line"][data-section="${section}"]`);

describe.skipIf(!chromiumPresent)('command center: supervision visits and the accountability trace', () => {
  let e: E2E;
  let inspector: TestUser;
  let commander: TestUser;

  beforeAll(async () => {
    e = await startE2E();
    inspector = await e.user('inspector', 'li.oberland');
    commander = await e.user('commander', 'li');
  });
  afterAll(async () => {
    if (e) shiftClock(e, 0);
    await e?.close();
  });

  it('a supervisor records a visit of a place with a finding and a correction, and the correction is a hazard at the place', async () => {
    const { page } = e;
    // Outside Vaduz (where the trace below looks), with a name no other place has, so the search finds just it.
    const place = await placeWhere(e, sql`jurisdiction_path <@ 'li.oberland'::ltree and not jurisdiction_path <@ 'li.oberland.vaduz'::ltree and length(name) >= 3
      and (select count(*) from places same where same.name = places.name) = 1`);
    await signInWithoutMap(e, inspector);
    await page.goto(`${e.base}/supervision`);
    await page.getByTestId('visit-new').click();
    const form = page.getByTestId('visit-form');
    await form.waitFor();
    // Nothing chosen yet: the form's own checks name the fields before any round trip.
    await page.getByTestId('visit-form-submit').click();
    await expect.poll(() => form.textContent()).toContain('Required');

    await page.getByTestId('visit-form-place').fill(place.name);
    await page.getByRole('option').filter({ hasText: place.name }).first().click();
    await page.getByTestId('visit-form-summary').fill('Walked the building with the head teacher.');
    await page.getByTestId('visit-form-add-finding').click();
    await page.getByTestId('visit-form-finding-0-description').fill('The fire exit at the back is blocked by furniture.');
    await page.getByLabel('Requires a correction').check();
    await page.getByTestId('visit-form-finding-0-title').fill('Clear the back fire exit');
    // A visit in the future passes the form's checks; the server refuses it under its field.
    await page.getByTestId('visit-form-visited-at').fill('2099-01-01T12:00');
    await page.getByTestId('visit-form-submit').click();
    await expect.poll(() => form.textContent()).toContain('must not be in the future');
    expect(page.url()).toMatch(/\/supervision$/);
    await screenshot(page, '70-visit-form-field-error');

    await page.getByTestId('visit-form-visited-at').fill('');
    await page.getByTestId('visit-form-summary').press('Control+Enter');
    await page.waitForURL(UUID_URL);
    const visitId = page.url().split('/').at(-1)!;
    const detail = page.locator(`[data-testid="visit-detail"][data-id="${visitId}"]`);
    await detail.waitFor();
    const correction = detail.getByTestId('visit-correction');
    await expect.poll(() => correction.getAttribute('data-state')).toBe('open');
    expect(await correction.textContent()).toContain('Clear the back fire exit');
    const row = page.locator(`[data-testid="visit-row"][data-id="${visitId}"]`);
    await expect.poll(() => row.getByTestId('visit-owed-count').getAttribute('data-count')).toBe('1');
    await screenshot(page, '71-visit-detail');
    // The list filters by subject kind: no task visits, this place visit among the place ones.
    const filterBy = async (label: string) => {
      await page.getByTestId('visit-filter').click();
      await page.getByRole('option', { name: label, exact: true }).click();
    };
    await filterBy('Task');
    await page.getByTestId('supervision').getByText('No supervision visits').waitFor();
    expect(await page.getByTestId('visit-row').count()).toBe(0);
    await filterBy('Place');
    await row.waitFor();

    // The API agrees: the visit's correction is a hazard record at the place, raised by this visit.
    const visit = (await e.api(inspector.cookie, 'GET', `/supervision/visits/${visitId}`)).json;
    expect(visit).toMatchObject({ subjectType: 'place', subjectId: place.id, summary: 'Walked the building with the head teacher.' });
    const hazardId = visit.findings[0].correction.hazardId as string;
    expect(await correction.getAttribute('data-hazard-id')).toBe(hazardId);
    const hazard = (await e.api(inspector.cookie, 'GET', `/hazards/${hazardId}`)).json;
    expect(hazard).toMatchObject({ placeId: place.id, supervisionVisitId: visitId, state: 'open', grade: 'general', title: 'Clear the back fire exit' });

    // ... and the place's own page lists it among its open hazards.
    await detail.getByTestId('visit-place-link').click();
    await page.locator(`[data-testid="place-detail"][data-id="${place.id}"]`).waitFor();
    await expect.poll(() => page.getByTestId('place-hazards').textContent()).toContain('Clear the back fire exit');
    await screenshot(page, '72-visit-correction-on-place');
    expect(e.pageErrors).toEqual([]);
  });

  it('a commander traces an incident whose tiers were missed near a place with an overdue hazard, follows an audit link and exports the same lines', async () => {
    const { page } = e;
    const school = await placeWhere(e, sql`jurisdiction_path = 'li.oberland.vaduz'::ltree and category = 'school'`);
    // Seeded in the past: a hazard raised 20 days ago (past its deadline by the incident), then
    // an incident at the school 10 days ago whose every tier was missed an hour later.
    shiftClock(e, -20 * DAY);
    const raised = await e.api(inspector.cookie, 'POST', '/hazards', { placeId: school.id, grade: 'general', title: 'Sprinkler valve closed' });
    expect(raised.status, JSON.stringify(raised.json)).toBe(201);
    shiftClock(e, -10 * DAY);
    const created = await e.api(commander.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: school.location, address: 'School yard' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    shiftClock(e, -10 * DAY + HOUR);
    await sweepResponseClocks(platformOf(e).command);
    shiftClock(e, 0);
    const hazardId = raised.json.id as string;
    const incidentId = created.json.id as string;

    await page.context().clearCookies();
    await signIn(e, commander);
    await page.goto(`${e.base}/incidents/${incidentId}`);
    await page.getByTestId('incident-detail').waitFor();
    await page.getByTestId('incident-trace').click();
    await page.waitForURL(/\/accountability\?incidentId=/);
    const trace = page.locator(`[data-testid="trace"][data-id="${incidentId}"]`);
    await trace.waitFor();

    const api = (await e.api(commander.cookie, 'GET', `/accountability/trace?incidentId=${incidentId}`)).json;
    expect(api.tiers.map((x: { tier: number }) => x.tier)).toEqual([1, 2, 3]);
    const apiHazard = api.hazards.find((h: { id: string }) => h.id === hazardId);
    expect(apiHazard).toMatchObject({ state: 'open', overdueSince: raised.json.dueAt });
    // The page shows exactly the API's lines, section by section, with their counts.
    const expected: Record<string, string[]> = {
      tiers: api.tiers.map((x: { incidentId: string }) => x.incidentId),
      hazards: api.hazards.map((x: { id: string }) => x.id),
      tasks: api.tasks.map((x: { id: string }) => x.id),
      directives: api.directives.map((x: { directiveId: string }) => x.directiveId),
      posts: api.posts.map((x: { postId: string }) => x.postId),
    };
    for (const [section, ids] of Object.entries(expected)) {
      expect(await page.getByTestId(`trace-${section}`).getAttribute('data-count')).toBe(String(ids.length));
      const shown = await linesOf(page, section).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
      expect(shown.sort(), section).toEqual([...ids].sort());
    }
    const hazardLine = page.locator(`[data-testid="trace-line"][data-section="hazards"][data-id="${hazardId}"]`);
    expect(await hazardLine.getAttribute('data-overdue')).toBe('true');
    expect(await hazardLine.textContent()).toContain('Sprinkler valve closed');
    expect(await hazardLine.textContent()).toContain('overdue since');
    expect(await linesOf(page, 'tiers').first().textContent()).toContain('Missed');
    await screenshot(page, '73-accountability-trace');

    // Every line links to its audit entries: the hazard's, with the ones the line cites listed.
    await hazardLine.getByTestId('trace-audit-link').click();
    await page.waitForURL(new RegExp(`/accountability/audit/hazard/${hazardId}`));
    const audit = page.getByTestId('audit-entries');
    await audit.waitFor();
    await page.locator('[data-testid="audit-entry"][data-action="hazards.raised"]').waitFor();
    const cited = await page.getByTestId('audit-cited-ids').textContent();
    for (const id of apiHazard.auditIds as string[]) expect(cited).toContain(id);
    await screenshot(page, '74-trace-audit-entries');
    await page.goBack();
    await trace.waitFor();

    // The CSV export downloads the same lines, each with its audit entry ids.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trace-csv').click()]);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads UTF-8').toBe(true);
    const csv = parseCsv(file, { bom: true, relaxColumnCount: true }) as string[][];
    expect(csv[0]).toEqual(['section', 'id', 'jurisdiction_path', 'what', 'facts', 'audit_ids']);
    const singular: Record<string, string> = { tier: 'tiers', hazard: 'hazards', task: 'tasks', directive: 'directives', post: 'posts' };
    const fromCsv: Record<string, string[]> = { tiers: [], hazards: [], tasks: [], directives: [], posts: [] };
    for (const r of csv.slice(1)) fromCsv[singular[r[0]!]!]!.push(r[1]!);
    for (const [section, ids] of Object.entries(expected)) expect(fromCsv[section]!.sort(), section).toEqual([...ids].sort());
    const csvHazard = csv.find((r) => r[0] === 'hazard' && r[1] === hazardId)!;
    expect(csvHazard[5]!.split(' ')).toEqual(apiHazard.auditIds);
    // The printable report is the .html of the same trace.
    expect(await page.getByTestId('trace-html').getAttribute('href')).toBe(`/api/v1/accountability/trace.html?incidentId=${incidentId}&lang=en&timeZone=Europe%2FVaduz`);

    // An auditor follows the same link into the hash-chained trail itself, the cited entries marked.
    const auditor = await e.user('auditor', 'li');
    await page.context().clearCookies();
    await signIn(e, auditor);
    await page.goto(`${e.base}/accountability?incidentId=${incidentId}`);
    await page.locator(`[data-testid="trace-line"][data-section="hazards"][data-id="${hazardId}"]`).getByTestId('trace-audit-link').click();
    await page.getByTestId('audit-entries').waitFor();
    await expect.poll(() => page.locator('[data-testid="audit-entry"][data-cited="true"]').count()).toBe(apiHazard.auditIds.length);
    expect(await page.getByTestId('audit-history-note').count()).toBe(0);
    await screenshot(page, '75-trace-audit-entries-auditor');
    expect(e.pageErrors).toEqual([]);
  });
});
