import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.js';
import type { Queryable } from '../../platform/db/client.js';
import { readCalls, SF_FIRE_MAPPING, type ImportedCall } from '../history/index.js';
import { drawPlaces, jurisdictionDemand } from '../simulation/index.js';
import type { ReplayCall } from './run-replay.js';

/** The bundled CAD export: a week (2016-12-31 to 2017-01-07) of San Francisco's fire and medical calls (DataSF). */
export const SAMPLE_WEEK_FILE = 'sf_fire_calls_2016-12-31_week.csv';
const SAMPLE_WEEK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/calls', SAMPLE_WEEK_FILE);

/**
 * Imported calls as a replay reads them, each at the place given: the recorded side is the
 * export's own units and times (no tiers: they were settled by another service's rules).
 */
export function replayCallsOf(calls: readonly ImportedCall[], places: readonly { at: [number, number] }[], jurisdictionPath: string, relocatedFrom: string): ReplayCall[] {
  return calls.map((c, i) => {
    // Units that arrived and cleared: their time on scene, in order of arrival (as replay-calls.ts reads them).
    const onScene = c.responses.filter((r) => r.onSceneAt && r.clearedAt && r.clearedAt > r.onSceneAt)
      .sort((a, b) => a.onSceneAt!.getTime() - b.onSceneAt!.getTime()).map((r) => (r.clearedAt!.getTime() - r.onSceneAt!.getTime()) / 1000);
    return {
      recorded: {
        receivedAt: c.receivedAt.getTime(), priority: c.priority, type: c.type, jurisdictionPath, doubtful: c.timeDoubt !== null,
        tiers: [], responses: c.responses.map((r) => ({ kind: r.unitKind, dispatchedAt: r.dispatchedAt?.getTime() ?? null, enRouteAt: r.respondedAt?.getTime() ?? null, onSceneAt: r.onSceneAt?.getTime() ?? null })),
      },
      at: places[i]!.at,
      onSceneSeconds: onScene,
      relocatedFrom,
    };
  });
}

/**
 * The bundled week's calls placed into the jurisdiction (its demand, seeded, as an import with
 * `relocate` places them), in memory: nothing is written, so a commander can replay it without
 * importing anything. Null when the jurisdiction has no boundary with places inside.
 */
export async function sampleWeekCalls(q: Queryable, config: Config, jurisdictionPath: string, seed: number): Promise<ReplayCall[] | null> {
  const demand = await jurisdictionDemand(q, config, jurisdictionPath);
  if (!demand) return null;
  const { calls } = readCalls(await readFile(SAMPLE_WEEK, 'utf8'), SF_FIRE_MAPPING);
  return replayCallsOf(calls, drawPlaces(demand, seed, calls.length), jurisdictionPath, SAMPLE_WEEK_FILE);
}
