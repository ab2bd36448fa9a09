import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { jurisdictionByPath } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, startE2E, type E2E } from './harness.js';

/**
 * A unit's terminal bound and unbound on the Units screen by a duty officer (units:manage, no
 * staff:read): the board shows each unit's binding, the dialog offers the device accounts the
 * server would accept, shows the server's refusal in its words, and unbinds.
 */
describe.skipIf(!chromiumPresent)('command center: binding a unit to its terminal on the Units screen', () => {
  let e: E2E;
  let duty: TestUser;
  let admin: string;
  let unitId: string;
  const devices: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    e = await startE2E();
    admin = await e.adminCookie();
    const vaduz = (await jurisdictionByPath(e.t.app, 'li.oberland.vaduz')).id;
    const unit = await e.api(admin, 'POST', '/units', { callSign: 'E2E-TERM-1', kind: 'patrol_car', jurisdictionId: vaduz, homeLocation: [9.5215, 47.141], crewSize: 2 });
    expect(unit.status).toBe(201);
    unitId = unit.json.id;
    for (const k of ['a', 'b'] as const) {
      const d = await e.api(admin, 'POST', '/staff', { username: `e2e-gw-${k}`, displayName: `Gateway ${k.toUpperCase()}`, kind: 'device', jurisdictionId: vaduz, grants: [{ role: 'unit_member', jurisdictionId: vaduz }] });
      expect(d.status).toBe(201);
      devices[k] = d.json.id;
    }
    duty = await e.user('duty_officer', 'li.oberland.vaduz');
    const { page } = e;
    await page.goto(`${e.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').fill(duty.username);
    await page.getByTestId('login-password').fill(duty.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }, 180_000);
  afterAll(async () => e?.close());

  it('binds, is refused (a device disabled meanwhile) with the server\'s words in the dialog, and unbinds', async () => {
    const { page } = e;
    await page.goto(`${e.base}/units`);
    await page.getByPlaceholder('Search call sign or jurisdiction').fill('E2E-TERM');
    const row = page.locator(`[data-testid="unit-row"][data-unit-id="${unitId}"]`);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByTestId('unit-terminal').textContent()).toBe('Not bound');

    await row.getByTestId('unit-terminal-open').click();
    const dialog = page.getByTestId('unit-terminal-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('unit-terminal-current').textContent()).toContain('Not bound');
    await dialog.getByTestId('unit-terminal-account').click();
    await page.getByRole('option', { name: 'Gateway A (e2e-gw-a)' }).click();
    await dialog.getByTestId('unit-terminal-bind').click();
    await expect.poll(() => dialog.getByTestId('unit-terminal-current').textContent()).toBe('Bound now: Gateway A (e2e-gw-a)');
    await expect.poll(() => row.getByTestId('unit-terminal').getAttribute('data-terminal')).toBe(devices.a);
    expect(await row.getByTestId('unit-terminal').textContent()).toBe('Bound');
    const stored = await e.api(admin, 'GET', `/units/${unitId}`);
    expect(stored.json.terminalId).toBe(devices.a);

    // Gateway B is disabled after the dialog listed it: the server refuses, and says why, in the dialog.
    const disabled = await e.t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${devices.b}`, headers: { cookie: admin }, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    await dialog.getByTestId('unit-terminal-account').click();
    await page.getByRole('option', { name: 'Gateway B (e2e-gw-b)' }).click();
    await dialog.getByTestId('unit-terminal-bind').click();
    const error = dialog.getByTestId('unit-terminal-error');
    await error.waitFor();
    expect(await error.textContent()).toContain("not an enabled device account holding avl:report on the unit's jurisdiction");
    await screenshot(page, 'unit-terminal-refused');
    expect((await e.api(admin, 'GET', `/units/${unitId}`)).json.terminalId).toBe(devices.a);

    await dialog.getByTestId('unit-terminal-unbind').click();
    await expect.poll(() => dialog.getByTestId('unit-terminal-current').textContent()).toContain('Not bound');
    await expect.poll(() => row.getByTestId('unit-terminal').getAttribute('data-terminal')).toBe('');
    expect((await e.api(admin, 'GET', `/units/${unitId}`)).json.terminalId).toBeNull();
    await dialog.getByTestId('unit-terminal-close').click();

    // In Chinese too.
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => row.getByTestId('unit-terminal').textContent()).toBe('未绑定');
    expect(e.pageErrors).toEqual([]);
  }, 120_000);
});
