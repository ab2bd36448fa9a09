import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Campaign, CoverageNodeShape, JurisdictionName } from '@firebreak/contracts';
import { PRINT_LANGUAGES } from '../../platform/http/print-speech.js';
import { coverageCsv } from './report-csv.js';
import { coverageHtml } from './report-html.js';
import { coverageReportSpeech } from './report-words.js';

const names: JurisdictionName[] = [
  { path: 'li', name: 'Liechtenstein', names: { zh: '列支敦士登' }, parent: null, ambiguous: false },
  { path: 'li.vaduz', name: 'Vaduz', names: { zh: '瓦杜兹' }, parent: { name: 'Liechtenstein', names: { zh: '列支敦士登' } }, ambiguous: false },
];
const zero = { total: 0, inspected: 0, missed: 0 };
const node = (path: string, name: string, total: number, inspected: number, children: CoverageNodeShape[] = []): CoverageNodeShape => ({
  path, name, total, inspected, missed: 1, own: zero, below: zero, byCategory: { school: { total, inspected, missed: 1 } }, children,
});
const tree = node('li', 'Liechtenstein', 3000, 1500, [node('li.vaduz', 'Vaduz', 8, 2)]);
// 23:30 UTC on 29 Nov is 30 Nov in Shanghai.
const campaign: Campaign = {
  id: '00000000-0000-7000-8000-000000000001', title: 'Winter <fire> check', issuerPath: 'li', categories: ['school', 'hospital'], scopePaths: ['li'],
  startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-11-29T23:30:00.000Z', dueAt: '2026-11-29T23:30:00.000Z', missedAt: '2026-12-06T23:30:00.000Z',
  assignments: 3000, createdAt: '2026-11-01T00:00:00.000Z',
};
const generated = new Date('2026-11-29T23:30:00.000Z');

describe('the campaign coverage page and CSV', () => {
  it('reads in English by name, with dates in the zone and categories in words', () => {
    const html = coverageHtml(campaign, tree, generated, coverageReportSpeech('en', 'UTC', names));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Winter &lt;fire&gt; check</h1>');
    expect(html).toContain('Issued by Liechtenstein · categories: School, Hospital · period Nov 1, 2026 – Nov 29, 2026');
    expect(html).toContain('1,500 of 3,000 places inspected (50.0 %)');
    expect(html).toContain('<th>School</th>');
    expect(html).not.toContain('li.vaduz');
  });

  it('reads in Chinese: words, names, days in Shanghai', () => {
    const html = coverageHtml(campaign, tree, generated, coverageReportSpeech('zh-CN', 'Asia/Shanghai', names));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('发起单位 列支敦士登 · 类别：学校、医院');
    expect(html).toContain('2026年11月30日 截止');
    expect(html).toContain('瓦杜兹</td>');
    expect(html).toContain('<th>已检查</th><th>漏检</th>');
    expect(html).toContain('<th>学校</th>');
    expect(html).not.toMatch(/Issued|Coverage|Inspected|School|Nov/);
    expect(html).not.toContain('li.vaduz');
  });

  it('keeps the CSV joinable: path, category key and numbers as they are; header and names in the language', () => {
    const en = coverageCsv(tree, coverageReportSpeech('en', 'UTC', names)).split('\r\n');
    expect(en[0]).toBe('jurisdiction_path,jurisdiction,category,in_scope,inspected,missed,pending,coverage_percent');
    expect(en[1]).toBe('li,Liechtenstein,all,3000,1500,1,1499,50.0');
    const zh = coverageCsv(tree, coverageReportSpeech('zh-CN', 'UTC', names)).split('\r\n');
    expect(zh[0]).toBe('辖区路径,辖区,类别,范围内,已检查,漏检,待检查,覆盖率');
    expect(zh[3]).toBe('li.vaduz,瓦杜兹,all,8,2,1,5,25.0');
  });

  it.each(PRINT_LANGUAGES)('heads its table with the web app\'s words in %s', (lang) => {
    const web = JSON.parse(readFileSync(new URL(`../../../../web/src/i18n/locales/${lang === 'en' ? 'en.screens' : lang}.json`, import.meta.url), 'utf8')) as { campaigns: Record<string, string> };
    const { heads } = coverageReportSpeech(lang, 'UTC', []).w;
    expect([heads.jurisdiction, heads.inspected, heads.missed, heads.coverage]).toEqual([web.campaigns.jurisdiction, web.campaigns.inspected, web.campaigns.missed, web.campaigns.coverage]);
  });
});
