import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

/** Vaduz town centre: inside li.oberland.vaduz, on the road network, near the demo forces' stations. */
const VADUZ: [number, number] = [9.5215, 47.141];

const overlaps = async (a: Locator, b: Locator) => {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
};

/**
 * The dispatcher's details of issue 14: the `?` key as a keyboard sends it, the closing form beside
 * (not over) the Clear/Cancel buttons it asks for, units sent that stay listed, the unit board by
 * readiness, and the trace's dispatch section. A Vaduz commander: dispatches and reads the trace.
 */
describe.skipIf(!chromiumPresent)('dispatcher details', () => {
  let e: E2E;
  let commander: TestUser;
  let incidentId: string;

  beforeAll(async () => {
    e = await startE2E();
    commander = await e.user('commander', 'li.oberland.vaduz');
    await signIn(e, commander);
  });
  afterAll(async () => e?.close());

  it('opens the shortcuts with the key a real keyboard sends for "?"', async () => {
    const { page } = e;
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.locator('body').click({ position: { x: 700, y: 450 } }).catch(() => undefined);
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    // US layout: Shift with the slash key types '?'.
    await page.keyboard.press('Shift+Slash');
    await help.waitFor();
    await screenshot(page, 'details-01-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });

  it('dispatches from the panel, keeps the closing form clear of the Clear buttons it asks for, and lists the units sent after closing', async () => {
    const { page } = e;
    const created = await e.api(commander.cookie, 'POST', '/incidents', { type: 'fire', priority: 'P2', location: VADUZ, address: 'Details lane 1' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    incidentId = created.json.id as string;
    await page.goto(`${e.base}/incidents/${incidentId}`);
    await page.locator('[data-testid="recommendation"][data-selected="true"]').first().waitFor();
    const picked = await page.locator('[data-testid="recommendation"][data-selected="true"]').count();
    await page.getByTestId('dispatch-button').click();
    const cards = page.getByTestId('assignment');
    await expect.poll(() => cards.count()).toBe(picked);

    // "Esc" is the back button's own hint, not a hint beside "Close incident".
    const esc = page.getByTestId('incident-detail').locator('.fb-kbd', { hasText: 'Esc' });
    expect(await esc.evaluate((el) => el.closest('[data-testid="incident-back"]') !== null)).toBe(true);

    await page.getByTestId('close-incident').click();
    const form = page.getByTestId('close-incident-form');
    await form.getByTestId('close-incident-disposition').click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await page.getByTestId('close-incident-submit').click();
    await page.getByTestId('close-incident-error').waitFor();
    await screenshot(page, 'details-02-close-refused');
    // The form covers none of the step buttons it asks for; they are clicked through the page.
    for (const button of await page.locator('[data-testid="assignment"] button').all()) expect(await overlaps(form, button)).toBe(false);
    for (const step of ['en_route', 'on_scene', 'clear']) {
      for (let i = 0; i < picked; i++) await cards.nth(i).getByTestId(`step-${step}`).click();
      await expect.poll(() => page.locator(`[data-testid="assignment"][data-state="${step === 'clear' ? 'cleared' : step}"]`).count()).toBe(picked);
    }
    // Every unit cleared: all still listed, each with its cleared time.
    expect(await page.locator('[data-testid="assignment"][data-cleared-at]').count()).toBe(picked);
    expect(await cards.first().getByTestId('assignment-times').textContent()).toMatch(/on scene .*cleared/);
    await page.getByTestId('close-incident-submit').click();
    await page.getByTestId('incident-disposition').waitFor();
    expect(await cards.count()).toBe(picked);
    await screenshot(page, 'details-03-closed-units-listed');
    await page.reload();
    await page.getByTestId('incident-disposition').waitFor();
    await expect.poll(() => page.locator('[data-testid="assignment"][data-state="cleared"]').count()).toBe(picked);
    // Escape leaves the detail.
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.pathname === '/');
    expect(e.pageErrors).toEqual([]);
  });

  it('shows the unit board by readiness: off-duty reserves apart, counts what can be sent, names the incident a unit is on', async () => {
    const { page } = e;
    const busy = await e.api(commander.cookie, 'POST', '/incidents', { type: 'medical', priority: 'P3', location: [VADUZ[0] + 0.002, VADUZ[1]], address: 'Unit board lane 2' });
    expect(busy.status).toBe(201);
    type U = { id: string; callSign: string; status: string; onDuty: boolean; incidentId: string | null };
    const before = (await e.api(commander.cookie, 'GET', '/units?limit=500')).json.items as U[];
    const free = before.find((u) => u.onDuty && ['available', 'at_station'].includes(u.status) && u.incidentId === null)!;
    const sent = await e.api(commander.cookie, 'POST', `/incidents/${busy.json.id}/assignments`, { unitIds: [free.id] }, { 'idempotency-key': crypto.randomUUID() });
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    const units = (await e.api(commander.cookie, 'GET', '/units?limit=500')).json.items as U[];
    const reserve = units.find((u) => !u.onDuty && ['available', 'at_station'].includes(u.status))!;
    expect(reserve, 'the demo has off-duty reserves in Vaduz').toBeDefined();
    const sendable = units.filter((u) => u.onDuty && ['available', 'at_station'].includes(u.status) && u.incidentId === null).length;

    await page.goto(`${e.base}/units`);
    await page.getByTestId('unit-board').waitFor();
    const row = (id: string) => page.locator(`[data-testid="unit-row"][data-unit-id="${id}"]`);
    await expect.poll(() => row(reserve.id).getAttribute('data-readiness')).toBe('off_duty');
    expect(await row(reserve.id).getByTestId('unit-readiness').textContent()).toBe('Off duty');
    await expect.poll(() => row(free.id).getAttribute('data-readiness')).toBe('committed');
    await expect.poll(() => row(free.id).getByTestId('unit-incident').textContent()).toBe('P3 Medical emergency · Unit board lane 2');
    await expect.poll(() => page.getByTestId('unit-sendable').getAttribute('data-count')).toBe(String(sendable));
    expect(Number(await page.getByTestId('unit-count-off_duty').getAttribute('data-count'))).toBeGreaterThan(0);
    await screenshot(page, 'details-04-unit-board');
    expect(e.pageErrors).toEqual([]);
  });

  it("adds the dispatch to the incident's trace: recommended, sent, by whom, ETA against actual", async () => {
    const { page } = e;
    const sent = (await e.api(commander.cookie, 'GET', `/incidents/${incidentId}/assignments`)).json as { unitId: string; etaSeconds: number | null }[];
    await page.goto(`${e.base}/accountability?incidentId=${incidentId}`);
    const section = page.getByTestId('trace-dispatch');
    await section.waitFor();
    expect(Number(await section.getAttribute('data-count'))).toBeGreaterThanOrEqual(sent.length);
    for (const a of sent) {
      const line = section.locator(`[data-testid="trace-line"][data-section="dispatch"][data-id="${a.unitId}"]`);
      expect(await line.getByTestId('trace-dispatch-recommended').getAttribute('data-recommended')).toBe('true');
      expect(await line.getByTestId('trace-dispatch-sent').textContent()).toContain(`by ${commander.username}`);
      // ETA as sent / actual (sent to on scene): both on record.
      expect(await line.getByTestId('trace-dispatch-eta').textContent()).toMatch(/^\d+:\d\d \/ \d+:\d\d$/);
    }
    await screenshot(page, 'details-05-trace-dispatch');
    expect(e.pageErrors).toEqual([]);
  });
});
