import type { CoverageTree } from '../../api/types';

interface Counts { total: number; inspected: number; missed: number }

export interface CoverageRow {
  path: string;
  name: string;
  depth: number;
  total: number;
  inspected: number;
  missed: number;
  /** Still to inspect: neither inspected nor missed yet. */
  due: number;
  /** Inspected share of the places in scope, 0–100 (null when there are none). */
  percent: number | null;
}

const row = (path: string, name: string, depth: number, c: Counts): CoverageRow => ({
  path, name, depth, total: c.total, inspected: c.inspected, missed: c.missed,
  due: Math.max(c.total - c.inspected - c.missed, 0),
  percent: c.total === 0 ? null : Math.round((c.inspected / c.total) * 100),
});

type Node = Counts & { path: string; name: string; children: readonly Node[] };

/** The coverage tree as table rows, depth first (a node before its children), with what is still due. */
export function coverageRows(tree: CoverageTree): CoverageRow[] {
  const out: CoverageRow[] = [];
  const walk = (n: Node, depth: number) => {
    out.push(row(n.path, n.name, depth, n));
    for (const c of n.children) walk(c, depth + 1);
  };
  walk(tree as Node, 0);
  return out;
}

/** One bar per jurisdiction directly below the root (or the root alone when it has none). */
/** `label`: a jurisdiction's name as the screen shows it (`useJurisdictionNames`: in the UI language), the bars' axis too. */
export function coverageChart(tree: CoverageTree, label: (path: string, name: string) => string = (_path, name) => name): { name: string; inspected: number; due: number; missed: number }[] {
  const nodes: readonly Node[] = tree.children.length > 0 ? (tree.children as readonly Node[]) : [tree as Node];
  return nodes.map((n) => {
    const r = row(n.path, n.name, 0, n);
    return { name: label(n.path, n.name), inspected: r.inspected, due: r.due, missed: r.missed };
  });
}

export type CampaignPhase = 'upcoming' | 'running' | 'overdue' | 'ended';

/** Where a campaign stands at `now`: before its start, running, past its due time, past its end. */
export function campaignPhase(c: { startsAt: string; dueAt: string; endsAt: string }, now: number): CampaignPhase {
  if (now < Date.parse(c.startsAt)) return 'upcoming';
  if (now >= Date.parse(c.endsAt)) return 'ended';
  return now >= Date.parse(c.dueAt) ? 'overdue' : 'running';
}
