import { describe, expect, it } from 'vitest';
import type { CoverageTree } from '../../api/types';
import { campaignPhase, coverageChart, coverageRows } from './coverage';

const zero = { total: 0, inspected: 0, missed: 0 };
const node = (path: string, name: string, total: number, inspected: number, missed: number, children: CoverageTree['children'] = []) =>
  ({ path, name, total, inspected, missed, own: zero, below: zero, byCategory: {}, children });

describe('coverage', () => {
  const tree: CoverageTree = node('li', 'Liechtenstein', 10, 4, 2, [node('li.oberland', 'Oberland', 6, 3, 2, [node('li.oberland.vaduz', 'Vaduz', 4, 3, 0)]), node('li.unterland', 'Unterland', 4, 1, 0)]);

  it('lists a node before its children, with depth, what is due and the inspected share', () => {
    expect(coverageRows(tree).map((r) => [r.name, r.depth, r.due, r.percent])).toEqual([
      ['Liechtenstein', 0, 4, 40], ['Oberland', 1, 1, 50], ['Vaduz', 2, 1, 75], ['Unterland', 1, 3, 25],
    ]);
  });

  it('has no share for a jurisdiction without places in scope, and never a negative due', () => {
    const [r] = coverageRows(node('li', 'Liechtenstein', 0, 0, 0));
    expect(r!.percent).toBeNull();
    expect(coverageRows(node('li', 'x', 2, 2, 1))[0]!.due).toBe(0);
  });

  it('charts the children of the root, or the root alone', () => {
    expect(coverageChart(tree)).toEqual([{ name: 'Oberland', inspected: 3, due: 1, missed: 2 }, { name: 'Unterland', inspected: 1, due: 3, missed: 0 }]);
    expect(coverageChart(node('li', 'Liechtenstein', 3, 1, 0))).toEqual([{ name: 'Liechtenstein', inspected: 1, due: 2, missed: 0 }]);
    // The bars are named as the rest of the screen names them: a zh-CN screen's axis said "Vaduz" beside a table saying 瓦杜兹.
    const zh: Record<string, string> = { 'li.oberland': '上地区', 'li.unterland': '下地区' };
    expect(coverageChart(tree, (path, name) => zh[path] ?? name).map((b) => b.name)).toEqual(['上地区', '下地区']);
  });

  it('tells the phase of a campaign', () => {
    const c = { startsAt: '2026-01-01T00:00:00Z', dueAt: '2026-02-01T00:00:00Z', endsAt: '2026-03-01T00:00:00Z' };
    expect(campaignPhase(c, Date.parse('2025-12-31T23:59:59Z'))).toBe('upcoming');
    expect(campaignPhase(c, Date.parse('2026-01-01T00:00:00Z'))).toBe('running');
    expect(campaignPhase(c, Date.parse('2026-02-01T00:00:00Z'))).toBe('overdue');
    expect(campaignPhase(c, Date.parse('2026-03-01T00:00:00Z'))).toBe('ended');
  });
});
