import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, docScreenshot, signIn, sourceFeatures, startE2E, type E2E } from './harness.js';

// A real 1×1 PNG: the server checks a photo by its first bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const DAY = 86_400_000;

/** Signs in through the login screen; an inspector starts on campaigns, not on the operations map. */
async function signInAnywhere(e: E2E, user: { username: string; password: string }): Promise<void> {
  await e.page.context().clearCookies();
  await e.page.goto(`${e.base}/login`);
  await e.page.getByTestId('login-username').fill(user.username);
  await e.page.getByTestId('login-password').fill(user.password);
  await e.page.getByTestId('login-submit').click();
  await e.page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe.skipIf(!chromiumPresent)('command center: a hazard raised, rectified with a photo and verified, from the browser', () => {
  let e: E2E;
  let inspector: TestUser;
  let supervisor: TestUser;
  let place: { id: string; name: string; location: [number, number] };

  beforeAll(async () => {
    e = await startE2E();
    inspector = await e.user('inspector', 'li.oberland.vaduz');
    supervisor = await e.user('commander', 'li.oberland');
    const places = (await e.api(inspector.cookie, 'GET', '/places?category=school&limit=500')).json.items as { id: string; name: string; jurisdictionPath: string; location: [number, number] }[];
    place = places.filter((p) => p.jurisdictionPath === 'li.oberland.vaduz').sort((a, b) => a.id.localeCompare(b.id))[0]!;
  });
  afterAll(async () => e?.close());

  it('the inspector raises a hazard at a school with a sooner deadline and hands in the fix with a photo; in Chinese from the middle on', async () => {
    const { page } = e;
    await signInAnywhere(e, inspector);
    await page.goto(`${e.base}/places/${place.id}`);
    await page.getByTestId('place-detail').waitFor();
    await page.getByTestId('place-raise-hazard').click();
    const form = page.getByTestId('hazard-raise-form');
    await form.waitFor();
    expect(await page.getByTestId('hazard-raise-place-fixed').textContent()).toBe(place.name);
    // Nothing typed: the form names what is missing, in the form, before any request.
    await page.getByTestId('hazard-raise-form-submit').click();
    await expect.poll(() => form.textContent()).toContain('Say what is wrong.');
    await page.getByTestId('hazard-raise-title').fill('Fire exit blocked by chairs');
    await page.getByTestId('hazard-raise-description').fill('Stacked chairs block the east stair exit.');
    const due = await page.evaluate((ms) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, Date.now() + 3 * DAY);
    await page.getByTestId('hazard-raise-due').fill(due);
    await page.getByTestId('hazard-raise-title').press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    await page.waitForURL(/\/hazards\?hazard=/);
    const id = new URL(page.url()).searchParams.get('hazard')!;
    const detail = page.locator(`[data-testid="hazard-detail"][data-id="${id}"]`);
    await detail.waitFor();
    expect(await detail.getAttribute('data-state')).toBe('open');
    const stored = (await e.api(inspector.cookie, 'GET', `/hazards/${id}`)).json;
    expect(stored).toMatchObject({ placeId: place.id, grade: 'general', title: 'Fire exit blocked by chairs', raisedBy: inspector.id });
    // The deadline asked for, to the minute (the 7-day default would be 4 days later).
    expect(Math.abs(Date.parse(stored.dueAt) - (Date.now() + 3 * DAY))).toBeLessThan(5 * 60_000);

    // On in Chinese: close the detail, switch, and open the hazard again from its row on the board.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator(`[data-testid="hazard-row"][data-id="${id}"]`).getByTestId('hazard-open').click();
    await detail.waitFor();
    await expect.poll(() => page.getByTestId('hazard-action-submit').textContent()).toBe('提交整改');
    await page.getByTestId('hazard-action-submit').click();
    const step = page.getByTestId('hazard-step-form');
    await step.waitFor();
    await page.getByTestId('hazard-step-note').fill('Chairs moved to the store room; exit sign checked.');
    await step.locator('input[type="file"]').setInputFiles({ name: 'exit-clear.png', mimeType: 'image/png', buffer: PNG });
    await docScreenshot(page, 'hazard-fix-zh-CN');
    await page.getByTestId('hazard-step-form-submit').click();
    await step.waitFor({ state: 'detached' });
    await expect.poll(() => detail.getAttribute('data-state')).toBe('submitted');
    await expect.poll(() => page.getByTestId('hazard-evidence-link').count()).toBe(1);
    // The photo is shown from the server, byte for byte what was uploaded.
    const src = (await page.getByTestId('hazard-evidence-link').locator('img').getAttribute('src'))!;
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], src);
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
    // Who handed the fix in does not verify it: the button says why, in Chinese.
    expect(await page.getByTestId('hazard-action-verify').isDisabled()).toBe(true);
    expect(await page.getByTestId('hazard-why-verify').getAttribute('data-why')).toBe('ownFix');
    await expect.poll(async () => (await page.getByTestId('hazard-why').allTextContents()).join(' ')).toContain('须由他人验收');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.getByTestId('language-switch').getByText('English').click();
    expect(e.pageErrors).toEqual([]);
  });

  it('the supervisor finds it on the board, filtered and on the map, and verifies it', async () => {
    const { page } = e;
    const [hazard] = (await e.api(supervisor.cookie, 'GET', `/hazards?placeId=${place.id}`)).json.items as { id: string }[];
    await page.context().clearCookies();
    await signIn(e, supervisor);
    await page.getByRole('link', { name: 'Hazards' }).click();
    await page.getByTestId('hazard-board').waitFor();
    const row = page.locator(`[data-testid="hazard-row"][data-id="${hazard!.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('submitted');
    // A category it is not at hides it; its own keeps it; the address carries the filter.
    await page.getByTestId('hazard-filter-category').click();
    await page.getByRole('option', { name: 'Fuel station', exact: true }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('hazard-filter-category').click();
    await page.getByRole('option', { name: 'School', exact: true }).click();
    await row.waitFor();
    expect(new URL(page.url()).searchParams.get('category')).toBe('school');
    // On the map: one marker at the school, which opens the hazard.
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
    await expect.poll(async () => (await sourceFeatures(page, 'hazards')).map((f) => f.properties!.id)).toEqual([place.id]);
    await docScreenshot(page, 'hazard-board-en');
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.waitForFunction(() => !window.firebreakMap!.map.isMoving());
    const { x, y } = await page.evaluate((at) => window.firebreakMap!.map.project(at), place.location);
    // The hazard icon sits up and to the right of the place (icon-offset 10, -12).
    await page.mouse.click(box.x + x + 10, box.y + y - 12);
    const detail = page.locator(`[data-testid="hazard-detail"][data-id="${hazard!.id}"]`);
    await detail.waitFor();
    expect(new URL(page.url()).searchParams.get('hazard')).toBe(hazard!.id);
    await page.getByTestId('hazard-action-verify').click();
    await page.getByTestId('hazard-step-form').waitFor();
    await page.getByTestId('hazard-step-note').fill('Exit clear on site, chairs stored.');
    await page.getByTestId('hazard-step-form-submit').click();
    await page.getByTestId('hazard-step-form').waitFor({ state: 'detached' });
    await expect.poll(() => detail.getAttribute('data-state')).toBe('verified');
    await expect.poll(() => page.locator('[data-testid="hazard-history-entry"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))))
      .toEqual(['hazards.raised', 'hazards.evidence_added', 'hazards.submit', 'hazards.verify']);
    // The board lists what still needs work: a verified hazard leaves it.
    await page.keyboard.press('Escape');
    await expect.poll(() => row.count()).toBe(0);
    const stored = (await e.api(supervisor.cookie, 'GET', `/hazards/${hazard!.id}`)).json;
    expect(stored).toMatchObject({ state: 'verified', verificationNote: 'Exit clear on site, chairs stored.', submittedBy: inspector.id });
    const files = (await e.api(supervisor.cookie, 'GET', `/hazards/${hazard!.id}/evidence`)).json as { filename: string; sha256: string }[];
    expect(files).toEqual([expect.objectContaining({ filename: 'exit-clear.png', sha256: createHash('sha256').update(PNG).digest('hex') })]);

    // The board in Chinese, for the screenshot and the words.
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await page.getByTestId('hazard-filter-category').click();
    await page.getByRole('option', { name: '学校', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('hazard-filter-state').click();
    await page.getByRole('option', { name: '已验收' }).click();
    await page.keyboard.press('Escape');
    await row.waitFor();
    await expect.poll(() => page.getByTestId('hazard-board').textContent()).toContain('已验收');
    await docScreenshot(page, 'hazard-board-zh-CN');
    await page.getByTestId('language-switch').getByText('English').click();
    expect(e.pageErrors).toEqual([]);
  });

  it('the inspector asks for more time; not they but the supervisor decides, and the deadline moves', async () => {
    const { page } = e;
    const raised = await e.api(inspector.cookie, 'POST', '/hazards', { placeId: place.id, grade: 'general', title: 'Extinguisher overdue for service' });
    expect(raised.status).toBe(201);
    const id = raised.json.id as string;
    await signInAnywhere(e, inspector);
    await page.goto(`${e.base}/hazards?hazard=${id}`);
    const detail = page.locator(`[data-testid="hazard-detail"][data-id="${id}"]`);
    await detail.waitFor();
    await page.getByTestId('hazard-action-requestExtension').click();
    await page.getByTestId('hazard-step-form').waitFor();
    // The form proposes a week after the current deadline.
    const proposed = await page.getByTestId('hazard-step-due').inputValue();
    await page.getByTestId('hazard-step-note').fill('The service company comes only next month.');
    await page.getByTestId('hazard-step-form-submit').click();
    await page.getByTestId('hazard-step-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="hazard-extension"]').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('hazard-why-decideExtension').getAttribute('data-why')).toBe('ownRequest');
    const asked = (await e.api(inspector.cookie, 'GET', `/hazards/${id}`)).json as { dueAt: string; extensions: { requestedDueAt: string }[] };
    expect(await page.evaluate((iso) => { const d = new Date(iso); const p = (n: number) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; }, asked.extensions[0]!.requestedDueAt)).toBe(proposed);

    await page.context().clearCookies();
    await signInAnywhere(e, supervisor);
    await page.goto(`${e.base}/hazards?hazard=${id}`);
    await detail.waitFor();
    await page.getByTestId('hazard-action-decideExtension').click();
    await page.getByTestId('hazard-step-form').waitFor();
    expect(await page.getByTestId('hazard-step-pending').textContent()).toContain('The service company comes only next month.');
    await page.getByTestId('hazard-step-note').fill('Agreed, keep it out of use until then.');
    await page.getByTestId('hazard-step-form-submit').click();
    await page.getByTestId('hazard-step-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="hazard-extension"]').getAttribute('data-state')).toBe('approved');
    await expect.poll(() => page.getByTestId('hazard-due').getAttribute('data-due')).toBe(asked.extensions[0]!.requestedDueAt);
    expect(Date.parse(asked.extensions[0]!.requestedDueAt)).toBeGreaterThan(Date.parse(asked.dueAt));
    expect(e.pageErrors).toEqual([]);
  });
});
