import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/test/harness.js';
import { chromiumPresent, screenshot, signIn, startE2E, type E2E } from './harness.js';

describe.skipIf(!chromiumPresent)('intake: the caller\'s address found by the offline geocoder, with the keyboard', () => {
  let e: E2E;
  let dispatcher: TestUser;

  beforeAll(async () => {
    e = await startE2E();
    dispatcher = await e.user('dispatcher', 'li');
  });
  afterAll(async () => e?.close());

  it('types "Aeulestrasse 20" (no umlaut), takes the first suggestion with Enter: the point in Vaduz', async () => {
    const { page } = e;
    const expected = (await e.api(dispatcher.cookie, 'GET', `/geocode?q=${encodeURIComponent('Äulestrasse 20, Vaduz')}&limit=1`)).json.results[0] as { label: string; point: { coordinates: [number, number] } };
    expect(expected.label).toBe('Aeulestrasse 20, Vaduz');
    await signIn(e, dispatcher);
    await page.getByTestId('new-incident').click();
    await page.getByTestId('intake-panel').waitFor();
    await page.getByTestId('intake-address').focus();
    await page.keyboard.type('Aeulestrasse 20', { delay: 30 });
    const option = page.getByTestId('address-option').filter({ hasText: 'Aeulestrasse 20, Vaduz' }).first();
    await option.waitFor();
    await expect.poll(async () => (await page.getByTestId('address-option').first().textContent()) ?? '').toContain('Aeulestrasse 20, Vaduz');
    await screenshot(page, 'geocode-01-suggestions');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-address').inputValue()).toBe('Aeulestrasse 20, Vaduz');
    await expect.poll(() => page.getByTestId('intake-jurisdiction').textContent()).toContain('Vaduz');
    const [lon, lat] = expected.point.coordinates;
    await expect.poll(() => page.getByTestId('intake-location').textContent()).toContain(`${lat.toFixed(5)}, ${lon.toFixed(5)}`);
    await screenshot(page, 'geocode-02-picked');
  });

  it('types the address and presses Enter at once, before any suggestion has come: the first suggestion for the whole text is taken when it comes', async () => {
    const { page } = e;
    await page.context().clearCookies();
    await signIn(e, dispatcher);
    await page.getByTestId('new-incident').click();
    await page.getByTestId('intake-panel').waitFor();
    await page.getByTestId('intake-address').focus();
    // Typed in one go and Enter at once: the 200 ms debounce has not even sent the search yet.
    await page.keyboard.insertText('Aeulestrasse 20');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-address').inputValue(), { timeout: 15_000 }).toBe('Aeulestrasse 20, Vaduz');
    await expect.poll(() => page.getByTestId('intake-jurisdiction').textContent(), { timeout: 15_000 }).toContain('Vaduz');
    await screenshot(page, 'geocode-03-enter-before-suggestions');
  });
});
