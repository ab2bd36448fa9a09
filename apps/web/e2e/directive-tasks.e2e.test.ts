import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, docScreenshot, startE2E, type E2E } from './harness.js';

const UUID_URL = /[0-9a-f-]{36}$/;

/** Signs in through the login screen (the map of the first screen is not what these tests are about). */
async function signInOn(page: Page, base: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A datetime-local value `hours` from now, in the page's own time zone. */
const localIn = (page: Page, hours: number) => page.evaluate((ms) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}, Date.now() + hours * 3_600_000);

describe.skipIf(!chromiumPresent)('command center: a region\'s duty officer directs its municipalities; one answers, breaks it into tasks and reports, live on the issuer\'s screen', () => {
  let e: E2E;
  let region: TestUser;
  let vaduz: TestUser;
  let crew: TestUser;
  let other: Page;
  const posts = { duty: '', crew: '' };
  let directiveId = '';

  beforeAll(async () => {
    e = await startE2E();
    region = await e.user('duty_officer', 'li.oberland');
    vaduz = await e.user('duty_officer', 'li.oberland.vaduz');
    crew = await e.user('unit_member', 'li.oberland.vaduz');
    const admin = await e.adminCookie();
    type Node = { id: string; path: string; children: Node[] };
    const ids: Record<string, string> = {};
    const walk = (nodes: Node[]) => nodes.forEach((n) => { ids[n.path] = n.id; walk(n.children); });
    walk((await e.api(admin, 'GET', '/jurisdictions')).json as Node[]);
    for (const [key, title, holder] of [['duty', 'Vaduz duty post', vaduz], ['crew', 'Vaduz hydrant crew', crew]] as const) {
      const post = await e.api(admin, 'POST', '/posts', { jurisdictionId: ids['li.oberland.vaduz'], kind: 'duty_post', title });
      expect(post.status).toBe(201);
      posts[key] = post.json.id;
      expect((await e.api(admin, 'POST', `/posts/${post.json.id}/handovers`, { userId: holder.id })).status).toBe(200);
    }
    // The municipality works in a browser of its own, in Chinese.
    const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Europe/Vaduz' });
    context.setDefaultTimeout(20_000);
    other = await context.newPage();
    other.on('pageerror', (err) => e.pageErrors.push(err.message));
  });
  afterAll(async () => e?.close());

  it('the regional duty officer issues a directive to every municipality of the region from the browser', async () => {
    const { page } = e;
    await signInOn(page, e.base, region);
    await page.goto(`${e.base}/directives`);
    await page.getByTestId('directive-new').click();
    await page.getByTestId('directive-form').waitFor();
    await page.getByTestId('directive-form-title').fill('Hydrant check before the frost');
    await page.getByTestId('directive-form-content').fill('Flush and tag every hydrant in your municipality.');
    await page.getByTestId('directive-form-actions').fill('Flush hydrants\nReport the broken ones');
    await page.getByTestId('directive-form-all-targets').click();
    await page.getByTestId('directive-form-acknowledge-by').fill(await localIn(page, 24));
    await page.getByTestId('directive-form-report-by').fill(await localIn(page, 96));
    await page.getByTestId('directive-form-submit').click();
    await page.waitForURL(UUID_URL);
    directiveId = page.url().split('/').at(-1)!;
    const totals = page.getByTestId('rollup-totals');
    await totals.waitFor();
    expect(await totals.getAttribute('data-acknowledged')).toBe('0');
    const stored = (await e.api(region.cookie, 'GET', `/directives/${directiveId}`)).json as { issuerPath: string; targets: { jurisdictionPath: string }[] };
    expect(stored.issuerPath).toBe('li.oberland');
    expect(stored.targets.map((x) => x.jurisdictionPath)).toContain('li.oberland.vaduz');
    expect(await totals.getAttribute('data-targets')).toBe(String(stored.targets.length));
    expect(e.pageErrors).toEqual([]);
  });

  it('Vaduz acknowledges and reports back in Chinese; the issuer\'s roll-up follows without a reload', async () => {
    const { page } = e;
    await signInOn(other, e.base, vaduz);
    await expect.poll(() => other.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await other.goto(`${e.base}/directives/${directiveId}`);
    const mine = other.locator('[data-testid="directive-target"][data-path="li.oberland.vaduz"]');
    await mine.waitFor();
    await mine.getByTestId('target-acknowledge').click();
    await other.getByTestId('directive-answer-text').fill('收到，今天开始。');
    await other.getByTestId('directive-answer-submit').click();
    await expect.poll(() => mine.getAttribute('data-state')).toBe('acknowledged');
    // The issuer's screen, open all along: acknowledged 1 of the targets.
    await expect.poll(() => page.getByTestId('rollup-totals').getAttribute('data-acknowledged')).toBe('1');

    await mine.getByTestId('target-report').click();
    await other.getByTestId('directive-answer-text').fill('全部消防栓已冲洗并挂牌，两处损坏已报修。');
    await other.getByTestId('directive-answer-submit').click();
    await expect.poll(() => mine.getAttribute('data-state')).toBe('reported');
    await expect.poll(() => page.getByTestId('rollup-totals').getAttribute('data-reported')).toBe('1');
    await expect.poll(() => page.locator('[data-testid="rollup-row"][data-path="li.oberland.vaduz"]').getAttribute('data-standing')).toBe('done');
    await docScreenshot(page, 'directive-rollup-en');
    await docScreenshot(other, 'directive-answered-zh-CN');
    expect(e.pageErrors).toEqual([]);
  });

  it('Vaduz breaks the directive into a task for its post and a subtask for the crew; the crew\'s report rolls up to the issuer live', async () => {
    const { page } = e;
    // The region may hand tasks down into its municipalities too; Vaduz does it here.
    expect(await page.getByTestId('task-new-open').count()).toBe(1);
    await other.getByTestId('task-new-open').click();
    const form = other.getByTestId('task-new-form');
    await form.waitFor();
    await other.getByTestId('task-new-owner').click();
    await other.getByRole('option', { name: /Vaduz duty post/ }).click();
    await other.getByTestId('task-new-title').fill('Vaduz: all hydrants');
    await other.getByTestId('task-new-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await other.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const topId = other.url().split('/').at(-1)!;
    await other.locator(`[data-testid="task-detail"][data-id="${topId}"]`).waitFor();
    // The issuer sees the new task on the directive, without a reload.
    const onIssuer = page.locator(`[data-testid="directive-task"][data-id="${topId}"]`);
    await onIssuer.waitFor();
    expect(await onIssuer.getAttribute('data-percent')).toBe('0');

    await other.getByTestId('task-subtask-open').click();
    await other.getByTestId('task-subtask-form').waitFor();
    await other.getByTestId('task-subtask-owner').click();
    await other.getByRole('option', { name: /Vaduz hydrant crew/ }).click();
    await other.getByTestId('task-subtask-title').fill('Hydrants north of the Rhine bridge');
    await other.getByTestId('task-subtask-form-submit').click();
    await other.getByTestId('task-subtask-form').waitFor({ state: 'detached' });
    await other.waitForURL((u) => !u.pathname.endsWith(topId));
    const subId = other.url().split('/').at(-1)!;
    const stored = (await e.api(vaduz.cookie, 'GET', `/tasks/${subId}`)).json as { parentTaskId: string; ownerPostId: string; directiveId: string };
    expect(stored).toMatchObject({ parentTaskId: topId, ownerPostId: posts.crew, directiveId });

    // The crew reports 60 % on its subtask (through the API: its own screen is covered by tasks.e2e).
    const report = await e.api(crew.cookie, 'POST', `/tasks/${subId}/reports`, { percent: 60, note: 'Twelve of twenty flushed' });
    expect(report.status).toBe(201);
    await expect.poll(() => onIssuer.getAttribute('data-percent')).toBe('60');
    await expect.poll(() => other.locator(`[data-testid="task-tree-row"][data-id="${topId}"]`).getAttribute('data-percent')).toBe('60');
    await docScreenshot(page, 'directive-tasks-en');
    // The task list of Vaduz's duty officer now holds both.
    await other.goto(`${e.base}/tasks`);
    await other.getByTestId('task-list').waitFor();
    await other.getByTestId('task-scope').getByText('我的辖区').click();
    await expect.poll(async () => (await other.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).sort()).toEqual([topId, subId].sort());
    await docScreenshot(other, 'tasks-zh-CN');
    expect(e.pageErrors).toEqual([]);
  });
});
