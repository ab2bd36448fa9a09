import type { CommandRecord } from '../../platform/command.js';
import type { MajorRow } from './major-incidents.queries.js';

/**
 * A missed clock (first report, written report, or a SITREP): `major_incidents.clock_missed` at the
 * place's path (its command and everyone above see the clock turn red) and
 * `major_incidents.escalated` at the informed level's path, so that the level above the command
 * is alerted (as a missed 1-3-5 tier escalates to the parent). Audited on the major incident.
 */
export function escalateMissed(record: CommandRecord, m: MajorRow, missed: { clock: 'first_report' | 'written_report' | 'sitrep'; deadlineAt: string }): void {
  const data = {
    majorIncidentId: m.id, title: m.title, level: m.level, exercise: m.exercise, jurisdictionPath: m.jurisdictionPath, commandPath: m.commandPath,
    commandName: m.commandName, escalatedToId: m.informJurisdictionId, escalatedToPath: m.informPath, ...missed,
  };
  record.audit({ action: 'major_incidents.escalated', entityType: 'major_incident', entityId: m.id, jurisdictionPath: m.jurisdictionPath, after: data });
  record.emit({ type: 'major_incidents.clock_missed', jurisdictionPath: m.jurisdictionPath, data });
  record.emit({ type: 'major_incidents.escalated', jurisdictionPath: m.informPath, data });
}
