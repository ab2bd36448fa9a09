import type { IssueAlertBody, PublicAlert } from '@firebreak/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { Tx } from '../../platform/db/client.js';
import type { CommandRecord } from '../../platform/command.js';
import { assertValidGeometry, geometrySql } from '../places/index.js';
import { presentAlert, threadOf, type AlertRow } from './alerts.queries.js';
import { capRuleProblems, capTime, capXml, referenceOf, type CapMessage } from './cap.js';
import { cordonsOf } from './cordons.queries.js';
import type { MajorRow } from './major-incidents.queries.js';
import { assertWithinCommand } from './set-cordon.js';
import { majorIncidentAlerts } from './major-incidents.tables.js';

/** Who composed the message a second person approved (both are in the audit row and the event). */
export interface Approval { draftId: string; composedById: string | null; composedBy: string | null }

/** The thread of `alertId` (any of its messages' ids), still in force; 404 if unknown, 409 once cancelled. */
export async function liveThread(tx: Tx, majorId: string, alertId: string): Promise<AlertRow[]> {
  const [one] = await tx.select({ threadId: majorIncidentAlerts.threadId }).from(majorIncidentAlerts)
    .where(and(eq(majorIncidentAlerts.id, alertId), eq(majorIncidentAlerts.majorIncidentId, majorId)));
  const thread = one ? await threadOf(tx, majorId, one.threadId) : [];
  if (thread.length === 0) throw new AppError('MAJOR_INCIDENT_ALERT_NOT_FOUND', undefined, { fields: [{ path: 'path.alertId', message: 'no such alert of this major incident' }] });
  if (thread[thread.length - 1]!.msgType === 'Cancel') throw new AppError('MAJOR_INCIDENT_ALERT_CANCELLED', undefined, { fields: [{ path: 'path.alertId', message: 'already cancelled' }] });
  return thread;
}

export interface AlertSettings { sender: string; languages: string[] }

type Area = { source: AlertRow['areaSource']; ring: [number, number][] };

/** The alert's area: a cordon as it stands now, or a drawn polygon (valid, within the command's area). */
export async function resolveArea(tx: Tx, row: MajorRow, area: IssueAlertBody['area']): Promise<Area> {
  if ('cordon' in area) {
    const cordon = (await cordonsOf(tx, row.id)).find((c) => c.kind === area.cordon);
    if (!cordon) throw new AppError('MAJOR_INCIDENT_NO_CORDON', `body.area.cordon: no ${area.cordon} cordon is drawn`, { fields: [{ path: 'body.area.cordon', message: `no ${area.cordon} cordon is drawn` }] });
    return { source: area.cordon, ring: cordon.area.coordinates[0]! as [number, number][] };
  }
  await assertValidGeometry(tx, area.polygon, 'body.area.polygon');
  await assertWithinCommand(tx, geometrySql(area.polygon), row.commandPath, 'body.area.polygon');
  // CAP's polygon has no holes: the outline alone.
  return { source: 'drawn', ring: area.polygon.coordinates[0]! as [number, number][] };
}

/** One text per configured language, no other: the public reads the alert in each of them. */
export function assertLanguages(info: IssueAlertBody['info'], settings: AlertSettings): void {
  const given = info.map((i) => i.language.toLowerCase());
  const wanted = settings.languages.map((l) => l.toLowerCase());
  const missing = settings.languages.filter((l) => !given.includes(l.toLowerCase()));
  const extra = info.map((i) => i.language).filter((l) => !wanted.includes(l.toLowerCase()));
  if (missing.length === 0 && extra.length === 0) return;
  const message = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not an alert language: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
  throw new AppError('MAJOR_INCIDENT_ALERT_LANGUAGES', `body.info: ${message}`, { fields: [{ path: 'body.info', message }] });
}

/**
 * Writes one CAP message of a thread (its XML built here, once) with its audit row and event.
 * `earlier` are the thread's messages so far, oldest first; the last of them is superseded.
 */
export async function writeMessage(tx: Tx, record: CommandRecord, ctx: { actor: Actor }, row: MajorRow, now: Date, settings: AlertSettings, m: {
  msgType: CapMessage['msgType']; area: Area; content: CapMessage['content']; info: IssueAlertBody['info']; expiresAt: Date; note: string | null; earlier: AlertRow[]; approval: Approval;
}): Promise<PublicAlert> {
  const id = uuidv7();
  const threadId = m.earlier[0]?.threadId ?? id;
  const sent = capTime(now);
  const message: CapMessage = {
    identifier: `firebreak-${id}`, sender: settings.sender, sent, status: row.exercise ? 'Exercise' : 'Actual', msgType: m.msgType,
    references: m.earlier.length ? m.earlier.map(referenceOf).join(' ') : null, note: m.note ?? (row.exercise ? 'Exercise' : null),
    incident: row.id, senderName: row.commandName, expires: capTime(m.expiresAt), content: m.content, info: m.info, ring: m.area.ring,
  };
  const problems = capRuleProblems(message);
  // The inputs are checked by the contract and above; a problem here is ours, never the caller's.
  if (problems.length) throw new Error(`CAP message breaks CAP 1.2 rules: ${problems.join('; ')}`);
  const last = m.earlier[m.earlier.length - 1];
  if (last) await tx.execute(sql`update major_incident_alerts set superseded_at = ${now} where id = ${last.id}`);
  const [inserted] = await tx.insert(majorIncidentAlerts).values({
    id, threadId, majorIncidentId: row.id, seq: m.earlier.length + 1, identifier: message.identifier, sender: message.sender, sent, sentAt: now,
    expires: message.expires, expiresAt: m.expiresAt, status: message.status, msgType: m.msgType, references: message.references, areaSource: m.area.source,
    area: { type: 'Polygon', coordinates: [m.area.ring] }, content: m.content, info: m.info, note: message.note, xml: capXml(message),
    createdAt: now, createdBy: ctx.actor.id, createdByName: ctx.actor.displayName,
  }).returning();
  const alert = presentAlert(inserted!, m.approval.composedBy);
  const action = m.msgType === 'Alert' ? 'major_incidents.alert_issued' : m.msgType === 'Update' ? 'major_incidents.alert_updated' : 'major_incidents.alert_cancelled';
  const data = { majorIncidentId: row.id, alertId: id, threadId, identifier: message.identifier, msgType: m.msgType, status: message.status, sent,
    references: message.references, headline: m.info[0]?.headline ?? null, xmlPath: `/api/v1/public-alerts/${id}.xml`, exercise: row.exercise,
    draftId: m.approval.draftId, composedById: m.approval.composedById, composedBy: m.approval.composedBy, approvedById: ctx.actor.id, approvedBy: ctx.actor.displayName };
  record.audit({ action, entityType: 'major_incident', entityId: row.id, jurisdictionPath: row.jurisdictionPath, before: last ? { alertId: last.id, identifier: last.identifier } : null, after: { ...data, alert } });
  record.emit({ type: action, jurisdictionPath: row.jurisdictionPath, data });
  return alert;
}
