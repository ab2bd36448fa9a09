import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, docScreenshot, mapReady, signIn, startE2E, type E2E } from './harness.js';

/** Metres east and north of a point, in lon/lat. */
const offset = ([lon, lat]: [number, number], east: number, north: number): [number, number] => [lon + east / (111_000 * Math.cos((lat * Math.PI) / 180)), lat + north / 111_000];

/** Waits until the map has drawn everything it asked for (tiles, glyphs) at its current view. */
async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = window.firebreakMap?.map;
    return Boolean(m && m.loaded() && m.areTilesLoaded() && !m.isMoving());
  }, undefined, { timeout: 20_000 });
}

/** How many symbols of a label layer the map has placed on screen now. */
const rendered = (page: Page, layer: string) => page.evaluate((id) => window.firebreakMap!.map.queryRenderedFeatures({ layers: [id] }).length, layer);

describe.skipIf(!chromiumPresent)('intake: the address typed, what is known about the place beside it, dispatched with the keyboard alone', () => {
  let e: E2E;
  let dispatcher: TestUser;
  let at: [number, number];

  beforeAll(async () => {
    e = await startE2E();
    dispatcher = await e.user('dispatcher', 'li.oberland.vaduz');
    const admin = await e.adminCookie();
    at = (await e.api(admin, 'GET', `/geocode?q=${encodeURIComponent('Aeulestrasse 20')}&limit=1`)).json.results[0].point.coordinates;
    // A kindergarten next door with a hazard still to fix: what the dispatcher must see while on the phone.
    const place = await e.api(admin, 'POST', '/places', { name: 'Kindergarten Äule', category: 'kindergarten', geometry: { type: 'Point', coordinates: offset(at, 60, 20) } });
    expect(place.status).toBe(201);
    const hazard = await e.api(admin, 'POST', '/hazards', { placeId: place.json.id, grade: 'major', title: 'Emergency exit blocked' });
    expect(hazard.status).toBe(201);
    await signIn(e, dispatcher);
  }, 120_000);
  afterAll(async () => e?.close());

  it.each([
    ['en', 'Fire'],
    ['zh-CN', '火灾'],
  ] as const)('%s: "Aeulestrasse 20" → the point in Vaduz → the premise panel lists the kindergarten and its hazard → dispatched from the keyboard', async (language, fireLabel) => {
    const { page } = e;
    await page.goto(`${e.base}/`);
    await mapReady(page);
    if (language === 'zh-CN') {
      await page.getByTestId('language-switch').getByText('简体中文').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    }
    // The layer panel starts collapsed: the map is the first thing read.
    expect(await page.getByTestId('layer-panel').locator('input[type=checkbox]').count()).toBe(0);

    // The language switch is a radio group: leave it, as a dispatcher's hands leave the mouse.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let presses = 0;
    const press = async (key: string) => { presses++; await page.keyboard.press(key); };
    await press('n');
    await page.getByTestId('intake-panel').waitFor();
    await page.keyboard.type(fireLabel, { delay: 20 });
    await press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intake-address');
    await page.keyboard.type('Aeulestrasse 20', { delay: 20 });
    await page.getByTestId('address-option').filter({ hasText: 'Aeulestrasse 20, Vaduz' }).first().waitFor();
    await expect.poll(async () => (await page.getByTestId('address-option').first().textContent()) ?? '').toContain('Aeulestrasse 20, Vaduz');
    await press('Enter');
    await expect.poll(() => page.getByTestId('intake-location').textContent()).toContain(`${at[1].toFixed(5)}, ${at[0].toFixed(5)}`);

    // Beside the form, as soon as the location is chosen.
    const panel = page.getByTestId('premise-panel');
    await expect.poll(() => panel.getByTestId('premise-places').textContent()).toContain('Kindergarten Äule');
    await expect.poll(() => panel.getByTestId('premise-hazards').textContent()).toContain('Emergency exit blocked');
    // The demo country's Chinese name in zh-CN (jurisdictions/demo-names.ts), not the data's Latin one.
    expect(await panel.getByTestId('premise-jurisdiction').textContent()).toContain(language === 'en' ? 'Vaduz' : '瓦杜兹');
    await expect.poll(() => panel.getByTestId('premise-duplicates').isVisible()).toBe(true);

    // The map at the address: street names at z15, house numbers at z17, drawn with the server's glyphs
    // (the screenshots the issue asks for: kept with the docs, docScreenshot).
    await mapIdle(page);
    await expect.poll(() => rendered(page, 'label-road')).toBeGreaterThan(0);
    await docScreenshot(page, `intake-premise-z15-${language}`);
    await page.evaluate((c) => window.firebreakMap!.map.jumpTo({ center: c, zoom: 17.5 }), at);
    await mapIdle(page);
    await expect.poll(() => rendered(page, 'label-housenumber')).toBeGreaterThan(0);
    await docScreenshot(page, `intake-premise-z17-${language}`);

    // Focus is in the narrative after the pick: Ctrl+Enter creates, Enter sends the recommended units.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intake-narrative');
    await press('Control+Enter');
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const incidentId = page.url().split('/').at(-1)!;
    await page.locator('[data-testid="recommendation"][data-selected="true"]').first().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await press('Enter');
    await expect.poll(async () => (await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}/assignments`)).json.length).toBeGreaterThan(0);
    // At street level the incident is labelled with its type and age, beside its marker, not over it.
    await page.evaluate((c) => window.firebreakMap!.map.jumpTo({ center: c, zoom: 16.5 }), at);
    await mapIdle(page);
    const typeName = language === 'zh-CN' ? '火灾' : 'Fire';
    await expect.poll(() => page.evaluate(() => window.firebreakMap!.map.queryRenderedFeatures({ layers: ['incidents-label'] }).map((f) => String(f.properties.label)))).toContainEqual(expect.stringContaining(typeName));
    const stored = (await e.api(dispatcher.cookie, 'GET', `/incidents/${incidentId}`)).json;
    expect(stored).toMatchObject({ type: 'fire', jurisdictionPath: 'li.oberland.vaduz', address: 'Aeulestrasse 20, Vaduz' });
    // The budget: at most 8 presses beyond the text typed, the address pick one of them.
    expect(presses).toBeLessThanOrEqual(8);
    expect(e.pageErrors).toEqual([]);
    if (language === 'zh-CN') await page.getByTestId('language-switch').getByText('English').click();
  });
});
