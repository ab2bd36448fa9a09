import { DEFAULT_RESPONSE_TIERS, DEFAULT_RUN_CARDS, ReplayDeployment } from '@firebreak/contracts';
import { RoadGraph, type GraphData } from '@firebreak/roadgraph';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { IncidentFacts } from '../reports/index.js';
import { sampleSeconds, sampleTravelFactor } from '../simulation/index.js';
import { inShift } from './deployment.js';
import { callStream } from './model.js';
import { replayTable } from './replay-table.js';
import { runReplay, type ReplayCall } from './run-replay.js';

/**
 * A five-node road (0-1-2-3-4, one minute a link both ways on every profile, ~860 m apart) and a
 * week of calls at node 4: the recorded ambulance waits at node 0, four minutes away.
 */
const LON = (i: number) => 9.5 + i * 0.01;
const LAT = 47.1;
function line(nodes: number, linkMs: number): GraphData {
  const edges = Array.from({ length: nodes - 1 }, (_, i) => [i, i + 1] as const);
  const scale = 1e7;
  return {
    nodeLon: Float64Array.from({ length: nodes }, (_, i) => LON(i)),
    nodeLat: Float64Array.from({ length: nodes }, () => LAT),
    edgeSource: Int32Array.from(edges, ([a]) => a),
    edgeTarget: Int32Array.from(edges, ([, b]) => b),
    edgeForwardMs: Int32Array.from(edges, () => linkMs),
    edgeBackwardMs: Int32Array.from(edges, () => linkMs),
    emergencyForwardMs: Int32Array.from(edges, () => linkMs),
    emergencyBackwardMs: Int32Array.from(edges, () => linkMs),
    edgeLengthM: Float32Array.from(edges, () => 760),
    geomStart: Int32Array.from({ length: edges.length + 1 }, (_, i) => 2 * i),
    geomCoords: Int32Array.from(edges.flatMap(([a, b]) => [LON(a) * scale, LAT * scale, LON(b) * scale, LAT * scale].map(Math.round))),
    turnRestrictions: new Int32Array(0),
    viaWayRestrictions: new Int32Array(0),
    edgeFlags: new Uint8Array(edges.length),
    edgeLimits: new Int32Array(0),
    trackCosts: new Int32Array(0),
  };
}
const data = line(5, 60_000);
const car = new RoadGraph(data, 'car');
const graphs = { car, emergency: new RoadGraph(data, 'emergency') };

const T0 = Date.UTC(2026, 0, 5, 0);
const recorded = (i: number, onSceneAfter: number): IncidentFacts => ({
  receivedAt: T0 + i * 4 * 3_600_000, priority: 'P1', type: 'medical', jurisdictionPath: 'li', doubtful: false,
  tiers: [{ tier: 1, met: false, missed: true }, { tier: 2, met: onSceneAfter <= 180, missed: onSceneAfter > 180 }, { tier: 3, met: false, missed: true }],
  responses: [{ kind: 'ambulance', dispatchedAt: T0 + i * 4 * 3_600_000 + 90_000, enRouteAt: null, onSceneAt: T0 + i * 4 * 3_600_000 + onSceneAfter * 1000 }],
});
// 42 calls, one every 4 h: no call waits for the ambulance.
const calls: ReplayCall[] = Array.from({ length: 42 }, (_, i) => ({ recorded: recorded(i, 400), at: [LON(4), LAT], onSceneSeconds: [1200] }));
const fleet = [{ callSign: 'A1', kind: 'ambulance' as const, capabilities: [], home: [LON(0), LAT] as [number, number] }];
const plan = { graphs, calls, fleet, seed: 5, tiers: DEFAULT_RESPONSE_TIERS, cardOf: () => DEFAULT_RUN_CARDS.medical.P1, within: [60, 240, 300] };
const deployment = (d: unknown) => ReplayDeployment.parse(d);

describe('runReplay on a tiny road', () => {
  it('gives the tier share and p90 worked out by hand from the road time and the draws', () => {
    const result = runReplay(plan);
    // By hand: on scene after call processing + turnout + 240 s (four links) x the travel factor.
    const totals = calls.map((_, c) => {
      const r = callStream(5, c);
      const cp = sampleSeconds(r, 'callProcessing', 'P1');
      const turnout = sampleSeconds(r, 'turnout', 'P1');
      return cp + turnout + 240 * sampleTravelFactor(r);
    }).sort((a, b) => a - b);
    const met = totals.filter((t) => t <= 180).length;
    const rank = 0.9 * (totals.length - 1);
    const p90 = totals[Math.floor(rank)]! + (rank - Math.floor(rank)) * (totals[Math.floor(rank) + 1]! - totals[Math.floor(rank)]!);
    const run = result.runs[0]!;
    expect(result.calls).toEqual({ replayed: 42, offGraph: 0, doubtful: 0, relocated: 0, relocatedFrom: [] });
    expect(run.name).toBe('recorded fleet');
    expect(run.overall.total.p90Seconds).toBe(Math.round(p90));
    expect(run.overall.tiers.find((t) => t.tier === 2)).toMatchObject({ met, missed: 42 - met });
    // The recorded figures are the calls' own: every one on scene after 400 s.
    expect(result.recorded.overall.total.p90Seconds).toBe(400);
    expect(result.recorded.overall.tiers.find((t) => t.tier === 2)).toMatchObject({ met: 0, missed: 42 });
  });

  it('a base closer to the calls makes more of tier 2, with the same draws', () => {
    const moved = deployment({ name: 'A1 at node 3', move: [{ callSign: 'A1', base: [LON(3), LAT] }] });
    const result = runReplay({ ...plan, deployment: moved, compare: undefined });
    const asRecorded = runReplay(plan);
    const tier2 = (r: typeof result) => r.runs[0]!.overall.tiers.find((t) => t.tier === 2)!.complianceRate!;
    expect(tier2(result)).toBeGreaterThan(tier2(asRecorded));
    expect(result.runs[0]!.overall.total.p90Seconds!).toBeLessThan(asRecorded.runs[0]!.overall.total.p90Seconds!);
    // Compared side by side in one request: the delta is the difference of the two runs.
    const both = runReplay({ ...plan, compare: moved });
    const delta = both.deltas.find((d) => d.run === 'A1 at node 3' && d.versus === 'recorded fleet' && d.key === 'all')!;
    expect(delta.tiers.find((t) => t.tier === 2)!.complianceDelta).toBeCloseTo(tier2(result) - tier2(asRecorded), 3);
  });

  it('leaves calls off the road and doubtful ones out, and counts them', () => {
    const extra: ReplayCall[] = [
      { recorded: recorded(50, 100), at: null, onSceneSeconds: [] },
      { recorded: recorded(51, 100), at: [LON(2), LAT + 0.05], onSceneSeconds: [] },
      { recorded: { ...recorded(52, 100), doubtful: true }, at: [LON(2), LAT], onSceneSeconds: [] },
    ];
    const result = runReplay({ ...plan, calls: [...calls, ...extra] });
    expect(result.calls).toEqual({ replayed: 42, offGraph: 2, doubtful: 1, relocated: 0, relocatedFrom: [] });
    expect(result.recorded.overall.incidents).toBe(42);
  });

  it('refuses a deployment naming a unit it does not hold, twice the same one, or none left (422, the field named)', () => {
    const problem = (d: unknown) => {
      try {
        runReplay({ ...plan, deployment: deployment(d) });
      } catch (err) {
        return err instanceof AppError ? { code: err.code, status: err.status, path: err.fields?.[0]?.path } : err;
      }
      return null;
    };
    expect(problem({ move: [{ callSign: 'X9', base: [LON(1), LAT] }] })).toEqual({ code: 'REPLAY_DEPLOYMENT_INVALID', status: 422, path: 'body.deployment.move.0.callSign' });
    expect(problem({ add: [{ callSign: 'A1', kind: 'ambulance', base: [LON(1), LAT] }] })).toEqual({ code: 'REPLAY_DEPLOYMENT_INVALID', status: 422, path: 'body.deployment.add.0.callSign' });
    expect(problem({ remove: ['A1'] })).toEqual({ code: 'REPLAY_DEPLOYMENT_INVALID', status: 422, path: 'body.deployment' });
    expect(problem({ timeZone: 'Mars/Olympus', units: [] })).toEqual({ code: 'REPLAY_DEPLOYMENT_INVALID', status: 422, path: 'body.deployment.timeZone' });
  });

  it('takes a unit off duty outside its shifts (in the deployment time zone)', () => {
    expect(inShift({ from: '07:00', to: '19:00' }, 7 * 60)).toBe(true);
    expect(inShift({ from: '07:00', to: '19:00' }, 19 * 60)).toBe(false);
    expect(inShift({ from: '19:00', to: '07:00' }, 2 * 60)).toBe(true);
    expect(inShift({ from: '19:00', to: '07:00' }, 12 * 60)).toBe(false);
    // Calls every 4 h from midnight UTC (01:00 in Vaduz): a day-shift ambulance (08:00-16:00 Vaduz) takes only those of its hours.
    // One minute from the calls and a minute on scene: the night's four calls take it under 40 min from 08:00.
    const dayOnly = deployment({ units: [{ callSign: 'D1', kind: 'ambulance', base: [LON(3), LAT], shifts: [{ from: '08:00', to: '16:00' }] }], timeZone: 'Europe/Vaduz' });
    const short = calls.map((c) => ({ ...c, onSceneSeconds: [60] }));
    const run = runReplay({ ...plan, calls: short, deployment: dayOnly }).runs[0]!;
    // Calls at 09:00 and 13:00 Vaduz are served at once; the others (17:00, 21:00, 01:00, 05:00) wait for 08:00.
    expect(run.queued).toBe(42 - 14);
    expect(run.unanswered).toBe(0);
  });

  it('prints the console table of the CLI: a row per deployment and priority, the tier shares as in the figures', () => {
    const figures = runReplay(plan);
    const text = replayTable({ jurisdictionId: '00000000-0000-7000-8000-000000000000', jurisdictionPath: 'li', from: new Date(T0).toISOString(), to: new Date(T0 + 7 * 86_400_000).toISOString(), origin: 'live', ...figures });
    const tier2 = figures.runs[0]!.overall.tiers.find((t) => t.tier === 2)!.complianceRate!;
    const row = text.split('\n').find((l) => l.startsWith('recorded fleet') && l.includes(' all '))!;
    expect(row).toContain(`${(tier2 * 100).toFixed(1)}%`);
    expect(text).toContain('Calls replayed 42');
    expect(text).toContain('recorded fleet vs recorded, all: tier 1');
  });
});
