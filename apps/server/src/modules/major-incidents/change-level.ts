import type { ChangeLevelBody, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { MajorConfig } from './declare-major-incident.js';
import { lockMajor } from './lock.js';
import { majorRow, presentMajor } from './major-incidents.queries.js';
import { commandPathFor, informPathFor, nextLook, ruleOf, startReportUp } from './model.js';

/**
 * Raises or lowers the response level, with a reason. The command moves to the new level's
 * jurisdiction; when that changes who is to be informed, the report-up clock starts again from
 * now for the new level above (its first and written reports are owed afresh).
 */
export async function changeLevel(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, input: ChangeLevelBody, config: MajorConfig): Promise<MajorIncident> {
  const now = deps.clock();
  const rule = ruleOf(input.level, config.levels);
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const { row } = await lockMajor(tx, ctx.actor, id, now, { command: true });
    if (row.level === input.level) throw new AppError('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED', `The major incident is already at level ${input.level}`);
    const commandPath = commandPathFor(row.jurisdictionPath, rule.commandDepth);
    const informPath = informPathFor(commandPath);
    const found = await rows<{ id: string; path: string }>(tx, sql`select id, path::text as path from jurisdictions where path in (${commandPath}::ltree, ${informPath}::ltree)`);
    const command = found.find((j) => j.path === commandPath)!;
    const inform = found.find((j) => j.path === informPath)!;
    const reportUp = inform.path === row.informPath ? row.reportUp : startReportUp(config.reportUpMinutes, now);
    await tx.execute(sql`update major_incidents set level = ${input.level}, level_name = ${rule.name}, command_jurisdiction_id = ${command.id}, command_path = ${command.path}::ltree,
        inform_jurisdiction_id = ${inform.id}, inform_path = ${inform.path}::ltree, report_up = ${JSON.stringify(reportUp)}::jsonb,
        next_deadline_at = ${nextLook(reportUp, row.sitrepDueAt, row.sitrepEscalatedFor)}, version = version + 1, updated_at = ${now} where id = ${id}`);
    const data = { majorIncidentId: id, from: row.level, to: input.level, levelName: rule.name, reason: input.reason, commandPath: command.path, informPath: inform.path,
      reportUpRestarted: inform.path !== row.informPath, exercise: row.exercise };
    record.audit({ action: 'major_incidents.level_changed', entityType: 'major_incident', entityId: id, jurisdictionPath: row.jurisdictionPath,
      before: { level: row.level, commandPath: row.commandPath, informPath: row.informPath }, after: data });
    record.emit({ type: 'major_incidents.level_changed', jurisdictionPath: row.jurisdictionPath, data });
    return presentMajor(tx, (await majorRow(tx, id))!, now);
  });
  return result;
}
