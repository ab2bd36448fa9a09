import type { Page } from 'playwright-core';
import type { ScreenText } from './screen-text.js';

/* The screens walk's page helpers (screens-walk.ts): navigation, settling, and what each screen is checked for. */

/** Runs at most `n` of the given jobs at once, the others in turn as they were asked for. */
export function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= n) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** The header's language switch, as a user clicks it: the app re-renders in place, no reload. */
export async function switchLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').locator('label', { hasText: language === 'en' ? 'English' : '简体中文' }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** The header's screens and the "More" menu's. */
export async function navLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('header nav a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const more = page.getByTestId('nav-more');
  if (await more.count()) {
    await more.click();
    const menu = page.getByTestId('nav-more-menu');
    await menu.waitFor();
    hrefs.push(...(await menu.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
    await page.keyboard.press('Escape');
  }
  return hrefs;
}

/** Client-side navigation, as a click on a link does (no reload: the walk stays fast and the stream stays open). */
export async function goTo(page: Page, route: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, route);
  await page.waitForURL((u) => `${u.pathname}${u.search}` === route);
}

/**
 * Waits, inside the page (no round trip per look), until no loader shows and the visible text (digits aside: clocks
 * run) has not changed for 300 ms, at most 10 s.
 */
export async function settle(page: Page): Promise<void> {
  const late = await page.evaluate(() => new Promise<string | null>((resolve) => {
    const started = performance.now();
    let last = '';
    let since = started;
    const look = () => {
      const busy = document.querySelector('.mantine-Loader-root, [aria-busy="true"]');
      const now = busy ? `busy ${busy.outerHTML.slice(0, 200)}` : document.body.innerText.replace(/\d/g, '0');
      const t = performance.now();
      if (now !== last || busy) { last = now; since = t; }
      if (!busy && t - since >= 300) return resolve(null);
      if (t - started > 10_000) return resolve(now.slice(0, 300));
      setTimeout(look, 50);
    };
    look();
  }));
  if (late !== null && process.env.WALK_TIMES) console.log('not settled:', late);
}

/** Every visible text node, the labels a screen reader reads (title, aria-label, placeholder, alt), input values, and the document's title. */
export function screenTexts(page: Page): Promise<ScreenText[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string; source: string }[] = [];
    const whereOf = (el: Element) => {
      const ids: string[] = [];
      for (let x: Element | null = el; x && ids.length < 3; x = x.parentElement) {
        const id = x.getAttribute('data-testid');
        if (id) ids.unshift(id);
      }
      return `${ids.length ? ids.join(' > ') : el.closest('header') ? 'header' : 'main'} > ${el.tagName.toLowerCase()}`;
    };
    // Shown, or read: hidden from assistive technology *and* placed wholly outside the page, text is neither (recharts'
    // measuring span, left in <body> at top -20000px holding the last label it measured — an English "Dec 7" from the
    // walk's first language, read on the next screens in the second; only when that label was the last one measured).
    const outside = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0;
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !(el.closest('[aria-hidden="true"]') && outside(el));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, noscript') || !visible(el)) continue;
      out.push({ text, where: whereOf(el), source: el.closest('kbd') ? 'kbd' : el.closest('code') ? 'code' : 'text' });
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt], input:not([type=hidden]):not([type=password]):not([type=file]):not([type=checkbox]):not([type=radio])')) {
      if (!visible(el)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ text: v, where: whereOf(el), source: `attr:${attr}` });
      }
      if (el instanceof HTMLInputElement && ['text', 'search', 'email', 'tel', 'url', 'number', ''].includes(el.type) && el.value.trim()) out.push({ text: el.value.trim(), where: whereOf(el), source: 'value' });
    }
    out.push({ text: document.title, where: 'document', source: 'title' });
    return out;
  });
}

/** axe-core's serious and critical violations of WCAG 2.1 A/AA on the screen, one line per rule with up to three places. */
export async function axeFindings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)} [${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}]`).join('; ')}`);
  });
}

/**
 * Keyboard: from the start of `region` (the header or the screen), Tab up to 20 times; each stop must
 * be inside the page, visible, and show a focus indicator (outline or box-shadow). Then, anything in
 * the region that looks clickable (cursor: pointer) must be reachable: focusable itself or inside
 * something focusable, or a label of a control.
 */
export async function focusFindings(page: Page, region: 'header' | 'main'): Promise<{ rule: string; match: string; text: string; where: string }[]> {
  await page.evaluate((sel) => {
    const r = document.querySelector<HTMLElement>(sel)!;
    r.setAttribute('tabindex', '-1');
    r.focus();
    r.removeAttribute('tabindex');
  }, region);
  const found: { rule: string; match: string; text: string; where: string }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const region = document.querySelector(sel)!;
      const ids: string[] = [];
      for (let x: Element | null = el; x && ids.length < 2; x = x.parentElement) if (x.getAttribute('data-testid')) ids.unshift(x.getAttribute('data-testid')!);
      const where = `${ids.join(' > ') || sel} > ${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''}`;
      const text = (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60);
      if (!region.contains(el)) return { where, text, out: true, shown: true, ring: true };
      // A visually hidden radio or checkbox (a segmented control, a switch) shows focus on what draws it: its label.
      const small = el.getBoundingClientRect().width < 2;
      const drawn = small && el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el;
      const hasRing = (x: Element) => {
        const s = getComputedStyle(x);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      };
      const ring = hasRing(drawn) || (drawn !== el && [...drawn.querySelectorAll('*')].some(hasRing));
      const rect = drawn.getBoundingClientRect();
      return { where, text, out: false, shown: rect.width > 0 && rect.height > 0, ring };
    }, region);
    if (!stop || stop.out) break;
    if (seen.has(stop.where)) break;
    seen.add(stop.where);
    if (!stop.ring) found.push({ rule: 'no visible focus', match: stop.text || stop.where, text: stop.text, where: stop.where });
    if (!stop.shown) found.push({ rule: 'focus on a hidden element', match: stop.where, text: stop.text, where: stop.where });
  }
  const mouseOnly = await page.evaluate((sel) => {
    const region = document.querySelector(sel);
    if (!region) return [];
    const out: { where: string; text: string }[] = [];
    const focusable = 'a[href], button, input, select, textarea, summary, label, [tabindex], [contenteditable="true"], canvas';
    for (const el of region.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(el).cursor !== 'pointer' || el.closest(focusable) || el.querySelector(focusable) || !el.checkVisibility()) continue;
      if (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer' && !el.parentElement.closest(focusable)) continue; // reported at its parent
      out.push({ where: `${el.closest('[data-testid]')?.getAttribute('data-testid') ?? sel} > ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`, text: (el.innerText || '').trim().slice(0, 60) });
    }
    return out.slice(0, 5);
  }, region);
  for (const m of mouseOnly) found.push({ rule: 'clickable but not reachable by keyboard', match: m.text || m.where, text: m.text, where: m.where });
  return found;
}
