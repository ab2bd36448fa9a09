import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, clickMapAt, mapReady, deviceToken, screenshot, signIn, sourceFeatures, startE2E, type E2E } from './harness.js';

/** Vaduz town centre: inside li.oberland.vaduz, on the road network, near the demo forces' stations. */
const VADUZ: [number, number] = [9.5215, 47.141];

describe.skipIf(!chromiumPresent)('command center: from a call on the map to units moving live', () => {
  let e: E2E;
  let dispatcher: TestUser;
  let incidentId: string;
  let sentUnitIds: string[];

  beforeAll(async () => {
    e = await startE2E();
    dispatcher = await e.user('dispatcher', 'li');
  });
  afterAll(async () => e?.close());

  it('logs in and opens on the live map with the demo forces on it', async () => {
    const { page } = e;
    await signIn(e, dispatcher);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state')).toBe('live');
    const units = (await e.api(dispatcher.cookie, 'GET', '/units?limit=500')).json.items as { id: string }[];
    expect(units.length).toBeGreaterThan(5);
    await expect.poll(async () => (await sourceFeatures(page, 'units')).length).toBe(units.length);
    await screenshot(page, '01-ops-map-board');
  });

  it('switches to Chinese and back, and remembers the choice across a reload', async () => {
    const { page } = e;
    const nav = page.getByRole('navigation');
    await expect.poll(() => nav.textContent()).toContain('Operations');
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => nav.textContent()).toContain('指挥作战');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await mapReady(page);
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('指挥作战');
    await expect.poll(async () => (await sourceFeatures(page, 'units')).length).toBeGreaterThan(5);
    await screenshot(page, '02-ops-zh-CN');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Operations');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('creates an incident by clicking the map', async () => {
    const { page } = e;
    await page.getByTestId('new-incident').click();
    await page.getByTestId('intake-panel').waitFor();
    await page.getByTestId('intake-type').fill('Fire');
    await page.getByRole('option', { name: 'Fire', exact: true }).click();
    await expect.poll(() => page.getByTestId('intake-priority-P1').isChecked()).toBe(true);
    await page.getByTestId('intake-narrative').fill('Smoke from the roof of a shop, people inside');
    await clickMapAt(page, VADUZ);
    await page.getByTestId('picked-marker').waitFor();
    await expect.poll(() => page.getByTestId('intake-jurisdiction').textContent()).toContain('Vaduz');
    // The picked point fills the address (the nearest key place's name, or the coordinates), editable.
    await expect.poll(() => page.getByTestId('intake-address').inputValue()).not.toBe('');
    const address = await page.getByTestId('intake-address').inputValue();
    await screenshot(page, '03-intake-map-pick');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentId = page.url().split('/').at(-1)!;
    const stored = (await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}`)).json;
    expect(stored).toMatchObject({ type: 'fire', priority: 'P1', state: 'open', jurisdictionPath: 'li.oberland.vaduz', address });
    expect(stored.location[0]).toBeCloseTo(VADUZ[0], 3);
    expect(stored.location[1]).toBeCloseTo(VADUZ[1], 3);
    await expect.poll(async () => (await sourceFeatures(page, 'incidents')).map((f) => f.id)).toContain(incidentId);
  });

  it('shows the recommendations with ETAs, the recommended set ticked', async () => {
    const { page } = e;
    const rows = page.getByTestId('recommendation');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    const selected = page.locator('[data-testid="recommendation"][data-selected="true"]');
    sentUnitIds = await selected.evaluateAll((els) => els.map((el) => el.getAttribute('data-unit-id')!));
    expect(sentUnitIds.length).toBeGreaterThan(0);
    // A fire: the first row is the run card's first engine, its ETA a clock, not "no route".
    expect(await rows.first().textContent()).toMatch(/\d+:\d\d/);
    await expect.poll(() => page.getByTestId('rings-legend').isVisible()).toBe(true);
    await screenshot(page, '04-incident-recommendations');
  });

  it('dispatches in one action, and the units turn "dispatched" on the map live', async () => {
    const { page } = e;
    await page.getByTestId('dispatch-button').click();
    await expect.poll(() => page.getByTestId('assignment').count()).toBe(sentUnitIds.length);
    const assignments = (await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}/assignments`)).json as { unitId: string; state: string }[];
    expect(assignments.map((a) => a.unitId).sort()).toEqual([...sentUnitIds].sort());
    const statusOnMap = async (id: string) => (await sourceFeatures(page, 'units')).find((f) => f.id === id)?.properties?.status;
    for (const id of sentUnitIds) await expect.poll(() => statusOnMap(id)).toBe('dispatched');
    await screenshot(page, '05-incident-dispatched');
  });

  it('meets tier 1 when the first unit responds, said in words on the clock', async () => {
    const { page } = e;
    const tier1 = page.getByTestId('tier-1');
    expect(await tier1.getAttribute('data-state')).toBe('running');
    await page.getByTestId('assignment').first().getByTestId('step-en_route').click();
    await expect.poll(() => tier1.getAttribute('data-state')).toBe('met');
    expect(await tier1.textContent()).toMatch(/met/i);
    await expect.poll(() => page.getByTestId('assignment').first().getAttribute('data-state')).toBe('en_route');
    await screenshot(page, '06-tier-met');
  });

  it('moves a unit on the map and in the unit board when its AVL device reports', async () => {
    const { page } = e;
    const unitId = sentUnitIds[0]!;
    const li = (await e.api(dispatcher.cookie, 'GET', '/jurisdictions')).json[0] as { id: string };
    const token = await deviceToken(e, li.id);
    const to: [number, number] = [VADUZ[0] - 0.004, VADUZ[1] + 0.002];
    const before = (await sourceFeatures(page, 'units')).find((f) => f.id === unitId)!;
    expect((before.geometry as GeoJSON.Point).coordinates).not.toEqual(to);
    const res = await fetch(`${e.base}/api/v1/avl/positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fixes: [{ unitId, location: to, at: new Date().toISOString(), speedKmh: 48, heading: 120 }] }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const onMap = async () => (await sourceFeatures(page, 'units')).find((f) => f.id === unitId);
    await expect.poll(async () => ((await onMap())?.geometry as GeoJSON.Point | undefined)?.coordinates).toEqual(to);
    expect((await onMap())!.properties).toMatchObject({ status: 'en_route', heading: 120, stale: false });
    await screenshot(page, '07-unit-moved-on-map');

    // The unit board, on its own screen, shows the status and a fresh fix without a reload.
    await page.getByRole('navigation').getByText('Units').click();
    const row = page.locator(`[data-testid="unit-row"][data-unit-id="${unitId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('en_route');
    await page.getByTestId('unit-board').waitFor();
    const at2 = new Date().toISOString();
    await fetch(`${e.base}/api/v1/avl/positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fixes: [{ unitId, location: [to[0] - 0.001, to[1]], at: at2 }] }),
    });
    // Dispatcher records arrival by radio through the API; the board follows on the stream.
    const mine = ((await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}/assignments`)).json as { id: string; unitId: string }[]).find((a) => a.unitId === unitId)!;
    const step = await e.api(dispatcher.cookie, 'POST', `/assignments/${mine.id}/actions`, { action: 'on_scene' }, { 'idempotency-key': crypto.randomUUID() });
    expect(step.status, JSON.stringify(step.json)).toBe(200);
    await expect.poll(() => row.getAttribute('data-status')).toBe('on_scene');
    await screenshot(page, '08-unit-board-live');
    expect(e.pageErrors).toEqual([]);
  });

  it('takes a free unit out of service and back from the unit board menu, keyboard first', async () => {
    const { page } = e;
    const units = (await e.api(dispatcher.cookie, 'GET', '/units?limit=500')).json.items as { id: string; status: string; onDuty: boolean }[];
    const free = units.find((u) => u.status === 'available' && u.onDuty && !sentUnitIds.includes(u.id))!;
    const row = page.locator(`[data-testid="unit-row"][data-unit-id="${free.id}"]`);
    await row.waitFor();
    await row.getByTestId('unit-actions').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('unit-action-out_of_service').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('out_of_service');
    expect((await e.api(dispatcher.cookie, 'GET', `/units/${free.id}`)).json.status).toBe('out_of_service');
    await row.getByTestId('unit-actions').click();
    await page.getByTestId('unit-action-in_service').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('available');
    expect(e.pageErrors).toEqual([]);
  });

  it('reassigns a unit on scene to another open incident picked from a list', async () => {
    const { page } = e;
    const unitId = sentUnitIds[0]!;
    const other = await e.api(dispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P2', location: [VADUZ[0] + 0.003, VADUZ[1] - 0.002], address: 'Reassign test lane 1' });
    expect(other.status, JSON.stringify(other.json)).toBe(201);
    const otherId = other.json.id as string;
    await page.goto(`${e.base}/incidents/${incidentId}`);
    const card = page.locator(`[data-testid="assignment"][data-unit-id="${unitId}"]`);
    await card.getByTestId('reassign-button').click();
    await page.getByTestId('reassign-target').click();
    await page.getByRole('option', { name: /Reassign test lane 1/ }).click();
    await page.getByTestId('reassign-submit').click();
    await expect.poll(async () => ((await e.api(dispatcher.cookie, 'GET', `/incidents/${otherId}/assignments`)).json as { unitId: string }[]).map((a) => a.unitId)).toContain(unitId);
    // Released from the scene straight to the other call: the old assignment ends as cleared.
    const ended = ((await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}/assignments`)).json as { unitId: string; state: string }[]).find((a) => a.unitId === unitId)!;
    expect(ended.state).toBe('cleared');
    await expect.poll(() => page.getByTestId('reassign-form').count()).toBe(0);
    await screenshot(page, '15-incident-reassigned');
    expect(e.pageErrors).toEqual([]);
  });

  it('swaps a sent unit for a recommended one from the keyboard: the first is released, the other sent', async () => {
    const { page } = e;
    const created = await e.api(dispatcher.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P2', location: [VADUZ[0] - 0.002, VADUZ[1] + 0.001], address: 'Swap test lane 2' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const swapIncident = created.json.id as string;
    const first = ((await e.api(dispatcher.cookie, 'GET', `/incidents/${swapIncident}/recommendations`)).json.items as { unitId: string; etaSeconds: number | null }[]).find((r) => r.etaSeconds !== null)!;
    const sent = await e.api(dispatcher.cookie, 'POST', `/incidents/${swapIncident}/assignments`, { unitIds: [first.unitId] }, { 'idempotency-key': crypto.randomUUID() });
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    await page.goto(`${e.base}/incidents/${swapIncident}`);
    const card = page.locator(`[data-testid="assignment"][data-unit-id="${first.unitId}"]`);
    await expect.poll(() => card.getAttribute('data-state')).toBe('assigned');

    // Keyboard only: open the form, pick one of the recommended units (the list opens fastest first), confirm.
    await card.getByTestId('swap-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('swap-form').waitFor();
    await page.getByTestId('swap-target').focus();
    await page.keyboard.press('ArrowDown');
    const option = page.getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toMatch(/ETA \d+:\d\d/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('swap-confirm-text');
    await confirm.waitFor();
    const comingCallSign = (await confirm.textContent())!.split(' takes over')[0]!;
    const units = (await e.api(dispatcher.cookie, 'GET', '/units?limit=500')).json.items as { id: string; callSign: string }[];
    const coming = units.find((u) => u.callSign === comingCallSign)!;
    expect(coming, comingCallSign).toBeDefined();
    expect(coming.id).not.toBe(first.unitId);
    await screenshot(page, '16-swap-form');
    await page.getByTestId('swap-submit').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('swap-form').count()).toBe(0);

    // Through the API: the first unit is free again, the other one is dispatched to this incident.
    await expect.poll(async () => (await e.api(dispatcher.cookie, 'GET', `/units/${coming.id}`)).json).toMatchObject({ status: 'dispatched', incidentId: swapIncident });
    expect((await e.api(dispatcher.cookie, 'GET', `/units/${first.unitId}`)).json).toMatchObject({ status: 'available', incidentId: null });
    const after = (await e.api(dispatcher.cookie, 'GET', `/incidents/${swapIncident}/assignments`)).json as { unitId: string; state: string }[];
    expect(after.map((a) => [a.unitId, a.state]).sort()).toEqual([[first.unitId, 'cancelled'], [coming.id, 'assigned']].sort());
    // On screen: both cards say so, and the map shows the units' new states.
    await expect.poll(() => card.getAttribute('data-state')).toBe('cancelled');
    await expect.poll(() => page.locator(`[data-testid="assignment"][data-unit-id="${coming.id}"]`).getAttribute('data-state')).toBe('assigned');
    const statusOnMap = async (id: string) => (await sourceFeatures(page, 'units')).find((f) => f.id === id)?.properties?.status;
    await expect.poll(() => statusOnMap(coming.id)).toBe('dispatched');
    await expect.poll(() => statusOnMap(first.unitId)).toBe('available');
    await screenshot(page, '17-incident-swapped');
    expect(e.pageErrors).toEqual([]);
  });

  it('closes an incident with its disposition once its unit is released; refused before, naming the unit', async () => {
    const { page } = e;
    const created = await e.api(dispatcher.cookie, 'POST', '/incidents', { type: 'medical', priority: 'P3', location: [VADUZ[0] + 0.001, VADUZ[1] + 0.002], address: 'Close test lane 3' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const closing = created.json.id as string;
    const offer = ((await e.api(dispatcher.cookie, 'GET', `/incidents/${closing}/recommendations`)).json.items as { unitId: string; callSign: string; etaSeconds: number | null }[]).find((r) => r.etaSeconds !== null)!;
    const sent = await e.api(dispatcher.cookie, 'POST', `/incidents/${closing}/assignments`, { unitIds: [offer.unitId] }, { 'idempotency-key': crypto.randomUUID() });
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    await page.goto(`${e.base}/incidents/${closing}`);
    await page.getByTestId('close-incident').click();
    const form = page.getByTestId('close-incident-form');
    await form.getByTestId('close-incident-disposition').click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await page.getByTestId('close-incident-submit').click();
    // The server refuses while the unit is on it, and says which unit.
    await expect.poll(() => form.getByRole('alert').textContent()).toContain(offer.callSign);
    expect((await e.api(dispatcher.cookie, 'GET', `/incidents/${closing}`)).json.state).toBe('open');

    const [assignment] = sent.json as { id: string }[];
    expect((await e.api(dispatcher.cookie, 'POST', `/assignments/${assignment!.id}/actions`, { action: 'cancel' })).status).toBe(200);
    await page.getByTestId('close-incident-submit').click();
    await page.getByTestId('incident-disposition').waitFor();
    expect(await page.getByTestId('incident-disposition').textContent()).toContain('Resolved');
    // Its clock stopped: the tiers not reached say so instead of counting down.
    await expect.poll(() => page.getByTestId('tier-2').getAttribute('data-state')).toBe('stopped');
    expect((await e.api(dispatcher.cookie, 'GET', `/incidents/${closing}`)).json).toMatchObject({ state: 'closed', disposition: 'resolved' });
    await screenshot(page, '18-incident-closed');
    // Gone from the board of open incidents.
    await page.goto(`${e.base}/`);
    await page.getByTestId('incident-board').waitFor();
    expect(await page.locator(`[data-incident-id="${closing}"]`).count()).toBe(0);
    expect(e.pageErrors).toEqual([]);
  });
});
