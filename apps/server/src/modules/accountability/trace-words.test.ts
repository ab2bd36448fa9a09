import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JurisdictionName } from '@firebreak/contracts';
import { TRACE_LANGUAGES, traceSpeech, traceWords } from './trace-words.js';

/** The web's words (the first screen's and the lazy screens' English merged), which the exports repeat. */
function webLocale(lang: string): Record<string, Record<string, unknown>> {
  const read = (file: string) => JSON.parse(readFileSync(new URL(`../../../../web/src/i18n/locales/${file}`, import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
  if (lang !== 'en') return read(`${lang}.json`);
  const base = read('en.json');
  for (const [k, v] of Object.entries(read('en.screens.json'))) base[k] = { ...(v as object), ...base[k] };
  return base;
}

describe('trace export words', () => {
  it.each(TRACE_LANGUAGES)('say enum values as the web app does in %s (one vocabulary for the screen and its printout)', (lang) => {
    const web = webLocale(lang);
    const w = traceWords(lang);
    expect(w.incidentType).toEqual(web.incidentType);
    expect(w.placeCategory).toEqual(web.placeCategory);
    expect(w.grade).toEqual((web.hazards as Record<string, unknown>).grades);
    expect(w.hazardState).toEqual((web.hazards as Record<string, unknown>).states);
    const acc = web.accountability as Record<string, Record<string, string>>;
    if (lang === 'zh-CN') {
      expect(w.taskStatus).toEqual(acc.taskStatus);
      expect(w.concern).toEqual(acc.concern);
      expect(w.missedAnswer).toEqual(acc.missedAnswer);
      expect(Object.values(w.sections).sort()).toEqual(Object.values(acc.section!).sort());
    }
  });

  it('names a jurisdiction in the language, with its parent where the name is shared, and dates in the zone', () => {
    const names: JurisdictionName[] = [
      { path: 'li.oberland.vaduz', name: 'Vaduz', names: { zh: '瓦杜兹' }, parent: { name: 'Oberland', names: {} }, ambiguous: false },
      { path: 'x.a', name: 'Au', names: {}, parent: { name: 'Rheintal', names: { zh: '莱茵河谷' } }, ambiguous: true },
    ];
    const zh = traceSpeech('zh-CN', 'Asia/Shanghai', names);
    expect(zh.place('li.oberland.vaduz')).toBe('瓦杜兹');
    expect(zh.place('x.a')).toBe('Au (莱茵河谷)');
    expect(zh.place('li.unknown')).toBe('li.unknown');
    expect(traceSpeech('en', 'UTC', names).place('li.oberland.vaduz')).toBe('Vaduz');
    // 23:30 UTC is the next morning in Shanghai.
    expect(zh.date('2026-11-29T23:30:00.000Z')).toContain('7:30');
    expect(zh.date('2026-11-29T23:30:00.000Z')).toContain('30日');
    expect(traceSpeech('en', 'UTC', names).date('2026-11-29T23:30:00.000Z')).toContain('Nov 29');
  });

  it('words a tier by its goal, in the language', () => {
    expect(traceWords('zh-CN').goal('on_scene', 2)).toBe('2 支力量到场');
    expect(traceWords('en').goal('responded', 1)).toBe('first unit responded');
  });
});
