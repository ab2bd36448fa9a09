import { and, eq } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { Tx } from '../../platform/db/client.js';
import { mayRunSector } from './major-incidents.access.js';
import { personHolding, type Locked } from './lock.js';
import { majorIncidentPositions } from './major-incidents.tables.js';

/** A sector of a locked major incident that the actor may run (its post's holder, or whoever may command). */
export async function sectorFor(tx: Tx, actor: Actor, locked: Locked, positionId: string, now: Date): Promise<{ id: string; name: string }> {
  const [p] = await tx.select().from(majorIncidentPositions).where(and(eq(majorIncidentPositions.id, positionId), eq(majorIncidentPositions.majorIncidentId, locked.row.id)));
  if (!p) throw notFound('Position');
  if (p.role !== 'sector') throw new AppError('MAJOR_INCIDENT_NOT_A_SECTOR', `That position is the ${p.role === 'section' ? `${p.section} section` : 'incident commander'}, not a sector`);
  const holder = await personHolding(tx, p.id, now);
  if (!mayRunSector(actor, locked.row, locked.commander?.userId ?? null, holder?.userId || null)) {
    throw forbidden(`Only the holder of sector ${p.name}'s post, the incident commander, or a duty officer or commander of ${locked.row.commandName} may do that`);
  }
  return { id: p.id, name: p.name! };
}
