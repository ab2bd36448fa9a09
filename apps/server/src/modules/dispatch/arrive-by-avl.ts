import type { AvlFix } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { outboxConsumer } from '../../platform/events/outbox-consumer.js';
import type { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
import type { Platform } from '../../platform/kernel.js';
import { findIncidentRow } from '../incidents/index.js';
import { findUnitRow } from '../units/index.js';
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

/** The newest fix per unit among the events' fixes. */
export function newestFixes(events: readonly PublishedEvent[]): AvlFix[] {
  const newest = new Map<string, AvlFix>();
  for (const e of events) {
    for (const f of (e.data as { fixes: AvlFix[] }).fixes) {
      const held = newest.get(f.unitId);
      if (!held || Date.parse(f.at) > Date.parse(held.at)) newest.set(f.unitId, f);
    }
  }
  return [...newest.values()];
}

/**
 * Arrival detection in the product, for every device (HTTP batches, MQTT, the simulator): an
 * outbox consumer of `units.positions_reported` (after commit, at least once, one node at a time
 * by its lease) runs `detectArrivals` on each unit's newest fix.
 */
export function startArrivalDetector(platform: Platform): RepeatingPass {
  const rules = { radiusMetres: platform.config.arrivalRadiusMetres };
  const consumer = outboxConsumer({
    name: 'avl-arrivals',
    types: ['units.positions_reported'],
    db: platform.db,
    node: `${platform.config.nodeName}-${process.pid}`,
    pollMs: platform.config.outboxPollMs,
    log: platform.log,
    handle: async (events) => {
      const marked = await detectArrivals(platform.command, rules, newestFixes(events));
      if (marked.length) platform.log.debug({ marked: marked.length }, 'units on scene by AVL');
    },
  });
  consumer.start();
  return consumer;
}
