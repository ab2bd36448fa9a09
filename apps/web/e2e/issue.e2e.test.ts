import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

const UUID_URL = /[0-9a-f-]{36}$/;

describe.skipIf(!chromiumPresent)('command center: issuing directives and campaigns from the browser', () => {
  let e: E2E;
  let commander: TestUser;

  beforeAll(async () => {
    e = await startE2E();
    commander = await e.user('commander', 'li');
    await signIn(e, commander);
  });
  afterAll(async () => e?.close());

  it('issues a directive: a server refusal shows under its field, Ctrl+Enter sends, the new directive opens', async () => {
    const { page } = e;
    await page.goto(`${e.base}/directives`);
    await page.getByTestId('directive-new').click();
    const form = page.getByTestId('directive-form');
    await form.waitFor();
    await page.getByTestId('directive-form-title').fill('Flood watch on the Rhine');
    await page.getByTestId('directive-form-content').fill('The Rhine is rising. Check the dams in your area.');
    await page.getByTestId('directive-form-actions').fill('Patrol the dams\nReport the water level');
    await page.getByTestId('directive-form-all-targets').click();
    // Deadlines in the past pass the form's own checks; the server refuses them by field.
    await page.getByTestId('directive-form-acknowledge-by').fill('2020-01-01T08:00');
    await page.getByTestId('directive-form-report-by').fill('2020-01-02T08:00');
    await page.getByTestId('directive-form-title').press('Control+Enter');
    await expect.poll(() => form.textContent()).toContain('must be in the future');
    expect(page.url()).toMatch(/\/directives$/);
    await screenshot(page, '20-directive-form-field-error');

    const soon = new Date(Date.now() + 3 * 3_600_000);
    const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T12:00`;
    const tomorrow = new Date(soon.getTime() + 86_400_000);
    const later = new Date(soon.getTime() + 2 * 86_400_000);
    await page.getByTestId('directive-form-acknowledge-by').fill(local(tomorrow));
    await page.getByTestId('directive-form-report-by').fill(local(later));
    await page.getByTestId('directive-form-content').press('Control+Enter');
    await page.waitForURL(UUID_URL);
    const id = page.url().split('/').at(-1)!;
    await page.locator('[data-testid="directive-row"][data-id="' + id + '"]').waitFor();
    await page.getByTestId('directive-detail').waitFor();
    expect(await page.getByTestId('directive-form').count()).toBe(0);
    // The roll-up names each row's level as the server's configuration names it (GET /jurisdictions/levels), not by its key.
    await expect.poll(async () => (await page.getByTestId('rollup-level').allTextContents()).map((s) => s.trim())).toEqual(['· Region', '· Region']);

    const stored = (await e.api(commander.cookie, 'GET', `/directives/${id}`)).json;
    const below = ((await e.api(commander.cookie, 'GET', '/jurisdictions')).json as { children: unknown[] }[]);
    const count = (nodes: { children: unknown[] }[]): number => nodes.reduce((n, c) => n + 1 + count(c.children as { children: unknown[] }[]), 0);
    expect(stored).toMatchObject({ title: 'Flood watch on the Rhine', issuerPath: 'li', requiredActions: ['Patrol the dams', 'Report the water level'] });
    expect(stored.targets).toHaveLength(count(below) - 1);
  });

  it('issues a hazard campaign with the submit button and opens it', async () => {
    const { page } = e;
    await page.goto(`${e.base}/campaigns`);
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-form').waitFor();
    await page.getByTestId('campaign-form-submit').click();
    // Nothing sent yet: the missing fields say so.
    await expect.poll(() => page.getByTestId('campaign-form').textContent()).toContain('Required');
    await page.getByTestId('campaign-form-title').fill('Autumn school check');
    await page.getByTestId('campaign-form-categories').click();
    await page.getByRole('option', { name: 'School', exact: true }).click();
    await screenshot(page, '21-campaign-form');
    await page.getByTestId('campaign-form-submit').click();
    await page.waitForURL(UUID_URL);
    const id = page.url().split('/').at(-1)!;
    await page.locator(`[data-testid="campaign-detail"][data-id="${id}"]`).waitFor();
    const stored = (await e.api(commander.cookie, 'GET', `/campaigns/${id}`)).json;
    expect(stored).toMatchObject({ title: 'Autumn school check', issuerPath: 'li', categories: ['school'] });
    expect(stored.assignments).toBeGreaterThan(0);
    expect(e.pageErrors).toEqual([]);
  });
});
