import { UNIT_COMMITTED_STATUSES, type AvlFix } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { NewestPerKey } from '../../platform/jobs/newest-per-key.js';
import type { Platform } from '../../platform/kernel.js';
import { findIncidentRow } from '../incidents/index.js';
import { findUnitRow, livePositionsOf } from '../units/index.js';
import { fleetOf } from './fleet.js';
import { arrivesBy, type ArrivalRules } from './arrival-model.js';
import { stepAssignment } from './advance-assignment.js';
import { findAssignment } from './dispatch.queries.js';

/** Who the audit trail names for an arrival detected from fixes (there is no actor: the device's fix did it). */
export const AVL_ARRIVAL_ACTOR = 'avl-arrival';

/**
 * Marks on scene every unit that one of these fixes puts within the arrival radius of the
 * incident it was sent to and has not yet reached (assigned, acknowledged or en route): one
 * command per arrival, with its audit row and events like a pressed status, `arrivalSource: avl`,
 * and the fix's time as the on-scene time (never before the dispatch, never after now). A step
 * that another command took meanwhile (the crew pressed on scene, a dispatcher cancelled) is left
 * as it is. Returns the assignments marked.
 */
export async function detectArrivals(deps: CommandDeps, rules: Pick<ArrivalRules, 'radiusMetres'>, fixes: readonly AvlFix[]): Promise<string[]> {
  if (fixes.length === 0) return [];
  const points = fixes.map((f, i) => ({ i, u: f.unitId, x: f.location[0], y: f.location[1] }));
  // Only fixes near a scene the unit is on its way to are worth a command: the radius filters in SQL.
  const near = await rows<{ i: number; id: string; assignedAt: Date | string; metres: number }>(deps.db, sql`
    select p.i, a.id, a.assigned_at as "assignedAt",
      ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)::geography) as metres
    from jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as p(i int, u uuid, x float8, y float8)
    join assignments a on a.unit_id = p.u and a.state in ('assigned', 'acknowledged', 'en_route')
    join incidents i on i.id = a.incident_id
    where ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)::geography, ${rules.radiusMetres})
    order by a.id, p.i`);
  const marked: string[] = [];
  for (const n of near) {
    if (marked.includes(n.id)) continue;
    const fix = fixes[Number(n.i)]!;
    const at = Date.parse(fix.at);
    if (!arrivesBy({ metres: Number(n.metres), at }, new Date(n.assignedAt).getTime(), rules)) continue;
    if (await arriveOne(deps, n.id, fix, Number(n.metres))) marked.push(n.id);
  }
  return marked;
}

async function arriveOne(deps: CommandDeps, assignmentId: string, fix: AvlFix, metres: number): Promise<boolean> {
  try {
    const { result } = await runCommand(deps, { actor: null, actorName: AVL_ARRIVAL_ACTOR, requestId: null }, async (tx, record) => {
      const a = await findAssignment(tx, assignmentId, { forUpdate: true });
      // Arrived, cleared or cancelled meanwhile by another way: nothing to write (rolled back).
      if (!a || !['assigned', 'acknowledged', 'en_route'].includes(a.state)) throw new AppError('ASSIGNMENT_TRANSITION_NOT_ALLOWED');
      const incident = (await findIncidentRow(tx, a.incidentId, { forUpdate: true }))!;
      const unit = (await findUnitRow(tx, a.unitId, { forUpdate: true }))!;
      const now = deps.clock().getTime();
      const at = new Date(Math.min(now, Math.max(Date.parse(fix.at), Date.parse(a.assignedAt))));
      await stepAssignment(tx, record, { assignment: a, incident, unit }, 'on_scene', at, { source: 'avl', doubt: null, fix: { at: fix.at, metres: Math.round(metres) } });
      return true;
    });
    return result;
  } catch (err) {
    if (err instanceof AppError) return false; // e.g. the unit's status moved on under us: the next fix tries again
    throw err;
  }
}

/** Fixes of one node's batches waiting for the detector: at most this many per pass. */
const PASS_FIXES = 2000;

/**
 * Arrival detection in the product, for every device (HTTP batches, MQTT, the simulator): the
 * node that stored a batch runs `detectArrivals` on each unit's newest fix of it, after commit,
 * in the background (`LivePositions.onStoredHere`), one pass at a time (`NewestPerKey`, shared
 * with coverage's arrival at a post). Positions are not outbox events (they are broadcast), so
 * this is no outbox consumer: a pass that fails keeps its fixes for the next (unless a newer one
 * came), and a node that stops before a pass leaves it to the unit's next fix — a unit at the
 * scene keeps reporting.
 */
export function startArrivalDetector(platform: Platform): { stop(): Promise<void> } {
  const rules = { radiusMetres: platform.config.arrivalRadiusMetres };
  const fleet = fleetOf(platform);
  const pending = new NewestPerKey<AvlFix>(
    'avl-arrivals',
    (f) => f.unitId,
    async (fixes) => {
      const marked = await detectArrivals(platform.command, rules, fixes);
      if (marked.length) platform.log.debug({ marked: marked.length }, 'units on scene by AVL');
    },
    { batchSize: PASS_FIXES, pollMs: platform.config.outboxPollMs, log: platform.log },
  );
  // Only a committed unit can arrive: most fixes are of units on patrol or at rest, and this
  // node's fleet view knows (its own dispatches at once, other nodes' by their events; a unit it
  // does not hold yet is looked at). A fix passed by in the instant before the dispatch's event
  // arrives is made good by the unit's next fix.
  const mayArrive = (f: AvlFix) => {
    const u = fleet.get(f.unitId);
    return !u || UNIT_COMMITTED_STATUSES.includes(u.status);
  };
  const offStored = livePositionsOf(platform).onStoredHere((fixes, times) => pending.offerEach(fixes, times, mayArrive));
  pending.start();
  return {
    async stop() {
      offStored();
      await pending.stop();
    },
  };
}
