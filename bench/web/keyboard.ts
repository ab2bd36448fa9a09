/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { signedInContext } from './probes.js';

export interface KeyboardRun {
  /** Every key press and click beyond the typed text, in order. */
  actions: string[];
  typed: string[];
  /** From the first key press to the assignments on screen, typing included (no human think time). */
  ms: number;
  priority: string | null;
  assignments: number;
}

/**
 * A P1 call from the operations screen to dispatched units with the keyboard alone, the way the
 * app's shortcuts and focus moves intend it: N (new incident), type the incident type, Enter,
 * type the address (a key place's name), Enter on the first suggestion, type the narrative,
 * Ctrl+Enter (create), Enter (send the recommended units). Fails if any step does not land.
 */
export async function keyboardPath(browser: Browser, base: string, cookie: string, place: string): Promise<KeyboardRun> {
  const context = await signedInContext(browser, base, cookie);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.firebreakMap?.ready === true && window.firebreakMap.map.loaded());
  await page.getByTestId('connection-state').and(page.locator('[data-state="live"]')).waitFor();
  const actions: string[] = [];
  const typed: string[] = [];
  const press = async (key: string) => {
    actions.push(key);
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    typed.push(text);
    await page.keyboard.type(text);
  };
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

  const started = performance.now();
  await press('n');
  await page.getByTestId('intake-panel').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'intake-type');
  await type('Fire');
  await page.getByRole('option', { name: 'Fire', exact: true }).waitFor();
  await press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'intake-address');
  await type(place);
  await page.getByTestId('address-option').first().waitFor();
  await press('Enter');
  await page.getByTestId('picked-marker').waitFor();
  if ((await focused()) !== 'intake-narrative') throw new Error(`after the address, focus is on ${await focused()}, not the narrative`);
  await type('Smoke from the roof, two people still inside');
  const priority = await page.evaluate(() => (document.querySelector('[data-testid^="intake-priority-"] input:checked, input[data-testid^="intake-priority-"]:checked') as HTMLInputElement | null)?.value ?? null);
  await press('Control+Enter');
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'dispatch-button');
  await press('Enter');
  await page.getByTestId('assignment').first().waitFor();
  const ms = performance.now() - started;
  const assignments = await page.getByTestId('assignment').count();
  await context.close();
  return { actions, typed, ms, priority, assignments };
}
