import { sql } from 'drizzle-orm';
import type { CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import type { IncidentRow } from './incidents.queries.js';
import type { TierClock } from './response-clock.js';

/** Priorities whose missed tiers go up to the parent jurisdiction's duty officers. */
const ESCALATED_PRIORITIES: ReadonlySet<string> = new Set(['P1', 'P2']);

export function escalates(priority: string): boolean {
  return ESCALATED_PRIORITIES.has(priority);
}

/** The jurisdiction above the incident's; the incident's own when it has none (the country). */
async function parentOf(tx: Tx, incident: IncidentRow): Promise<{ id: string; path: string }> {
  const [parent] = await rows<{ id: string; path: string }>(tx, sql`select p.id, p.path::text as path
    from jurisdictions j join jurisdictions p on p.id = j.parent_id where j.id = ${incident.jurisdictionId}`);
  return parent ?? { id: incident.jurisdictionId, path: incident.jurisdictionPath };
}

/**
 * A missed tier of a P1/P2 incident escalates, in the command that settled the miss (so once, as
 * a settled tier never changes): the event is published at the parent jurisdiction's path, where
 * its duty officers receive it, and the audit row lands on the incident's timeline.
 */
export async function escalateMissedTier(tx: Tx, record: CommandRecord, incident: IncidentRow, tier: TierClock): Promise<void> {
  const to = await parentOf(tx, incident);
  const data = {
    incidentId: incident.id, type: incident.type, priority: incident.priority, origin: incident.origin, jurisdictionPath: incident.jurisdictionPath,
    // requirement and units: what the tier asked for, worded by each reader in their language (the label is the deployment's English).
    tier: tier.tier, label: tier.label, requirement: tier.requirement, units: tier.units, deadlineAt: tier.deadlineAt, missedAt: tier.missedAt,
    escalatedToId: to.id, escalatedToPath: to.path,
  };
  record.audit({ action: 'incidents.escalated', entityType: 'incident', entityId: incident.id, jurisdictionPath: incident.jurisdictionPath, after: data });
  record.emit({ type: 'incidents.escalated', jurisdictionPath: to.path, data });
}
