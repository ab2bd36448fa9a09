import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, launchChromium } from './harness.js';
import { screenTexts } from './screens-checks.js';
import { rawFindings } from './screen-text.js';

/*
 * What the screens walk reads as a screen's text (screens-checks.ts screenTexts), on a page of its own: no server.
 * The walk once failed in zh-CN on «Dec» in "Dec 7" on seven screens in a row: recharts' measuring span, which it leaves
 * in <body> (aria-hidden, at top -20000px) holding the last label it measured — an English chart's day from the walk's
 * English pass. Nobody sees it, no screen reader reads it; text that is only one of the two still counts.
 */
describe.skipIf(!chromiumPresent)('the screens walk reads what is shown or read, not what is neither', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const findings = async (body: string) => {
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><title>态势</title></head><body><main><p>未结警情</p></main>${body}</body></html>`);
    return rawFindings(await screenTexts(page), 'zh-CN', []).map((f) => `${f.match} ${f.where}`);
  };

  it('skips an aria-hidden span placed wholly outside the page (a chart library measuring a label)', async () => {
    expect(await findings('<span id="recharts_measurement_span" aria-hidden="true" style="position:absolute;top:-20000px;left:0;white-space:pre">Dec 7</span>')).toEqual([]);
  });

  it('still reads an English word shown on the page, hidden from screen readers or not', async () => {
    expect(await findings('<span aria-hidden="true">Dec 7</span>')).toEqual(['Dec main > span']);
    expect(await findings('<span>Dec 7</span>')).toEqual(['Dec main > span']);
  });

  it('still reads text placed outside the page for screen readers (a skip link, a visually hidden label)', async () => {
    expect(await findings('<span style="position:absolute;top:-20000px">Dec 7</span>')).toEqual(['Dec main > span']);
  });
});
