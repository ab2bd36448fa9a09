import type { ReplayResult } from '@firebreak/contracts';

/**
 * Whether the recorded side is left out of the chart and table: when every replayed call was
 * relocated (the sample week, an import with `relocate`), its recorded times are the source's
 * (another city's roads and fleet) and rightly not compared; a "Recorded" series then drew a
 * legend with no bars. Partly relocated calls keep it (the others' recorded times are ours).
 */
export function recordedNotCompared(result: Pick<ReplayResult, 'calls'>): boolean {
  return result.calls.replayed > 0 && result.calls.relocated === result.calls.replayed;
}
