import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playGasExplosion } from '../../server/src/modules/major-incidents/index.js';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

/** Clicks the cordon map at pixel offsets from its centre (the map opens centred on the major incident). */
async function clickCorners(page: Page, corners: [number, number][]): Promise<void> {
  const map = page.getByTestId('major-cordon-map');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of corners) {
    await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
    await page.mouse.click(cx + dx, cy + dy);
  }
}

describe.skipIf(!chromiumPresent)('cordons drawn on the major-incident board with the mouse, refused when the outline crosses itself (in both languages), and typed by keyboard', () => {
  let e: E2E;
  let vaduz: TestUser;
  let majorId = '';

  beforeAll(async () => {
    e = await startE2E();
    // Vaduz's duty officer commands a level III incident declared in Vaduz (directives:issue there).
    vaduz = await e.user('duty_officer', 'li.oberland.vaduz');
    const declared = await e.api(vaduz.cookie, 'POST', '/major-incidents', { location: MARKET, title: 'Market hall gas explosion', casualtiesEstimate: 12 });
    expect(declared.status, JSON.stringify(declared.json)).toBe(201);
    majorId = declared.json.id;
  });
  afterAll(async () => e?.close());

  it('draws the outer cordon by clicking its corners on the map, saves it closing the roads, and shows the roads closed and the buildings inside', async () => {
    const { page } = e;
    await signIn(e, vaduz);
    await page.goto(`${e.base}/major-incidents/${majorId}`);
    await page.locator('[data-testid="major-cordon-map"][data-ready="true"]').waitFor();
    expect(await page.getByTestId('major-cordon-outer').getAttribute('data-set')).toBe('false');

    await page.getByTestId('major-cordon-draw-start').click();
    await expect.poll(() => page.getByTestId('major-cordon-map').getAttribute('data-step')).toBe('drawing');
    // Four corners around the market (about 230 m each way at this zoom), then the first again to close.
    await clickCorners(page, [[-100, -80], [100, -80], [100, 80], [-100, 80], [-100, -80]]);
    await expect.poll(() => page.getByTestId('major-cordon-map').getAttribute('data-step')).toBe('editing');
    expect(await page.getByTestId('major-cordon-vertices').getAttribute('data-corners')).toBe('4');
    await page.getByTestId('major-cordon-draw-close-roads').click();
    await page.getByTestId('major-cordon-draw-save').click();

    const outer = page.getByTestId('major-cordon-outer');
    await expect.poll(() => outer.getAttribute('data-set')).toBe('true');
    expect(await outer.textContent()).toContain('drawn');
    await page.getByTestId('major-cordon-outer-closed').waitFor();
    // Saved: the drawing and its corners are cleared for the next one.
    await expect.poll(() => page.getByTestId('major-cordon-vertices').inputValue()).toBe('');
    expect(await page.getByTestId('major-cordon-map').getAttribute('data-step')).toBe('idle');
    expect(Number(await page.getByTestId('major-cordon-outer-buildings').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await page.getByTestId('major-cordon-outer-buildings').textContent()).toMatch(/OSM buildings inside: [1-9]\d*/);
    // What the server stored is the drawn square: four corners and the closing one, around the market.
    const stored = await e.api(vaduz.cookie, 'GET', `/major-incidents/${majorId}`);
    const ring = stored.json.cordons.find((c: { kind: string }) => c.kind === 'outer').area.coordinates[0] as [number, number][];
    expect(ring).toHaveLength(5);
    const lons = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
    expect(Math.min(...lons) < MARKET[0] && Math.max(...lons) > MARKET[0] && Math.min(...lats) < MARKET[1] && Math.max(...lats) > MARKET[1]).toBe(true);
    await screenshot(page, 'major-cordon-drawn');
  });

  it('shows the server\'s refusal of a crossing outline beside the drawing, in Chinese and in English, and stores nothing', async () => {
    const { page } = e;
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator('[data-testid="major-cordon-map"][data-ready="true"]').waitFor();
    await page.getByTestId('major-cordon-draw-kind').getByText('内警戒区').click();
    await page.getByTestId('major-cordon-draw-start').click();
    // A bow tie: the second edge crosses the fourth.
    await clickCorners(page, [[-50, -40], [50, 40], [50, -40], [-50, 40], [-50, -40]]);
    await expect.poll(() => page.getByTestId('major-cordon-map').getAttribute('data-step')).toBe('editing');
    await page.getByTestId('major-cordon-draw-save').click();

    const error = page.getByTestId('major-cordon-draw-error');
    await error.waitFor();
    expect(await error.getAttribute('data-problem')).toBe('selfIntersecting');
    expect(await error.textContent()).toContain('轮廓自相交');
    expect(await page.getByTestId('major-cordon-inner').getAttribute('data-set')).toBe('false');
    await screenshot(page, 'major-cordon-refused-zh-CN');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => error.textContent()).toContain('The outline crosses itself');
    const stored = await e.api(vaduz.cookie, 'GET', `/major-incidents/${majorId}`);
    expect(stored.json.cordons.map((c: { kind: string }) => c.kind)).toEqual(['outer']);
  });

  it('takes the inner cordon typed as corners with the keyboard alone', async () => {
    const { page } = e;
    const d = 0.0006;
    const corners: [number, number][] = [[MARKET[0] - d, MARKET[1] - d], [MARKET[0] + d, MARKET[1] - d], [MARKET[0] + d, MARKET[1] + d], [MARKET[0] - d, MARKET[1] + d]];
    await page.getByTestId('major-cordon-draw-clear').click();
    await page.getByTestId('major-cordon-vertices').focus();
    await page.keyboard.type(corners.map(([lon, lat]) => `${lon.toFixed(6)}, ${lat.toFixed(6)}`).join('\n'));
    // Tab to the close-roads box, tick it with the space bar (it keeps its state from the last save), tab to save and press Enter.
    await page.keyboard.press('Tab');
    const box = page.getByTestId('major-cordon-draw-close-roads');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    if (!(await box.isChecked())) await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const inner = page.getByTestId('major-cordon-inner');
    await expect.poll(() => inner.getAttribute('data-set')).toBe('true');
    await page.getByTestId('major-cordon-inner-closed').waitFor();
    expect(await page.getByTestId('major-cordon-draw-error').count()).toBe(0);
    expect(e.pageErrors).toEqual([]);
  });

  it('shows the scripted exercise\'s words in Chinese on a Chinese screen: title, sectors, points and the SITREP', async () => {
    const { page } = e;
    const { majorIncident: m } = await playGasExplosion(e.t.app.platform, { closeRoads: false });
    await page.goto(`${e.base}/major-incidents/${m.id}`);
    await page.getByTestId('language-switch').getByText('简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('major-title').textContent()).toBe('演习：市场燃气爆炸');
    const detail = page.getByTestId('major-detail');
    await page.getByTestId('major-sitrep-situation').first().waitFor();
    const text = (await detail.textContent())!;
    for (const zh of ['演习导演', '市场大厅', '北区', '集结区：警戒区南侧停车场', '交通管制点：北入口', '演习：市场大厅东翼坍塌；燃气公司正在关断总管。']) expect(text).toContain(zh);
    // None of the script's English is left on the Chinese screen.
    for (const en of ['Exercise director', 'Market hall', 'Staging: car park', 'EXERCISE: east wing']) expect(text).not.toContain(en);
    await screenshot(page, 'major-exercise-zh-CN');
    expect(e.pageErrors).toEqual([]);
  });
});
