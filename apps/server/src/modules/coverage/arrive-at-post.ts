import type { AvlFix } from '@firebreak/contracts';
import { eq, sql } from 'drizzle-orm';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
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

/**
 * Runs `detectPostArrivals` on the newest fix per unit of every batch this node stored, after
 * commit, in the background, one pass at a time — as dispatch's arrival detector does for
 * scenes (positions are broadcast, not outbox events: a pass that fails keeps its fixes for the
 * next, and a unit standing at its post keeps reporting).
 */
export function startPostArrivalDetector(platform: Platform): RepeatingPass {
  const rules = { radiusMetres: platform.config.arrivalRadiusMetres };
  let pending = new Map<string, { fix: AvlFix; at: number }>();
  const keep = (fix: AvlFix, at = Date.parse(fix.at)) => {
    const held = pending.get(fix.unitId);
    if (!held || at > held.at) pending.set(fix.unitId, { fix, at });
  };
  const pass = new RepeatingPass(
    'move-up-arrivals',
    async () => {
      if (pending.size === 0) return 0;
      let taken = [...pending.values()];
      if (taken.length > PASS_FIXES) {
        taken = taken.slice(0, PASS_FIXES);
        for (const t of taken) pending.delete(t.fix.unitId);
      } else pending = new Map();
      try {
        const ended = await detectPostArrivals(platform.command, rules, taken.map((t) => t.fix));
        if (ended.length) platform.log.debug({ ended: ended.length }, 'move-up orders ended by arrival');
      } catch (err) {
        for (const t of taken) keep(t.fix, t.at);
        throw err;
      }
      return taken.length;
    },
    PASS_FIXES,
    platform.config.outboxPollMs,
    platform.log,
  );
  livePositionsOf(platform).onStoredHere((fixes) => {
    for (const f of fixes) keep(f);
    if (fixes.length > 0) pass.kick();
  });
  pass.start();
  return pass;
}
