import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, shiftClock, signIn, startE2E, type E2E } from './harness.js';

const HOUR = 3_600_000;
// A small but real PDF: the server checks evidence by its first bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!chromiumPresent)('command center: tasks broken down to posts, progress rolled up, who held a post when', () => {
  let e: E2E;
  let commander: TestUser;
  let anna: TestUser;
  let ben: TestUser;
  const ids: Record<string, string> = {};
  let directiveId = '';
  const posts = { leader: '', duty: '', night: '' };
  const tasks = { root: '', north: '', south: '' };
  const ok = async <T>(res: Promise<{ status: number; json: T }>, status = 201): Promise<T> => {
    const r = await res;
    expect(r.status, JSON.stringify(r.json)).toBe(status);
    return r.json;
  };
  const row = (id: string) => e.page.locator(`[data-testid="task-tree-row"][data-id="${id}"]`);

  beforeAll(async () => {
    e = await startE2E();
    commander = await e.user('commander', 'li.oberland');
    anna = await e.user('duty_officer', 'li.oberland.vaduz');
    ben = await e.user('duty_officer', 'li.oberland.vaduz');
    const c = commander.cookie;
    type Node = { id: string; path: string; children: Node[] };
    const tree = (await ok(e.api(c, 'GET', '/jurisdictions'), 200)) as Node[];
    const walk = (nodes: Node[]) => nodes.forEach((n) => { ids[n.path] = n.id; walk(n.children); });
    walk(tree);
    for (const [key, path, kind, title] of [
      ['leader', 'li.oberland.vaduz', 'leader', 'Vaduz station leader'],
      ['duty', 'li.oberland.vaduz', 'duty_post', 'Vaduz duty officer'],
      ['night', 'li.oberland.vaduz', 'duty_post', 'Vaduz night duty'],
    ] as const) {
      posts[key] = (await ok(e.api(c, 'POST', '/posts', { jurisdictionId: ids[path], kind, title }))).id;
    }
    await ok(e.api(c, 'POST', `/posts/${posts.leader}/handovers`, { userId: ben.id }), 200);
    await ok(e.api(c, 'POST', `/posts/${posts.duty}/handovers`, { userId: anna.id }), 200);
    const due = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
    const directive = await ok(e.api(c, 'POST', '/directives', {
      issuerJurisdictionId: ids['li.oberland'], title: 'Hydrant check before winter', content: 'Check every hydrant.', requiredActions: ['Check hydrants'],
      targetJurisdictionIds: [ids['li.oberland.vaduz']], acknowledgeBy: due(24), reportBy: due(96),
    }));
    directiveId = directive.id;
    tasks.root = (await ok(e.api(c, 'POST', '/tasks', { directiveId: directive.id, ownerPostId: posts.leader, title: 'Vaduz: all hydrants', dueAt: due(72) }))).id;
    tasks.north = (await ok(e.api(c, 'POST', '/tasks', { parentTaskId: tasks.root, ownerPostId: posts.duty, title: 'North hydrants', dueAt: due(48), weight: 1 }))).id;
    tasks.south = (await ok(e.api(c, 'POST', '/tasks', { parentTaskId: tasks.root, ownerPostId: posts.duty, title: 'South hydrants', dueAt: due(60), weight: 1 }))).id;
    await ok(e.api(anna.cookie, 'POST', `/tasks/${tasks.north}/reports`, { percent: 50, note: 'Half of the north done' }));
  });
  afterAll(async () => e?.close());

  it('shows the breakdown with its roll-up; a report with an evidence file from the browser moves the parent', async () => {
    const { page } = e;
    await signIn(e, anna);
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByTestId('task-list').waitFor();
    // Anna holds the duty post: her own tasks first (North and South), not the leader's.
    await expect.poll(() => page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([tasks.north, tasks.south]);
    await page.locator(`[data-testid="task-row"][data-id="${tasks.south}"]`).click();
    await page.locator(`[data-testid="task-detail"][data-id="${tasks.south}"]`).waitFor();
    await expect.poll(() => page.getByTestId('task-holder').textContent()).toBe(anna.username);
    // Root = mean of north 50 and south 0.
    await expect.poll(() => row(tasks.root).getAttribute('data-percent')).toBe('25');
    expect(await row(tasks.north).getAttribute('data-percent')).toBe('50');
    expect(await row(tasks.south).getAttribute('data-current')).toBe('true');
    expect(await row(tasks.south).getAttribute('data-depth')).toBe('1');
    await expect.poll(() => page.getByTestId('task-source-link').textContent()).toBe('Hydrant check before winter');
    expect(await page.getByTestId('task-source-link').getAttribute('href')).toBe(`/directives/${directiveId}`);

    await page.getByTestId('task-report-open').click();
    const form = page.getByTestId('task-report-form');
    await form.waitFor();
    await page.getByTestId('task-report-percent').fill('100');
    await page.getByTestId('task-report-note').fill('All south hydrants flushed and tagged');
    await form.locator('input[type="file"]').setInputFiles({ name: 'south-hydrants.pdf', mimeType: 'application/pdf', buffer: PDF });
    await screenshot(page, '90-task-report-form');
    await page.getByTestId('task-report-form-submit').click();
    await form.waitFor({ state: 'detached' });

    // The parent rolls up: (50 + 100) / 2.
    await expect.poll(() => row(tasks.root).getAttribute('data-percent')).toBe('75');
    await expect.poll(() => page.getByTestId('task-detail').getAttribute('data-status')).toBe('done');
    const link = page.getByTestId('task-evidence-link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], href);
    expect(Buffer.from(bytes).equals(PDF)).toBe(true);
    await expect.poll(() => page.locator('[data-testid="task-history-entry"][data-action="tasks.progress_reported"]').count()).toBe(1);

    // Someone else reports on North: the open screen follows the stream, without a reload.
    await ok(e.api(anna.cookie, 'POST', `/tasks/${tasks.north}/reports`, { percent: 100, note: 'North done' }));
    await expect.poll(() => row(tasks.root).getAttribute('data-percent')).toBe('100');
    await expect.poll(() => row(tasks.root).locator('[data-testid="task-status"]').getAttribute('data-status')).toBe('done');
    await screenshot(page, '91-task-tree-rolled-up');
    const stored = (await ok(e.api(commander.cookie, 'GET', `/tasks/${tasks.south}`), 200)) as { percent: number; reports: { evidence: { filename: string }[] }[] };
    expect(stored.percent).toBe(100);
    expect(stored.reports[0]!.evidence.map((f) => f.filename)).toEqual(['south-hydrants.pdf']);
    expect(e.pageErrors).toEqual([]);
  });

  it('hands a post over from the browser and answers who held it before the handover', async () => {
    const { page } = e;
    // Holdings are [from, to) to the millisecond; the picker works in seconds: Anna's starts a few seconds before
    // the handover the browser makes (the server's clock moved back for it, rather than waiting them out).
    shiftClock(e, -5000);
    const first = await ok(e.api(commander.cookie, 'POST', `/posts/${posts.night}/handovers`, { userId: anna.id }), 200).finally(() => shiftClock(e, 0)) as { holder: { from: string } };
    const annaFrom = Date.parse(first.holder.from);
    expect(Date.now() - annaFrom).toBeGreaterThanOrEqual(5000);
    await page.context().clearCookies();
    await signIn(e, commander);
    await page.getByTestId('nav-more').click();
    await page.getByRole('menuitem', { name: 'Posts' }).click();
    await page.locator(`[data-testid="post-row"][data-id="${posts.night}"]`).click();
    const detail = page.locator(`[data-testid="post-detail"][data-id="${posts.night}"]`);
    await detail.waitFor();
    await expect.poll(() => page.getByTestId('post-holder').getAttribute('data-user-id')).toBe(anna.id);

    await page.getByTestId('post-handover-open').click();
    await page.getByTestId('post-handover-form').waitFor();
    await page.getByTestId('post-handover-user').click();
    await page.getByRole('option', { name: new RegExp(ben.username) }).click();
    await page.getByTestId('post-handover-form-submit').click();
    await page.getByTestId('post-handover-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('post-holder').getAttribute('data-user-id')).toBe(ben.id);
    await expect.poll(() => page.getByTestId('post-holding').count()).toBe(2);

    // The browser's own clock and zone turn an instant into what the picker shows.
    const local = (ms: number) => page.evaluate((at) => {
      const d = new Date(at);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }, ms);
    const picker = page.getByTestId('post-at-input');
    await picker.fill(await local(Math.ceil((annaFrom + 1) / 1000) * 1000));
    await expect.poll(() => page.getByTestId('post-holder-at').getAttribute('data-user-id')).toBe(anna.id);
    expect(await page.locator(`[data-testid="post-holding"][data-marked="true"]`).getAttribute('data-user-id')).toBe(anna.id);
    await screenshot(page, '92-post-held-before-handover');

    await picker.fill(await local(annaFrom - 60_000));
    await expect.poll(() => page.getByTestId('post-holder-at').getAttribute('data-user-id')).toBe('');
    expect(await page.getByTestId('post-holder-at').textContent()).toContain('Nobody held this post');
    await picker.fill(await local(Date.now() + 1000));
    await expect.poll(() => page.getByTestId('post-holder-at').getAttribute('data-user-id')).toBe(ben.id);
    expect(e.pageErrors).toEqual([]);
  });
  it('breaks a task down from the browser: the new subtask starts at nothing and pulls the parent down', async () => {
    const { page } = e;
    // Signed in as the commander since the last test.
    await page.goto(`${e.base}/tasks/${tasks.root}`);
    await page.locator(`[data-testid="task-detail"][data-id="${tasks.root}"]`).waitFor();
    await expect.poll(() => row(tasks.root).getAttribute('data-percent')).toBe('100');
    // A parent takes no reports of its own: its progress comes from its subtasks.
    expect(await page.getByTestId('task-report-open').count()).toBe(0);
    await page.getByTestId('task-subtask-open').click();
    const form = page.getByTestId('task-subtask-form');
    await form.waitFor();
    await page.getByTestId('task-subtask-owner').click();
    await page.getByRole('option', { name: /Vaduz night duty/ }).click();
    await page.getByTestId('task-subtask-title').fill('Hydrants along the Rhine');
    await page.getByTestId('task-subtask-title').press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    await page.waitForURL((u) => !u.pathname.endsWith(tasks.root));
    const subtaskId = page.url().split('/').at(-1)!;
    await page.locator(`[data-testid="task-detail"][data-id="${subtaskId}"]`).waitFor();
    await expect.poll(() => row(subtaskId).getAttribute('data-depth')).toBe('1');
    // (100 + 100 + 0) / 3
    await expect.poll(async () => Number(await row(tasks.root).getAttribute('data-percent'))).toBeCloseTo(200 / 3, 5);
    expect(await row(tasks.root).locator('[data-testid="task-status"]').getAttribute('data-status')).toBe('in_progress');
    await screenshot(page, '93-task-subtask-added');
    const stored = (await ok(e.api(commander.cookie, 'GET', `/tasks/${subtaskId}`), 200)) as { parentTaskId: string; ownerPostId: string; title: string };
    expect(stored).toMatchObject({ parentTaskId: tasks.root, ownerPostId: posts.night, title: 'Hydrants along the Rhine' });
    expect(e.pageErrors).toEqual([]);
  });
});
