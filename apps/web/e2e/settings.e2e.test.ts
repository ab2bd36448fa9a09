import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDemoAgreements, clearDemoRunCards, type TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

interface Node { id: string; path: string; name: string; children: Node[] }

/** Opens a Mantine select (by its input's test id) and clicks the option with this exact text. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describe.skipIf(!chromiumPresent)('command center: settings — run cards down the tree, mutual aid agreements', () => {
  let e: E2E;
  let commander: TestUser;
  const j: Record<string, Node> = {};
  const inForce = async (path: string) =>
    (await e.api(commander.cookie, 'GET', `/response-plans/in-force?jurisdictionId=${j[path]!.id}&incidentType=fire&priority=P2`)).json.plan;

  beforeAll(async () => {
    e = await startE2E();
    // The cards and agreements on screen are the ones this test makes: the demo world's go.
    await clearDemoRunCards(e.t.app);
    await clearDemoAgreements(e.t.app);
    // A commander of the country: sets run cards (units:manage) and makes agreements (mutual_aid:manage) anywhere in it.
    commander = await e.user('commander', 'li');
    const walk = (nodes: Node[]) => nodes.forEach((n) => ((j[n.path] = n), walk(n.children)));
    walk((await e.api(commander.cookie, 'GET', '/jurisdictions')).json);
    await signIn(e, commander);
  });
  afterAll(async () => e?.close());

  it("sets a region's run card, overrides it for a municipality, and the region keeps its own", async () => {
    const { page } = e;
    // Opened from the header's "More" menu, by keyboard.
    const more = page.getByRole('navigation').getByTestId('nav-more');
    await more.focus();
    await more.press('Enter');
    const link = page.getByRole('menuitem', { name: 'Settings' });
    expect(await link.getAttribute('href')).toBe('/settings');
    await link.press('Enter');
    await page.waitForURL(/\/settings\/response-plans$/);
    const card = page.getByTestId('plan-in-force');

    // Oberland, fire, P2: the template has no run card anywhere, so the default holds.
    await page.getByTestId('plan-jurisdiction').fill(j['li.oberland']!.name);
    await page.getByRole('option', { name: new RegExp(`${j['li.oberland']!.name}$`) }).click();
    await choose(page, 'plan-priority', 'P2 · urgent');
    await expect.poll(() => card.getAttribute('data-source')).toBe('default');
    expect(await page.getByTestId('plan-source').textContent()).toBe('Default');
    await expect.poll(() => page.getByTestId('plans-set').textContent()).toContain('No Fire, P2 run card is set');

    await page.getByTestId('plan-edit').click();
    const form = page.getByTestId('plan-form');
    await form.waitFor();
    // An empty row is refused before any request, under its field.
    await page.getByTestId('plan-form-submit').click();
    await expect.poll(() => form.textContent()).toContain('Required');
    await choose(page, 'plan-form-kind-0-0', 'Patrol car');
    await page.getByTestId('plan-form-add-tier').click();
    await choose(page, 'plan-form-kind-1-0', 'Fire engine');
    await page.getByTestId('plan-form-units-1-0').fill('2');
    await page.getByTestId('plan-form-add-slot-1').click();
    await choose(page, 'plan-form-kind-1-1', 'Ladder');
    await page.getByTestId('plan-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.getAttribute('data-source')).toBe('own');
    const oberlandTiers = [
      { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }] },
      { tier: 2, slots: [{ kind: 'fire_engine', units: 2 }, { kind: 'ladder', units: 1 }] },
    ];
    expect(await inForce('li.oberland')).toMatchObject({ jurisdictionPath: 'li.oberland', tiers: oberlandTiers });

    // Vaduz inherits it until it sets its own.
    await page.getByTestId('plan-jurisdiction').fill(j['li.oberland.vaduz']!.name);
    await page.getByRole('option', { name: new RegExp(`${j['li.oberland.vaduz']!.name}$`) }).click();
    await expect.poll(() => card.getAttribute('data-source')).toBe('inherited');
    expect(await card.getAttribute('data-from')).toBe('li.oberland');
    expect(await page.getByTestId('plan-source-text').textContent()).toContain(`Inherited from ${j['li.oberland']!.name}`);
    expect(await page.getByTestId('plan-slot').count()).toBe(3);
    await screenshot(page, '40-settings-plan-inherited');

    // The override starts from the inherited card: two patrol cars first, the second tier dropped.
    await page.getByTestId('plan-edit').click();
    await form.waitFor();
    await page.getByTestId('plan-form-units-0-0').fill('2');
    await page.getByTestId('plan-form-remove-tier-1').click();
    await page.getByTestId('plan-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.getAttribute('data-source')).toBe('own');
    await expect.poll(() => page.locator('[data-testid="plan-slot"]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-kind')}:${el.getAttribute('data-units')}`))).toEqual(['patrol_car:2']);
    await screenshot(page, '41-settings-plan-override');

    expect(await inForce('li.oberland.vaduz')).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', tiers: [{ tier: 1, slots: [{ kind: 'patrol_car', units: 2 }] }] });
    expect(await inForce('li.oberland')).toMatchObject({ jurisdictionPath: 'li.oberland', tiers: oberlandTiers });
    expect(await inForce('li.oberland.schaan')).toMatchObject({ jurisdictionPath: 'li.oberland', tiers: oberlandTiers });

    // The list of where the tree sets this card names both; the region's row leads back to it.
    const setRows = page.getByTestId('plan-set-row');
    await expect.poll(() => setRows.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual(['li.oberland', 'li.oberland.vaduz']);
    expect(await page.locator('[data-testid="plan-set-row"][aria-current="true"]').getAttribute('data-path')).toBe('li.oberland.vaduz');
    await page.locator('[data-testid="plan-set-row"][data-path="li.oberland"]').getByTestId('plan-set-pick').click();
    // Back on the region: still its own card, as it was.
    await expect.poll(() => card.getAttribute('data-from')).toBe('li.oberland');
    expect(await card.getAttribute('data-source')).toBe('own');
    expect(await page.getByTestId('plan-slot').count()).toBe(3);
    expect(e.pageErrors).toEqual([]);
  });

  it('makes a mutual aid agreement and revokes it after confirming', async () => {
    const { page } = e;
    await page.getByTestId('settings-tab-mutual-aid').click();
    await page.waitForURL(/\/settings\/mutual-aid$/);
    await page.getByTestId('mutual-aid').waitFor();
    await expect.poll(() => page.getByTestId('mutual-aid').textContent()).toContain('No agreements');

    await page.getByTestId('aid-new').click();
    const form = page.getByTestId('aid-form');
    await form.waitFor();
    const schaan = j['li.oberland.schaan']!;
    const vaduz = j['li.oberland.vaduz']!;
    await page.getByTestId('aid-form-providing').fill(schaan.name);
    await page.getByRole('option', { name: new RegExp(`${schaan.name}$`) }).click();
    await page.getByTestId('aid-form-requesting').fill(vaduz.name);
    await page.getByRole('option', { name: new RegExp(`${vaduz.name}$`) }).click();
    // No unit kind yet: said under the field, nothing sent.
    await page.getByTestId('aid-form-submit').click();
    await expect.poll(() => form.textContent()).toContain('Required');
    await choose(page, 'aid-form-kinds', 'Fire engine');
    await choose(page, 'aid-form-kinds', 'Ladder');
    // The multi-select stays open for more picks: Tab moves on and closes it.
    await page.getByTestId('aid-form-kinds').press('Tab');
    await page.getByTestId('aid-form-mutual').check();
    await screenshot(page, '42-settings-aid-form');
    await page.getByTestId('aid-form-submit').click();
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('aid-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('active');
    const text = await row.textContent();
    for (const s of [schaan.name, vaduz.name, 'Fire engine', 'Ladder', 'Mutual', 'In force']) expect(text).toContain(s);
    const id = (await row.getAttribute('data-id'))!;
    const stored = await e.api(commander.cookie, 'GET', `/mutual-aid-agreements/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({ providingJurisdictionPath: 'li.oberland.schaan', requestingJurisdictionPath: 'li.oberland.vaduz', unitKinds: ['fire_engine', 'ladder'], mutual: true, revokedAt: null });
    await screenshot(page, '43-settings-aid-list');

    // Revoking asks first; cancelling changes nothing.
    await page.getByTestId('aid-revoke').click();
    const dialog = page.getByTestId('aid-revoke-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`${schaan.name} and ${vaduz.name} will no longer`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await e.api(commander.cookie, 'GET', `/mutual-aid-agreements/${id}`)).json.revokedAt).toBeNull();

    await page.getByTestId('aid-revoke').click();
    await page.getByTestId('aid-revoke-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    // Gone from the agreements in force, kept under "All" as revoked.
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('aid-state').getByText('All', { exact: true }).click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    expect(await row.textContent()).toContain('Revoked');
    const revoked = (await e.api(commander.cookie, 'GET', `/mutual-aid-agreements/${id}`)).json;
    expect(revoked.revokedAt).not.toBeNull();
    expect((await e.api(commander.cookie, 'GET', '/mutual-aid-agreements?state=active')).json).toEqual([]);
    await screenshot(page, '44-settings-aid-revoked');
    expect(e.pageErrors).toEqual([]);
  });

  it('shows a duty officer the run cards of their municipality to set, and no mutual aid', async () => {
    const officer = await e.user('duty_officer', 'li.oberland.vaduz');
    const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      await signIn({ ...e, page }, officer);
      // Agreements need mutual_aid:manage: the address leads to the run cards instead, and there is no such tab.
      await page.goto(`${e.base}/settings/mutual-aid`);
      await page.waitForURL(/\/settings\/response-plans$/);
      expect(await page.getByTestId('settings-tab-mutual-aid').count()).toBe(0);
      await page.goto(`${e.base}/settings/response-plans?jurisdiction=${j['li.oberland.vaduz']!.id}&type=fire&priority=P2`);
      const card = page.getByTestId('plan-in-force');
      await expect.poll(() => card.getAttribute('data-source')).toBe('own');
      expect(await card.getAttribute('data-from')).toBe('li.oberland.vaduz');
      expect(await page.getByTestId('plan-edit').textContent()).toBe('Change the plan of Vaduz');
      await screenshot(page, '45-settings-duty-officer');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
