import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD } from '../../server/test/template.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';
import { switchLanguage } from './screens-checks.js';

/**
 * The administrator's main job in the browser (newcomer walk): More → Staff lists the accounts in
 * scope; the national `admin` creates a Vaduz dispatcher and reads its one-time password once, the
 * dispatcher signs in with it, the admin disables it and its next sign-in is refused. A municipal
 * administrator sees only its own subtree, and the server's refusal of an account above it shows
 * on the row.
 */
describe.skipIf(!chromiumPresent)('administrator: the Staff screen', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => e?.close());

  const openStaff = async (page: Page) => {
    const more = page.getByRole('navigation').getByTestId('nav-more');
    await more.click();
    const link = page.getByRole('menuitem', { name: 'Staff', exact: true });
    expect(await link.getAttribute('href')).toBe('/staff');
    await link.click();
    await page.waitForURL(/\/staff$/);
    await page.getByTestId('staff-table').waitFor();
  };
  const row = (page: Page, username: string) => page.locator(`[data-testid="staff-row"][data-username="${username}"]`);
  const signInElsewhere = async (username: string, password: string) => {
    const context = await e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${e.base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    return { context, page };
  };

  it('the national admin creates a Vaduz dispatcher, who signs in with the one-time password; disabled, its sign-in is refused', async () => {
    const { page } = e;
    await signIn(e, { username: 'admin', password: TEST_ADMIN_PASSWORD });
    await openStaff(page);
    // The list holds the admin's own account, with no action on it (no way to lock oneself out).
    expect(await row(page, 'admin').count()).toBe(1);
    expect(await row(page, 'admin').getByTestId('staff-disable').count()).toBe(0);

    await page.getByTestId('staff-new').click();
    const form = page.getByTestId('staff-create-form');
    await form.getByTestId('staff-create-username').fill('vaduz-dispatch-1');
    await form.getByTestId('staff-create-display-name').fill('Vaduz Dispatcher One');
    await form.getByTestId('staff-create-role').click();
    await page.getByRole('option', { name: 'Dispatcher', exact: true }).click();
    await form.getByTestId('staff-create-jurisdiction').fill('Vaduz');
    await page.getByRole('option', { name: /Vaduz$/ }).click();
    await form.getByRole('button', { name: 'Create account' }).click();

    const shown = page.getByTestId('staff-one-time-password');
    await shown.waitFor();
    const password = (await shown.getByTestId('staff-one-time-value').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await shown.getByTestId('staff-one-time-copy').isVisible()).toBe(true);
    await screenshot(page, 'staff-one-time-password');
    await shown.getByTestId('staff-one-time-done').click();
    await shown.waitFor({ state: 'detached' });
    // Shown once: nowhere on the page once closed.
    expect(await page.content()).not.toContain(password);

    const created = row(page, 'vaduz-dispatch-1');
    await created.waitFor();
    expect(await created.textContent()).toContain('Dispatcher · Vaduz');
    expect(await created.getByTestId('staff-row-home').textContent()).toBe('Vaduz');
    // The filter narrows by the place as shown.
    await page.getByTestId('staff-filter').fill('vaduz dispatcher');
    await expect.poll(() => page.getByTestId('staff-row').count()).toBeGreaterThanOrEqual(1);
    for (const home of await page.getByTestId('staff-row-home').allTextContents()) expect(home).toBe('Vaduz');

    // The new account signs in with the one-time password, in a browser of its own.
    const first = await signInElsewhere('vaduz-dispatch-1', password);
    await first.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await first.context.close();

    await created.getByTestId('staff-disable').click();
    await expect.poll(() => created.getAttribute('data-disabled')).toBe('true');
    expect(await created.getByTestId('staff-row-state').textContent()).toBe('Disabled');

    const again = await signInElsewhere('vaduz-dispatch-1', password);
    const refusal = again.page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('This account is disabled');
    expect(again.page.url()).toMatch(/\/login$/);
    await again.context.close();

    // A password reset shows a new one-time password, and it works once the account is enabled again.
    await created.getByTestId('staff-enable').click();
    await expect.poll(() => created.getAttribute('data-disabled')).toBe('false');
    await created.getByTestId('staff-reset').click();
    await created.getByTestId('staff-reset-confirm').click();
    await shown.waitFor();
    const fresh = (await shown.getByTestId('staff-one-time-value').textContent())!.trim();
    expect(fresh).not.toBe(password);
    await shown.getByTestId('staff-one-time-done').click();
    const third = await signInElsewhere('vaduz-dispatch-1', fresh);
    await third.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await third.context.close();
    expect(e.pageErrors).toEqual([]);
  });

  it("a municipal administrator sees only its subtree, and the server's refusal of an account above it shows on the row", async () => {
    const mayor = await e.user('administrator', 'li.oberland.vaduz');
    // Homed in Vaduz but holding a role on all of Oberland: visible to Vaduz's administrator, not manageable.
    const above = await e.user('duty_officer', 'li.oberland.vaduz');
    const oberland = (await e.api(await e.adminCookie(), 'GET', '/jurisdictions')).json[0].children.find((n: { path: string }) => n.path === 'li.oberland');
    expect((await e.api(await e.adminCookie(), 'POST', `/staff/${above.id}/grants`, { role: 'duty_officer', jurisdictionId: oberland.id })).status).toBe(201);

    const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${e.base}/login`);
    await page.getByTestId('login-username').fill(mayor.username);
    await page.getByTestId('login-password').fill(mayor.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await openStaff(page);

    const homes = await page.getByTestId('staff-row-home').allTextContents();
    expect(homes.length).toBeGreaterThan(0);
    for (const home of homes) expect(home).toBe('Vaduz');
    expect(await row(page, 'admin').count()).toBe(0);
    expect(await row(page, 'vaduz-dispatch-1').count()).toBe(1);

    await row(page, above.username).getByTestId('staff-disable').click();
    const refusal = row(page, above.username).getByTestId('staff-row-error');
    await refusal.waitFor();
    // The worded code, and the server's reason: the account holds a role above Vaduz.
    expect(await refusal.textContent()).toContain('Your role does not allow this here.');
    expect(await refusal.getByTestId('staff-row-error-detail').textContent()).toContain('li.oberland, outside where you administer');
    expect(await row(page, above.username).getAttribute('data-disabled')).toBe('false');
    await screenshot(page, 'staff-municipal-refusal');

    // Withdrawing its role on Oberland, above Vaduz, is the server's to refuse: its words show in the dialog, the grant stays.
    await row(page, above.username).getByTestId('staff-edit-open').click();
    const dialog = page.getByTestId('staff-edit');
    const grants = await dialog.getByTestId('staff-edit-grant').count();
    await dialog.locator('[data-testid="staff-edit-grant"][data-jurisdiction="li.oberland"]').getByTestId('staff-edit-revoke').click();
    await dialog.getByTestId('staff-edit-error').waitFor();
    expect(await dialog.getByTestId('staff-edit-error').textContent()).toContain('Your role does not allow this here.');
    expect(await dialog.getByTestId('staff-edit-grant').count()).toBe(grants);
    await context.close();
  });

  it("the national admin renames an account and changes its roles after creation; a device account shows as one", async () => {
    const { page } = e;
    const admin = await e.adminCookie();
    const vaduz = (await e.api(admin, 'GET', '/staff')).json.find((m: { username: string }) => m.username === 'vaduz-dispatch-1');
    const device = await e.api(admin, 'POST', '/staff', { username: 'avl-vaduz', displayName: 'Vaduz AVL gateway', kind: 'device', jurisdictionId: vaduz.jurisdictionId, grants: [] });
    expect(device.status).toBe(201);
    await page.reload();
    await page.getByTestId('staff-table').waitFor();
    await page.getByTestId('staff-filter').fill('device');
    await expect.poll(() => page.getByTestId('staff-row').count()).toBe(1);
    expect(await row(page, 'avl-vaduz').textContent()).toContain('device');
    // A device has no password to reset.
    expect(await row(page, 'avl-vaduz').getByTestId('staff-reset').count()).toBe(0);
    await page.getByTestId('staff-filter').fill('');

    const created = row(page, 'vaduz-dispatch-1');
    await created.getByTestId('staff-edit-open').click();
    const dialog = page.getByTestId('staff-edit');
    await dialog.waitFor();
    await dialog.getByTestId('staff-edit-display-name').fill('Vaduz Dispatcher Uno');
    await dialog.getByTestId('staff-edit-rename').click();
    await expect.poll(() => created.textContent()).toContain('Vaduz Dispatcher Uno');

    // A second role, then the first withdrawn: the dialog and the row show the account as the server returns it.
    await dialog.getByTestId('staff-edit-role').click();
    await page.getByRole('option', { name: 'Duty officer', exact: true }).click();
    await dialog.getByTestId('staff-edit-jurisdiction').fill('Vaduz');
    await page.getByRole('option', { name: /Vaduz$/ }).click();
    await dialog.getByTestId('staff-edit-grant-add').click();
    await expect.poll(() => dialog.getByTestId('staff-edit-grant').count()).toBe(2);
    await expect.poll(() => created.textContent()).toContain('Duty officer · Vaduz');
    await dialog.locator('[data-testid="staff-edit-grant"][data-role="dispatcher"]').getByTestId('staff-edit-revoke').click();
    await expect.poll(() => dialog.getByTestId('staff-edit-grant').count()).toBe(1);
    await expect.poll(() => created.textContent()).not.toContain('Dispatcher · Vaduz');
    await screenshot(page, 'staff-edit');
    await dialog.getByTestId('staff-edit-done').click();
    await dialog.waitFor({ state: 'detached' });

    // The server holds it: the account's roles and name as changed.
    const after = (await e.api(admin, 'GET', `/staff/${vaduz.id}`)).json as { displayName: string; grants: { role: string }[] };
    expect(after.displayName).toBe('Vaduz Dispatcher Uno');
    expect(after.grants.map((g) => g.role)).toEqual(['duty_officer']);
    expect(e.pageErrors).toEqual([]);
  });

  it('says which accounts have two-factor sign-in set up, and in Chinese names the jurisdictions in Chinese', async () => {
    const { page } = e;
    // An inspector enrols a second factor through the API, as its account page does.
    const inspector = await e.user('inspector', 'li.oberland.vaduz');
    const { cookie } = inspector;
    const started = (await e.api(cookie, 'POST', '/auth/mfa/enrol')).json as { secret: string };
    const code = new TOTP({ secret: Secret.fromBase32(started.secret) }).generate();
    expect((await e.api(cookie, 'POST', '/auth/mfa/enrol/confirm', { code })).status).toBe(200);

    await page.reload();
    await page.getByTestId('staff-table').waitFor();
    const mfaOf = (username: string) => row(page, username).getByTestId('staff-row-mfa');
    expect(await page.getByTestId('staff-table').locator('th').allTextContents()).toContain('Two-factor');
    expect(await mfaOf(inspector.username).getAttribute('data-mfa')).toBe('on');
    expect(await mfaOf(inspector.username).textContent()).toBe('Set up');
    expect(await mfaOf('admin').getAttribute('data-mfa')).toBe('off');
    expect(await mfaOf('admin').textContent()).toBe('Not set up');
    expect(await mfaOf('avl-vaduz').getAttribute('data-mfa')).toBe('device');

    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => page.getByTestId('staff-table').locator('th').allTextContents()).toContain('双因素登录');
    expect(await mfaOf(inspector.username).textContent()).toBe('已设置');
    expect(await mfaOf('admin').textContent()).toBe('未设置');
    // The demo country's Chinese names (jurisdictions/demo-names.ts), not OSM's Latin ones: the row's home and its grants.
    expect(await row(page, inspector.username).getByTestId('staff-row-home').textContent()).toBe('瓦杜兹');
    expect(await row(page, 'admin').getByTestId('staff-row-home').textContent()).toBe('列支敦士登');
    expect(await row(page, inspector.username).textContent()).toContain('瓦杜兹');
    expect(await row(page, inspector.username).textContent()).not.toContain('Vaduz');
    await screenshot(page, 'staff-mfa-zh');
    await switchLanguage(page, 'en');
    expect(e.pageErrors).toEqual([]);
  });
});
