import type { Assignment } from '@firebreak/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import type { Progress } from '../incidents/index.js';
import { units } from '../units/index.js';
import { assignments } from './dispatch.tables.js';

const columns = {
  id: assignments.id,
  incidentId: assignments.incidentId,
  unitId: assignments.unitId,
  callSign: units.callSign,
  state: assignments.state,
  etaSeconds: assignments.etaSeconds,
  assignedAt: assignments.assignedAt,
  acknowledgedAt: assignments.acknowledgedAt,
  enRouteAt: assignments.enRouteAt,
  onSceneAt: assignments.onSceneAt,
  clearedAt: assignments.clearedAt,
  cancelledAt: assignments.cancelledAt,
  arrivalSource: assignments.arrivalSource,
  arrivalDoubt: assignments.arrivalDoubt,
};

type Row = Omit<Assignment, 'assignedAt' | 'acknowledgedAt' | 'enRouteAt' | 'onSceneAt' | 'clearedAt' | 'cancelledAt'> & {
  assignedAt: Date; acknowledgedAt: Date | null; enRouteAt: Date | null; onSceneAt: Date | null; clearedAt: Date | null; cancelledAt: Date | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

function present(r: Row): Assignment {
  return {
    ...r,
    assignedAt: r.assignedAt.toISOString(),
    acknowledgedAt: iso(r.acknowledgedAt),
    enRouteAt: iso(r.enRouteAt),
    onSceneAt: iso(r.onSceneAt),
    clearedAt: iso(r.clearedAt),
    cancelledAt: iso(r.cancelledAt),
  };
}

export async function findAssignment(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<Assignment | undefined> {
  const query = q.select(columns).from(assignments).innerJoin(units, eq(units.id, assignments.unitId)).where(eq(assignments.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: assignments }) : await query;
  return row ? present(row as Row) : undefined;
}

export async function assignmentsOf(q: Queryable, incidentId: string): Promise<Assignment[]> {
  const list = await q.select(columns).from(assignments).innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.incidentId, incidentId)).orderBy(asc(assignments.assignedAt), asc(assignments.id));
  return list.map((r) => present(r as Row));
}

/** Every unit's progress on an incident, for its response clock; a cancelled unit never counts. */
export async function progressOf(q: Queryable, incidentId: string): Promise<Progress[]> {
  const list = await q.select({ acknowledgedAt: assignments.acknowledgedAt, enRouteAt: assignments.enRouteAt, onSceneAt: assignments.onSceneAt })
    .from(assignments).where(sql`${assignments.incidentId} = ${incidentId} and ${assignments.state} <> 'cancelled'`);
  return list.map((a) => {
    const responded = [a.acknowledgedAt, a.enRouteAt].filter((d): d is Date => d !== null).sort((x, y) => x.getTime() - y.getTime());
    return { respondedAt: responded[0] ?? null, onSceneAt: a.onSceneAt };
  });
}
