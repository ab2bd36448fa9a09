import { describe, expect, it } from 'vitest';
import { describeFindings, englishWords, rawFindings, type ScreenText } from './screen-text.js';

const at = (text: string, source = 'text'): ScreenText => ({ text, where: 'unit-board > td', source });
const rules = (texts: ScreenText[], lang = 'en', data: string[] = []) => rawFindings(texts, lang, data).map((f) => `${f.rule}: ${f.match}`);

describe('raw text on a screen', () => {
  it('finds jurisdiction paths, event and i18n keys, enum values, wire timestamps and missing values in any language', () => {
    expect(rules([at('Vaduz · li.oberland.vaduz')])).toContain('jurisdiction path: li.oberland.vaduz');
    expect(rules([at('From li.oberland')])).toContain('jurisdiction path: li.oberland');
    expect(rules([at('dispatch.unit_reassigned by Anna')])).toContain('dotted key: dispatch.unit_reassigned');
    expect(rules([at('incidents.tierMissed')])).toEqual(['dotted key: incidents.tierMissed']);
    expect(rules([at('Type: campus_incident')])).toEqual(['snake_case key: campus_incident']);
    expect(rules([at('at 2026-12-06T09:03:01Z')])).toEqual(['ISO timestamp: 2026-12-06T09:03']);
    expect(rules([at('{{count}} units')])).toEqual(['unfilled placeholder: {{count}}']);
    expect(rules([at('ETA undefined')])).toEqual(['missing value: undefined']);
    expect(rules([at('p90 0.04 min')])).toEqual(['decimal minutes: 0.04 min']);
    expect(rules([at('school (OSM way 27422342) · 3:10')])).toEqual(['generated place name: (OSM way 27422342)']);
    expect(rules([at('学校 (OSM node 1) 未覆盖')], 'zh-CN')).toContain('generated place name: (OSM node 1)');
  });

  it('passes words, numbers, m:ss durations, times and file names', () => {
    expect(rules([at('Vaduz (Oberland) · 3 units available · 1:05 · 6 Dec 2026, 10:03 · report.csv · 12.5 km')])).toEqual([]);
    expect(rules([at('进行中 · 可派 3 · 1:05')], 'zh-CN')).toEqual([]);
  });

  it('in zh-CN flags English words outside data and the allow-list, not codes, key caps or names', () => {
    expect(rules([at('单位 OFF DUTY')], 'zh-CN')).toEqual(['English word in zh-CN: OFF', 'English word in zh-CN: DUTY']);
    expect(rules([at('A 可用')], 'zh-CN')).toEqual(['English word in zh-CN: A']);
    expect(rules([at('P1 火灾 · MFA · ID 12 · © OpenStreetMap')], 'zh-CN')).toEqual([]);
    expect(rules([at('Esc', 'kbd')], 'zh-CN')).toEqual([]);
    expect(rules([at('{"move": [{"callSign": 1}]}', 'code')], 'zh-CN')).toEqual([]);
    expect(rules([at('{"move": 1}')], 'zh-CN')).toEqual(['English word in zh-CN: move']);
    expect(rules([at('返回（Esc）')], 'zh-CN')).toEqual([]);
    // A path is reported as a path, not again as English words.
    expect(rules([at('发令单位 li.oberland')], 'zh-CN')).toEqual(['jurisdiction path: li.oberland']);
    expect(rules([at('Florian Vaduz TLF 已出动')], 'zh-CN', ['Vaduz', 'Florian Vaduz TLF'])).toEqual([]);
    // English is not flagged on an English screen.
    expect(rules([at('OFF DUTY')], 'en')).toEqual([]);
  });

  it('exempts data from the key rules too (a username is no event key), but only inside the data', () => {
    expect(rules([at('by duty.oberland')], 'en', ['duty.oberland'])).toEqual([]);
    expect(rules([at('duty.oberland in li.oberland')], 'en', ['duty.oberland'])).toEqual(['jurisdiction path: li.oberland']);
  });

  it('takes the longest data string first', () => {
    expect(englishWords('Florian Vaduz DL', ['Vaduz', 'Florian Vaduz DL'])).toEqual([]);
    expect(englishWords('Florian Vaduz DL', ['Vaduz'])).toEqual(['Florian', 'DL']);
  });

  it('says where: the screen, the rule, the match, the text', () => {
    const [line] = describeFindings('[zh-CN dispatcher] /units', rawFindings([at('单位 OFF')], 'zh-CN', []));
    expect(line).toBe('[zh-CN dispatcher] /units: English word in zh-CN «OFF» in "单位 OFF" at unit-board > td');
  });
});
