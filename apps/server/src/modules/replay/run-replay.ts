import { type ReplayDelta, type ReplayDeployment, type ReplayResult, type ReplayRun, type ResponseGroup, type ResponseTier } from '@firebreak/contracts';
import type { Snapped } from '@firebreak/roadgraph';
import { AppError } from '../../errors.js';
import { snapOrNull, type ProfileGraphs } from '../dispatch/index.js';
import { breakdown, type IncidentFacts } from '../reports/index.js';
import { resolveDeployment, type FleetEntry } from './deployment.js';
import { replay, type Card, type SimCall } from './model.js';
import { etaMatrix, type EtaEngine } from './travel.js';

/**
 * One replay request in memory: the period's calls (as recorded, with where they were) and the
 * recorded fleet in, the figures of each deployment and of the recorded responses out. No I/O:
 * the caller reads the calls and cards (`replay-calls.ts`) and answers.
 */

/** Calls x units of one run: the road-time table is that many Float32 (20 MB). */
export const REPLAY_MAX_CELLS = 5_000_000;

export interface ReplayCall {
  /** As recorded: its units' times and its settled tiers. */
  recorded: IncidentFacts;
  at: [number, number] | null;
  /** On-scene seconds of its recorded units, in order of arrival. */
  onSceneSeconds: readonly number[];
  /** An imported call placed into the jurisdiction by the import (`relocate`): the source it came from. */
  relocatedFrom?: string | null;
}

export interface ReplayPlan {
  graphs: ProfileGraphs;
  calls: readonly ReplayCall[];
  fleet: readonly FleetEntry[];
  seed: number;
  deployment?: ReplayDeployment | undefined;
  compare?: ReplayDeployment | undefined;
  tiers: readonly ResponseTier[];
  cardOf: (call: SimCall) => Card;
  within: readonly number[];
  engine?: EtaEngine;
}

export type ReplayFigures = Pick<ReplayResult, 'seed' | 'withinSeconds' | 'calls' | 'recorded' | 'runs' | 'deltas'>;

const tooLarge = (path: string, message: string) => new AppError('REPLAY_TOO_LARGE', `${path}: ${message}`, { fields: [{ path, message }] });

/** Change of each tier's compliance and of p90 total, group by group (the groups both have). */
export function deltasOf(run: string, a: { overall: ResponseGroup; groups: ResponseGroup[] }, versus: string, b: { overall: ResponseGroup; groups: ResponseGroup[] }): ReplayDelta[] {
  const other = new Map([b.overall, ...b.groups].map((g) => [g.key, g]));
  return [a.overall, ...a.groups].flatMap((g) => {
    const o = other.get(g.key);
    if (!o) return [];
    const rate = (group: ResponseGroup, tier: number) => group.tiers.find((t) => t.tier === tier)?.complianceRate ?? null;
    const minus = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
    return [{
      run, versus, key: g.key,
      tiers: g.tiers.map((t) => ({ tier: t.tier, complianceDelta: ((d) => (d === null ? null : Math.round(d * 1000) / 1000))(minus(rate(g, t.tier), rate(o, t.tier))) })),
      totalP90DeltaSeconds: minus(g.total.p90Seconds, o.total.p90Seconds),
    }];
  });
}

/** Replayed calls whose place was drawn by their import, and the sources they came from: said beside the figures. */
function relocation(calls: readonly ReplayCall[]): { relocated: number; relocatedFrom: string[] } {
  const from = calls.flatMap((c) => (c.relocatedFrom ? [c.relocatedFrom] : []));
  return { relocated: from.length, relocatedFrom: [...new Set(from)].sort() };
}

export function runReplay(plan: ReplayPlan): ReplayFigures {
  const car = plan.graphs.car;
  let [offGraph, doubtful] = [0, 0];
  const kept: { call: ReplayCall; at: Snapped }[] = [];
  for (const call of plan.calls) {
    if (call.recorded.doubtful) {
      doubtful++;
      continue;
    }
    const at = call.at ? snapOrNull(car, call.at) : null;
    if (!at) offGraph++;
    else kept.push({ call, at });
  }
  kept.sort((a, b) => a.call.recorded.receivedAt - b.call.recorded.receivedAt);
  const sims: SimCall[] = kept.map(({ call }) => ({
    receivedAt: call.recorded.receivedAt,
    priority: call.recorded.priority as SimCall['priority'],
    type: call.recorded.type as SimCall['type'],
    jurisdictionPath: call.recorded.jurisdictionPath,
    onSceneSeconds: call.onSceneSeconds,
  }));
  const destinations = kept.map((k) => k.at);
  const by = { by: 'priority' as const, level: 1, within: plan.within };

  const runOf = (d: ReplayDeployment | undefined, path: string, fallbackName: string): ReplayRun => {
    const deployment = resolveDeployment(plan.fleet, d, path, fallbackName);
    const cells = deployment.units.length * sims.length;
    if (cells > REPLAY_MAX_CELLS) throw tooLarge(path, `${sims.length} calls x ${deployment.units.length} units = ${cells}, at most ${REPLAY_MAX_CELLS}`);
    const units = deployment.units.map((u) => ({ ...u, baseSnap: snapOrNull(car, u.base) }));
    const eta = etaMatrix(plan.graphs, units.map((u) => ({ kind: u.kind, base: u.baseSnap })), destinations, plan.engine);
    const outcome = replay({ calls: sims, units, eta: (c) => eta[c]!, cardOf: plan.cardOf, tiers: plan.tiers, seed: plan.seed });
    const figures = breakdown(outcome.facts, by);
    return { name: deployment.name, units: units.length, unanswered: outcome.unanswered, queued: outcome.queued, ...figures };
  };

  const runs = [runOf(plan.deployment, 'body.deployment', plan.deployment ? 'deployment' : 'recorded fleet')];
  if (plan.compare) runs.push(runOf(plan.compare, 'body.compare', 'compare'));
  const recorded = breakdown(kept.map((k) => k.call.recorded), by);
  const deltas = runs.flatMap((r) => deltasOf(r.name, r, 'recorded', recorded));
  if (runs[1]) deltas.push(...deltasOf(runs[1].name, runs[1], runs[0]!.name, runs[0]!));
  return {
    seed: plan.seed,
    withinSeconds: [...plan.within],
    calls: { replayed: kept.length, offGraph, doubtful, ...relocation(kept.map((k) => k.call)) },
    recorded,
    runs,
    deltas,
  };
}
