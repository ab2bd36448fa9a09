import type { AvlFix } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { NewestPerKey } from '../../platform/jobs/newest-per-key.js';
import type { Platform } from '../../platform/kernel.js';
import { arrivesBy, AVL_ARRIVAL_ACTOR } from '../dispatch/index.js';
import { findUnitRow, livePositionsOf } from '../units/index.js';
import { coverageMoves } from './coverage.tables.js';
import { closeMove } from './end-move-up.js';

/** Said in the audit entry of an order ended by the unit's arrival. */
export const ARRIVED_REASON = 'arrived at the post (AVL)';

/**
 * Ends, as `completed`, each open move-up order whose unit one of these fixes puts at its post:
 * within the arrival radius of the post (ARRIVAL_RADIUS_METRES, as an arrival on scene) by a fix
 * taken after the order (`arrivesBy` of dispatch: the same rule). One command per order, audited
 * as the AVL arrival (`avl-arrival`) with the reason, the `coverage.move_up_ended` event telling
 * the dispatchers; the end time is the fix's (never before the order, never after now). An order
 * ended or superseded meanwhile is left as it is. Returns the orders ended.
 */
export async function detectPostArrivals(deps: CommandDeps, rules: { radiusMetres: number }, fixes: readonly AvlFix[]): Promise<string[]> {
  if (fixes.length === 0) return [];
  const points = fixes.map((f, i) => ({ i, u: f.unitId, x: f.location[0], y: f.location[1] }));
  const near = await rows<{ i: number; id: string; orderedAt: Date | string; metres: number }>(deps.db, sql`
    select p.i, m.id, m.ordered_at as "orderedAt",
      ST_Distance(ST_SetSRID(ST_MakePoint(m.post_lon, m.post_lat), 4326)::geography, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)::geography) as metres
    from jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as p(i int, u uuid, x float8, y float8)
    join coverage_moves m on m.unit_id = p.u and m.state = 'ordered'
    where ST_DWithin(ST_SetSRID(ST_MakePoint(m.post_lon, m.post_lat), 4326)::geography, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)::geography, ${rules.radiusMetres})
    order by m.id, p.i`);
  const ended: string[] = [];
  for (const n of near) {
    if (ended.includes(n.id)) continue;
    const fix = fixes[Number(n.i)]!;
    const orderedAt = new Date(n.orderedAt).getTime();
    if (!arrivesBy({ metres: Number(n.metres), at: Date.parse(fix.at) }, orderedAt, rules)) continue;
    const { result } = await runCommand(deps, { actor: null, actorName: AVL_ARRIVAL_ACTOR, requestId: null }, async (tx, record) => {
      const [move] = await tx.select().from(coverageMoves).where(eq(coverageMoves.id, n.id)).for('update');
      // Ended, cancelled or superseded meanwhile: nothing to write.
      if (!move || move.state !== 'ordered') return false;
      const unit = (await findUnitRow(tx, move.unitId))!;
      const at = new Date(Math.min(deps.clock().getTime(), Math.max(Date.parse(fix.at), move.orderedAt.getTime())));
      await closeMove(tx, record, { move, unit }, 'completed', ARRIVED_REASON, at);
      return true;
    });
    if (result) ended.push(n.id);
  }
  return ended;
}

/** Fixes of one node's batches waiting for the detector: at most this many per pass. */
const PASS_FIXES = 2000;
/** The units with open orders are read again this often (a safety net under the events). */
const REREAD_OPEN_MS = 60_000;

/**
 * The units that have an open move-up order, as far as this node knows: read once, then kept by
 * the `coverage.move_up_ordered` / `move_up_ended` events (this node's at commit, the others' from
 * the bus), and reread now and then. Most fixes are of units with no order: the detector looked
 * every unit's fix up in the database, which was the largest part of the AVL ingest's CPU after
 * the MQTT client (docs/benchmarks.md). An order whose event has not reached this node yet is
 * caught by the unit's next fix, as in dispatch's arrival detector.
 */
class OpenOrders {
  /** Unit id -> its open orders' ids; null until first read (then every unit is looked at). */
  private byUnit: Map<string, Set<string>> | null = null;
  /** Units ordered while a reread ran: the reread may predate their commit. */
  private orderedMeanwhile: Map<string, string> | null = null;

  constructor(private readonly db: Platform['db']) {}

  has(unitId: string): boolean {
    return this.byUnit === null || this.byUnit.has(unitId);
  }

  onEvent(type: string, data: unknown): void {
    if (type !== 'coverage.move_up_ordered' && type !== 'coverage.move_up_ended') return;
    const { id, unitId } = data as { id: string; unitId: string };
    if (type === 'coverage.move_up_ordered') {
      this.orderedMeanwhile?.set(id, unitId);
      if (!this.byUnit) return;
      const held = this.byUnit.get(unitId);
      if (held) held.add(id);
      else this.byUnit.set(unitId, new Set([id]));
      return;
    }
    const held = this.byUnit?.get(unitId);
    held?.delete(id);
    if (held?.size === 0) this.byUnit!.delete(unitId);
  }

  async reread(): Promise<void> {
    this.orderedMeanwhile = new Map();
    try {
      const open = await rows<{ id: string; unit_id: string }>(this.db, sql`select id, unit_id from coverage_moves where state = 'ordered'`);
      const byUnit = new Map<string, Set<string>>();
      for (const [id, unitId] of [...open.map((o) => [o.id, o.unit_id] as const), ...this.orderedMeanwhile]) {
        const held = byUnit.get(unitId);
        if (held) held.add(id);
        else byUnit.set(unitId, new Set([id]));
      }
      this.byUnit = byUnit;
    } finally {
      this.orderedMeanwhile = null;
    }
  }
}

/**
 * Runs `detectPostArrivals` on the newest fix per unit of every batch this node stored, after
 * commit, in the background, one pass at a time (`NewestPerKey`) — as dispatch's arrival
 * detector does for scenes (positions are broadcast, not outbox events: a pass that fails keeps
 * its fixes for the next, and a unit standing at its post keeps reporting). Only units with an
 * open order are looked at.
 */
export function startPostArrivalDetector(platform: Platform): { stop(): Promise<void> } {
  const rules = { radiusMetres: platform.config.arrivalRadiusMetres };
  const orders = new OpenOrders(platform.db);
  const reread = () => void orders.reread().catch((err: unknown) => platform.log.warn({ err }, 'move-up arrivals: reading the open orders failed'));
  reread();
  const timer = setInterval(reread, REREAD_OPEN_MS);
  timer.unref();
  const offBus = platform.bus.subscribe((e) => orders.onEvent(e.type, e.data));
  const offLocal = platform.onLocalCommit((events) => {
    for (const e of events) orders.onEvent(e.type, e.data);
  });
  const pending = new NewestPerKey<AvlFix>(
    'move-up-arrivals',
    (f) => f.unitId,
    async (fixes) => {
      const ended = await detectPostArrivals(platform.command, rules, fixes);
      if (ended.length) platform.log.debug({ ended: ended.length }, 'move-up orders ended by arrival');
    },
    { batchSize: PASS_FIXES, pollMs: platform.config.outboxPollMs, log: platform.log },
  );
  const offStored = livePositionsOf(platform).onStoredHere((fixes, times) => pending.offerEach(fixes, times, (f) => orders.has(f.unitId)));
  pending.start();
  return {
    async stop() {
      clearInterval(timer);
      offBus();
      offLocal();
      offStored();
      await pending.stop();
    },
  };
}
