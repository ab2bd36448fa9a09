import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../server/src/platform/kernel.js';
import { chromiumPresent, startE2E, type E2E } from './harness.js';

/**
 * What the login screen says about the server's sign-in limits (issue 11): a throttled sign-in
 * says how long to wait, and a session ended for inactivity says so instead of a bare login form.
 */
describe.skipIf(!chromiumPresent)('sign-in limits on the login screen', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({
      config: {
        loginThrottle: { freeFailures: 2, addressFreeFailures: 30, firstDelaySeconds: 30, maxDelaySeconds: 900 },
        sessionIdle: { defaultMinutes: 30, byRole: {} },
      },
    });
  }, 120_000);
  afterAll(async () => e?.close());

  const platform = (): Platform => (e.t.app as unknown as { platform: Platform }).platform;
  const alertText = () => e.page.getByRole('alert').textContent();

  it('says how long to wait once sign-in is throttled', async () => {
    const user = await e.user('inspector', 'li.oberland.vaduz');
    // The server's clock stands still through the attempts: the wait it names is then the policy's
    // whole 30 s, however long a loaded machine takes between the second failure and the third try.
    const frozen = new Date();
    platform().clock = () => frozen;
    platform().command.clock = () => frozen;
    try {
      await e.page.goto(`${e.base}/login`);
      await e.page.getByTestId('login-username').fill(user.username);
      for (let i = 0; i < 2; i++) {
        await e.page.getByTestId('login-password').fill(`wrong-${i}`);
        await e.page.getByTestId('login-submit').click();
        await expect.poll(alertText).toContain('Wrong username or password');
        await e.page.getByTestId('login-submit').and(e.page.locator(':not([data-loading])')).waitFor();
      }
      await e.page.getByTestId('login-password').fill(user.password);
      await e.page.getByTestId('login-submit').click();
      await expect.poll(alertText).toContain('Too many failed sign-ins from this address. Try again in 30 s.');
    } finally {
      platform().clock = () => new Date();
      platform().command.clock = () => new Date();
    }
    expect(e.page.url()).toMatch(/\/login$/);
  });

  it('tells a user signed out for inactivity why they are back at the login screen', async () => {
    const user = await e.user('inspector', 'li.oberland.schaan');
    await e.page.context().clearCookies();
    await e.page.goto(`${e.base}/login`);
    await e.page.getByTestId('login-username').fill(user.username);
    await e.page.getByTestId('login-password').fill(user.password);
    await e.page.getByTestId('login-submit').click();
    await e.page.waitForURL((u) => !u.pathname.startsWith('/login'));

    // 31 minutes pass on the server without a request.
    const later = () => new Date(Date.now() + 31 * 60_000);
    platform().clock = later;
    platform().command.clock = later;
    try {
      await e.page.reload();
      await e.page.waitForURL(/\/login$/);
      await expect.poll(() => e.page.getByTestId('login-session-ended').textContent()).toBe('You were signed out after a period without activity. Sign in again.');
    } finally {
      platform().clock = () => new Date();
      platform().command.clock = () => new Date();
    }
    expect(e.pageErrors).toEqual([]);
  });
});
