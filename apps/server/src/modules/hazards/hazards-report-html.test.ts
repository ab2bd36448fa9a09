import { describe, expect, it } from 'vitest';
import type { JurisdictionName } from '@firebreak/contracts';
import { csvField } from '../campaigns/index.js';
import { hazardReportHtml } from './hazards-report-html.js';
import { hazardReportCsv, type ReportRow } from './hazards-report.js';
import { hazardReportSpeech } from './hazards-report-words.js';

const names: JurisdictionName[] = [
  { path: 'li.oberland', name: 'Oberland', names: { zh: '上区' }, parent: null, ambiguous: false },
  { path: 'li.oberland.vaduz', name: 'Vaduz', names: { zh: '瓦杜兹' }, parent: { name: 'Oberland', names: { zh: '上区' } }, ambiguous: false },
];
const row = (path: string, name: string, n: number): ReportRow => ({ jurisdictionPath: path, name, found: 2 * n, foundMajor: n, fixed: n, open: n + 1, overdue: 1 });
const report = { total: row('li.oberland', 'Oberland', 3), rows: [row('li.oberland.vaduz', 'Vaduz', 2), row('li.oberland.new', 'Newly added', 1)] };
// 23:30 UTC on 29 Nov is 07:30 on 30 Nov in Shanghai.
const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-29T23:30:00.000Z' };
const generated = new Date('2026-11-29T23:30:00.000Z');

describe('the hazard report page and CSV', () => {
  it('reads in English by name, dates in the zone, paths hidden', () => {
    const html = hazardReportHtml(report, period, generated, hazardReportSpeech('en', 'UTC', names));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Hazards — Oberland</h1>');
    expect(html).toContain('<th>Of which major</th>');
    expect(html).toContain('Nov 29, 2026');
    expect(html).toContain('Newly added'); // no name on record: the report's own name, not the path
    expect(html).not.toContain('li.oberland');
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('reads in Chinese: every word, the names in Chinese, the dates in Shanghai time', () => {
    const html = hazardReportHtml(report, period, generated, hazardReportSpeech('zh-CN', 'Asia/Shanghai', names));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>隐患统计 — 上区</h1>');
    expect(html).toContain('<td>瓦杜兹</td>');
    expect(html).toContain('上区（合计）');
    expect(html).toContain('<th>其中重大</th>');
    expect(html).toContain('30日');
    expect(html).toContain('7:30');
    expect(html).toContain('未整改 4 项，其中逾期 1 项');
    expect(html).not.toMatch(/Hazards|Found|Overdue|Jurisdiction/);
    expect(html).not.toContain('li.oberland');
  });

  it('keeps the CSV joinable: paths and counts as they are, header and names in the language', () => {
    const en = hazardReportCsv(report, hazardReportSpeech('en', 'UTC', names), csvField).split('\r\n');
    expect(en[0]).toBe('jurisdiction_path,jurisdiction,found,found_major,fixed,open,overdue');
    expect(en[1]).toBe('li.oberland.vaduz,Vaduz,4,2,2,3,1');
    expect(en[3]).toBe('li.oberland,Oberland (total),6,3,3,4,1');
    const zh = hazardReportCsv(report, hazardReportSpeech('zh-CN', 'UTC', names), csvField).split('\r\n');
    expect(zh[0]).toBe('辖区路径,辖区,发现,其中重大,已整改,未整改,逾期');
    expect(zh[1]).toBe('li.oberland.vaduz,瓦杜兹,4,2,2,3,1');
    expect(zh[3]).toBe('li.oberland,上区（合计）,6,3,3,4,1');
  });
});
