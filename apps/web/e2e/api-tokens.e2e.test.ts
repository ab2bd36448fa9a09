import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD } from '../../server/test/template.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

/**
 * An integrator's API token, made on the Account page rather than with curl and a session cookie:
 * created, its secret shown once and used as a bearer, "last used" filled in by that use, revoked,
 * and the bearer refused from then on.
 */
describe.skipIf(!chromiumPresent)('command center: API tokens on the account page', () => {
  let e: E2E;
  let dispatcherName = '';

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => e?.close());

  const bearerGet = async (token: string) => (await fetch(`${e.base}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('creates a token, shows the secret once, the secret works as a bearer, then is revoked', async () => {
    const { page } = e;
    const dispatcher = await e.user('dispatcher', 'li.oberland.vaduz');
    dispatcherName = dispatcher.username;
    await signIn(e, dispatcher);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e.base });
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Account and security' }).click();
    await page.waitForURL(/\/account$/);
    const section = page.getByTestId('account-tokens');
    await section.getByTestId('tokens-none').waitFor();

    // A lifetime beyond the server's limit (API_TOKEN_MAX_DAYS, 365 by default) is refused under that field.
    await page.getByTestId('token-name').fill('CAD bridge');
    await page.getByTestId('token-days').fill('400');
    await page.getByTestId('token-create-submit').click();
    await expect.poll(() => section.textContent()).toContain('at most 365 days on this server');
    expect(await page.getByTestId('token-secret-panel').count()).toBe(0);

    await page.getByTestId('token-days').fill('30');
    await page.getByTestId('token-create-submit').click();
    const shown = page.getByTestId('token-secret');
    await shown.waitFor();
    const secret = (await shown.textContent())!.trim();
    expect(secret).toMatch(/^fbt_/);
    expect(await page.getByTestId('token-secret-panel').textContent()).toContain('it will not be shown again');
    await page.getByTestId('token-copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, 'api-token-created');

    const row = page.getByTestId('token-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('CAD bridge');
    expect(await row.getByTestId('token-last-used').textContent()).toBe('never');
    // Shown once: gone when dismissed, and not on the page after a reload.
    await page.getByTestId('token-secret-done').click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);

    expect(await bearerGet(secret)).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('token-last-used').textContent()).not.toBe('never');
    expect(await page.getByTestId('token-secret').count()).toBe(0);

    // Revoking asks first; cancelling keeps it.
    await page.getByTestId('token-revoke').click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('token-row').count()).toBe(1);
    await page.getByTestId('token-revoke').click();
    await page.getByTestId('token-revoke-confirm').click();
    await page.getByTestId('tokens-none').waitFor();
    await expect.poll(() => bearerGet(secret), { timeout: 10_000 }).toBe(401);
    expect(e.pageErrors).toEqual([]);
  });

  it("an administrator sees a device account's tokens, mints one for it and revokes one; a person's tokens are theirs to mint", async () => {
    const { page } = e;
    const admin = await e.adminCookie();
    // The root (the list's first), as the other e2e files take it.
    const jurisdictionId = ((await e.api(admin, 'GET', '/jurisdictions')).json as { id: string }[])[0]!.id;
    const device = await e.api(admin, 'POST', '/staff', { username: 'cad-bridge', displayName: 'CAD bridge device', kind: 'device', jurisdictionId, grants: [{ role: 'dispatcher', jurisdictionId }] });
    expect(device.status, JSON.stringify(device.json)).toBe(201);
    expect((await e.api(admin, 'POST', `/staff/${device.json.id}/tokens`, { name: 'bridge' })).status).toBe(201);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await signIn(e, { username: 'admin', password: TEST_ADMIN_PASSWORD });
    await page.goto(`${e.base}/account`);
    const section = page.getByTestId('account-staff-tokens');
    await section.waitFor();

    // A person: their tokens are listed (the dispatcher revoked theirs), but no form to mint one for them.
    await section.getByTestId('staff-tokens-who').fill(dispatcherName);
    await page.getByRole('option', { name: new RegExp(dispatcherName) }).click();
    await section.getByTestId('tokens-none').waitFor();
    expect(await section.getByTestId('token-create').count()).toBe(0);

    await section.getByTestId('staff-tokens-who').fill('cad-bridge');
    await page.getByRole('option', { name: /CAD bridge device/ }).click();
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(1);
    expect(await section.getByTestId('token-row').textContent()).toContain('bridge');
    await section.getByTestId('token-name').fill('second bridge');
    await section.getByTestId('token-create-submit').click();
    expect((await section.getByTestId('token-secret').textContent())!.trim()).toMatch(/^fbt_/);
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(2);
    // The first one (a stolen bridge token, say) revoked from here: the other stays, and the revoked one no longer signs in.
    const listed = (await e.api(admin, 'GET', `/staff/${device.json.id}/tokens`)).json as { id: string; name: string }[];
    const first = listed.find((k) => k.name === 'bridge')!;
    await section.getByTestId('token-row').filter({ hasText: /^bridge/ }).getByTestId('token-revoke').click();
    await section.getByTestId('token-revoke-confirm').click();
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(1);
    expect(await section.getByTestId('token-row').textContent()).toContain('second bridge');
    expect(((await e.api(admin, 'GET', `/staff/${device.json.id}/tokens`)).json as { id: string }[]).map((k) => k.id)).not.toContain(first.id);
    expect(e.pageErrors).toEqual([]);
  });
});
