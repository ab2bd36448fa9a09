import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { playGasExplosion, type ExerciseResult } from './exercise-gas-explosion.js';

/**
 * The demo world's major incident: the scripted gas explosion at Vaduz market, played once as an
 * exercise (marked so everywhere, kept out of live reports and the live alert feed), so that a
 * newcomer signed in as the demo commander or a duty officer finds a board to work: command held by
 * the demo duty posts, sectors with units, cordons (the inner one's roads left open: a standing
 * exercise must not change live calls in Vaduz) with the outer one's traffic control points computed
 * from the road graph (offered to Vaduz's patrols), staging, a SITREP,
 * and a public alert awaiting a second person's approval. Only when the deployment has never had a
 * major incident: a second start, or one whose exercise was stood down, is left alone.
 */
export async function ensureDemoMajorIncident(platform: Platform): Promise<ExerciseResult | null> {
  const [any] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from major_incidents`);
  if (Number(any?.n ?? 0) > 0) return null;
  const [units] = await rows<{ n: number }>(platform.db, sql`select count(*)::int as n from units`);
  // A world without units (the demo off, or a bare root) has nothing to play it with.
  if (Number(units?.n ?? 0) === 0) return null;
  // The road graph computes the outer cordon's traffic control points; without one (no extract) the exercise plays without them.
  const graph = await deploymentRoadNetwork(platform.config).then((n) => n.graph, () => null);
  return playGasExplosion(platform, { alertAwaitsApproval: true, staffFromDutyPosts: true, closeRoads: false, ...(graph ? { roads: async () => graph } : {}) });
}
