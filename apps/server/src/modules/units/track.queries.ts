import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { rows } from '../../platform/db/client.js';

export interface StoredTrackPoint { unitId: string; at: number; lon: number; lat: number }

/** Most track points read for one question: a day of a unit's points at one per 30 s is 2,880. */
export const TRACK_READ_LIMIT = 100_000;

/**
 * The stored (downsampled) AVL track of some units between two instants, oldest first: what the
 * presence record of a patrol plan is measured from. `from` is inclusive, `to` exclusive.
 */
export async function trackOf(q: Queryable, unitIds: readonly string[], from: Date, to: Date): Promise<StoredTrackPoint[]> {
  if (unitIds.length === 0) return [];
  const found = await rows<{ unit_id: string; at: Date | string; lon: number; lat: number }>(q, sql`
    select unit_id, at, ST_X(location) as lon, ST_Y(location) as lat from unit_track
    where unit_id = any(${`{${unitIds.join(',')}}`}::uuid[]) and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz
    order by unit_id, at limit ${TRACK_READ_LIMIT}`);
  return found.map((r) => ({ unitId: r.unit_id, at: new Date(r.at).getTime(), lon: Number(r.lon), lat: Number(r.lat) }));
}
