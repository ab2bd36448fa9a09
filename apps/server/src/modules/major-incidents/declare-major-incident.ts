import type { DeclareMajorIncidentBody, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../../config.js';
import { AppError, forbidden, invalidField } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { findIncidentRow } from '../incidents/index.js';
import { deepestContaining } from '../places/index.js';
import { mayDeclare } from './major-incidents.access.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { commandPathFor, informPathFor, nextLook, nextSitrepDue, ruleOf, startReportUp, suggestLevel } from './model.js';

export type MajorConfig = Config['majorIncidents'];

async function jurisdictionAt(tx: Tx, path: string): Promise<{ id: string; path: string }> {
  const [j] = await rows<{ id: string; path: string }>(tx, sql`select id, path::text as path from jurisdictions where path = ${path}::ltree`);
  return j!;
}

/**
 * Declares a major incident from an open incident or at a point. The level (given, or suggested
 * from the casualty estimate) sets the commanding jurisdiction and the level above to inform; the
 * report-up clock and the SITREP schedule start now. Events at the place's path reach the
 * command and every level above; the informed level above the command lies among them.
 */
export async function declareMajorIncident(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: DeclareMajorIncidentBody, config: MajorConfig): Promise<MajorIncident> {
  const now = deps.clock();
  const level = input.level ?? suggestLevel(input.casualtiesEstimate!, config.levels);
  const rule = ruleOf(level, config.levels);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    let place: { id: string; path: string; lon: number; lat: number; incidentId: string | null };
    if (input.incidentId) {
      const incident = await findIncidentRow(tx, input.incidentId, { forUpdate: true });
      if (!incident || !can(ctx.actor, 'incidents:read', incident.jurisdictionPath)) throw invalidField('body.incidentId', 'no such incident in your scope');
      if (incident.state !== 'open') throw new AppError('INCIDENT_CLOSED');
      if (incident.lon === null || incident.lat === null) throw invalidField('body.incidentId', 'the incident has no location');
      const [taken] = await rows<{ id: string }>(tx, sql`select id from major_incidents where incident_id = ${incident.id} and state = 'active'`);
      if (taken) throw new AppError('MAJOR_INCIDENT_ALREADY_DECLARED', `Major incident ${taken.id} is already declared for this incident`);
      place = { id: incident.jurisdictionId, path: incident.jurisdictionPath, lon: Number(incident.lon), lat: Number(incident.lat), incidentId: incident.id };
    } else {
      const [lon, lat] = input.location!;
      const owner = await deepestContaining(tx, sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`);
      if (!owner) throw new AppError('NO_JURISDICTION_AT_POINT', 'body.location: lies in no jurisdiction', { fields: [{ path: 'body.location', message: 'lies in no jurisdiction' }] });
      place = { ...owner, lon, lat, incidentId: null };
    }
    if (!mayDeclare(ctx.actor, place.path)) throw forbidden(`You may not declare a major incident in ${place.path}`);
    const command = await jurisdictionAt(tx, commandPathFor(place.path, rule.commandDepth));
    const inform = await jurisdictionAt(tx, informPathFor(command.path));
    const id = uuidv7();
    const reportUp = startReportUp(config.reportUpMinutes, now);
    const sitrepDueAt = nextSitrepDue(now, config.sitrepIntervalMinutes);
    await tx.execute(sql`insert into major_incidents (id, incident_id, title, level, level_name, exercise, state, location, jurisdiction_id, jurisdiction_path,
        command_jurisdiction_id, command_path, inform_jurisdiction_id, inform_path, declared_at, declared_by, declared_by_name, report_up,
        sitrep_interval_min, sitrep_due_at, next_deadline_at, updated_at)
      values (${id}, ${place.incidentId}, ${input.title}, ${level}, ${rule.name}, ${input.exercise}, 'active', ST_SetSRID(ST_MakePoint(${place.lon}, ${place.lat}), 4326),
        ${place.id}, ${place.path}::ltree, ${command.id}, ${command.path}::ltree, ${inform.id}, ${inform.path}::ltree, ${now}, ${ctx.actor.id}, ${ctx.actor.displayName},
        ${JSON.stringify(reportUp)}::jsonb, ${config.sitrepIntervalMinutes}, ${sitrepDueAt}, ${nextLook(reportUp, sitrepDueAt, null)}, ${now})`);
    const major = await presentMajor(tx, (await majorRow(tx, id))!, now);
    const data = { id, incidentId: place.incidentId, title: input.title, level, levelName: rule.name, exercise: input.exercise, casualtiesEstimate: input.casualtiesEstimate ?? null,
      jurisdictionPath: place.path, commandPath: command.path, informPath: inform.path, reportUp, sitrepDueAt: sitrepDueAt.toISOString() };
    record.audit({ action: 'major_incidents.declared', entityType: 'major_incident', entityId: id, jurisdictionPath: place.path, after: data });
    if (place.incidentId) record.audit({ action: 'major_incidents.declared', entityType: 'incident', entityId: place.incidentId, jurisdictionPath: place.path, after: data });
    record.emit({ type: 'major_incidents.declared', jurisdictionPath: place.path, data });
    return major;
  });
  return result;
}
