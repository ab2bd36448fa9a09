import type { AfterActionReport } from '@firebreak/contracts';
import { auditTrailOf } from '../../platform/audit/audit-trail.js';
import { independentReads, type Queryable } from '../../platform/db/client.js';
import { csvField } from '../campaigns/index.js';
import { pointRecordsOf } from './cordons.queries.js';
import { presentMajor, resourcesOf, sitrepsOf, type MajorRow } from './major-incidents.queries.js';

/**
 * The after-action report: the major incident as it stands, its clocks met or missed, every SITREP,
 * units by sector over time, and the timeline read from the audit trail (who did what, when).
 */
export async function afterAction(q: Queryable, row: MajorRow, now: Date): Promise<AfterActionReport> {
  const [majorIncident, sitreps, resources, points, trail] = await independentReads(q, [
    () => presentMajor(q, row, now), () => sitrepsOf(q, row.id), () => resourcesOf(q, row.id), () => pointRecordsOf(q, row.id), () => auditTrailOf(q, 'major_incident', [row.id]),
  ]);
  return {
    majorIncident,
    generatedAt: now.toISOString(),
    clocks: { reportUp: row.reportUp, sitreps: { submitted: sitreps.length, late: sitreps.filter((s) => s.late).length, missed: row.sitrepMissed } },
    sitreps: sitreps.reverse(),
    resources,
    points,
    timeline: trail.map((e) => ({ at: e.at.toISOString(), action: e.action, actor: e.actorName, detail: (e.after ?? null) as Record<string, unknown> | null })),
  };
}

/** What a timeline line says in a few words (the CSV's `summary` column). */
function summaryOf(action: string, d: Record<string, unknown> | null): string {
  if (!d) return '';
  const pick = (...keys: string[]) => keys.map((k) => d[k]).filter((v) => v !== undefined && v !== null && v !== '').map(String).join(' · ');
  switch (action) {
    case 'major_incidents.declared': return pick('title', 'levelName', 'commandPath');
    case 'major_incidents.level_changed': return pick('from', 'to', 'reason');
    case 'major_incidents.reported_up': return pick('kind', 'text');
    case 'major_incidents.escalated': return pick('clock', 'deadlineAt', 'escalatedToPath');
    case 'major_incidents.position_created':
    case 'major_incidents.position_handed': return pick('role', 'section', 'name', 'postTitle');
    case 'major_incidents.unit_assigned': return pick('callSign', 'sector');
    case 'major_incidents.unit_released': return pick('unitId', 'sector');
    case 'major_incidents.casualties_updated': return `${String(d.sector)}: ${JSON.stringify(d.counts)}`;
    case 'major_incidents.sitrep_submitted': return pick('seq', 'situation');
    case 'major_incidents.stood_down': return pick('note');
    case 'major_incidents.point_added':
    case 'major_incidents.point_removed': return pick('kind', 'name');
    case 'major_incidents.traffic_points_computed': return `${String(d.points)} traffic control points (${String(d.added)} new, ${String(d.kept)} kept, ${Array.isArray(d.ended) ? d.ended.length : 0} ended)`;
    case 'major_incidents.traffic_point_assigned': return pick('name', 'callSign');
    case 'major_incidents.cordon_set': return `${String(d.kind)} ${d.radiusM ? `${String(d.radiusM)} m` : 'polygon'}: ${JSON.stringify(d.keyPlaceCounts)}`;
    default: return '';
  }
}

/** The timeline as CSV (RFC 4180 line ends, like every export), one line per audit entry, marked as an exercise where it is one. */
export function afterActionCsv(r: AfterActionReport): string {
  const lines = [['at', 'action', 'actor', 'summary', 'exercise'].join(',')];
  for (const e of r.timeline) lines.push([e.at, e.action, e.actor ?? '', summaryOf(e.action, e.detail), r.majorIncident.exercise ? 'yes' : 'no'].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
