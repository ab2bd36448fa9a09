import type { ReplayResult, ResponseGroup } from '@firebreak/contracts';

/**
 * The replay for a console, pure: per priority, the recorded figures and each run's (tiers met %,
 * p90 total, % first on scene within 5 min), then the changes. Plain text, one row per group.
 */
const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '-' : `${(rate * 100).toFixed(1)}%`);
const secs = (s: number | null) => (s === null ? '-' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
const rateOf = (g: ResponseGroup, tier: number) => g.tiers.find((t) => t.tier === tier)?.complianceRate ?? null;
const within = (g: ResponseGroup, seconds: number) => g.total.within.find((w) => w.seconds === seconds)?.percent ?? null;

function rows(name: string, figures: { overall: ResponseGroup; groups: ResponseGroup[] }, tiers: number[]): string[][] {
  return [figures.overall, ...figures.groups].map((g) => [
    name, g.key, String(g.incidents), ...tiers.map((t) => pct(rateOf(g, t))), secs(g.total.p90Seconds),
    within(g, 300) === null ? '-' : `${within(g, 300)!.toFixed(1)}%`,
  ]);
}

export function replayTable(r: ReplayResult): string {
  const tiers = [...new Set(r.recorded.overall.tiers.map((t) => t.tier).concat(r.runs.flatMap((x) => x.overall.tiers.map((t) => t.tier))))].sort((a, b) => a - b);
  const header = ['deployment', 'priority', 'calls', ...tiers.map((t) => `tier ${t}`), 'p90 total', '<=5 min'];
  const body = [...rows('recorded', r.recorded, tiers), ...r.runs.flatMap((run) => rows(run.name, run, tiers))];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `Replay of ${r.jurisdictionPath}, ${r.from} to ${r.to} (${r.origin} calls), seed ${r.seed}`,
    `Calls replayed ${r.calls.replayed}; off the road graph ${r.calls.offGraph}; doubtful times ${r.calls.doubtful}`,
    ...r.runs.map((run) => `  ${run.name}: ${run.units} units, ${run.queued} calls waited for a unit, ${run.unanswered} unanswered`),
    '',
    line(header),
    ...body.map(line),
    '',
    'Changes (tier compliance in points, p90 total in seconds):',
    ...(r.calls.replayed === 0 ? ['  none: no call of the period lies on the road graph'] : []),
    ...r.deltas.filter((d) => d.tiers.length > 0).map((d) => `  ${d.run} vs ${d.versus}, ${d.key}: ${d.tiers.map((t) => `tier ${t.tier} ${t.complianceDelta === null ? '-' : `${t.complianceDelta >= 0 ? '+' : ''}${(t.complianceDelta * 100).toFixed(1)}`}`).join(', ')}; p90 total ${d.totalP90DeltaSeconds === null ? '-' : `${d.totalP90DeltaSeconds >= 0 ? '+' : ''}${d.totalP90DeltaSeconds} s`}`),
  ];
  return out.join('\n');
}
