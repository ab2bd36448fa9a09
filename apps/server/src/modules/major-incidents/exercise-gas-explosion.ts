import type { AlertInfoText, MajorIncident } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandContext } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { openIncident } from '../incidents/index.js';
import { createPost } from '../posts/index.js';
import { addPoint } from './add-point.js';
import { assignUnit } from './assign-unit.js';
import { createPosition } from './create-position.js';
import { declareMajorIncident } from './declare-major-incident.js';
import { approveAlertDraft } from './approve-alert.js';
import { composeAlert } from './compose-alert.js';
import { findMajor } from './major-incidents.queries.js';
import { reportUp } from './report-up.js';
import { setCordon } from './set-cordon.js';
import { submitSitrep } from './submit-sitrep.js';
import { updateCasualties } from './update-casualties.js';

/** Vaduz's market square (Städtle), where the scripted explosion happens unless `--at` says otherwise. */
export const VADUZ_MARKET: [number, number] = [9.5215, 47.141];

/** The exercise director's actor id in audit rows (no staff account behind it). */
export const EXERCISE_DIRECTOR_ID = '00000000-0000-7000-8000-0000000e4e70';
/** The exercise's second person, who approves the director's alert (two-person approval). */
export const EXERCISE_CONTROL_ID = '00000000-0000-7000-8000-0000000e4e71';

/** The alert texts the script has, by language; a deployment whose alert languages differ gets no alert. */
const ALERT_TEXTS: Record<string, AlertInfoText> = {
  'en-US': {
    language: 'en-US', event: 'Gas explosion', headline: 'EXERCISE - Gas explosion at Vaduz market: keep away',
    description: 'EXERCISE. A gas explosion at the market hall; buildings may collapse and gas may still escape.',
    instruction: 'EXERCISE. Keep away from the market. Within the area, stay indoors, close windows and doors, do not use open flames.',
    areaDesc: 'Vaduz market and the streets around it (outer cordon)',
  },
  'zh-CN': {
    language: 'zh-CN', event: '燃气爆炸', headline: '演习 - 瓦杜兹市场燃气爆炸：请远离',
    description: '演习。市场大厅发生燃气爆炸；建筑物可能倒塌，燃气可能仍在泄漏。',
    instruction: '演习。请远离市场。区域内人员请留在室内，关闭门窗，勿用明火。',
    areaDesc: '瓦杜兹市场及周边街道（外围警戒区）',
  },
};

export interface ExerciseResult { majorIncident: MajorIncident; alertId: string | null; draftId: string | null; lines: string[] }

export interface ExerciseOptions {
  at?: [number, number];
  /** Leave the alert as a draft awaiting a second person (the demo world: a real user approves it). */
  alertAwaitsApproval?: boolean;
  /**
   * Staff the commander and sectors from the duty posts already there (the commanding
   * jurisdiction's, the place's), so that their holders run it; otherwise exercise posts held by
   * no one are made.
   */
  staffFromDutyPosts?: boolean;
  /**
   * Whether the inner cordon closes its roads in the live road graph (default yes, as a played
   * exercise shows it). The demo world's standing exercise leaves them open: closed roads at Vaduz
   * market would change every newcomer's first live call in the centre (ETAs to the staging area).
   */
  closeRoads?: boolean;
}

/**
 * Plays the scripted gas explosion at a market as an exercise on the demo world, through the
 * product's own commands (each audited and announced, all marked exercise): the call, the
 * declaration, a commander and two sectors held by posts, units in the sectors, casualty counts,
 * an inner cordon that closes the roads and an outer one, a staging area and a traffic control
 * point, the first report up, a SITREP and a public alert (CAP 1.2, status Exercise) composed by the
 * director and approved by exercise control, a second scripted person (or left awaiting approval). The call
 * is `simulated`, so it stays out of live reports as the exercise does.
 */
export async function playGasExplosion(platform: Platform, opts: ExerciseOptions = {}): Promise<ExerciseResult> {
  const at = opts.at ?? VADUZ_MARKET;
  const deps = platform.command;
  const [root] = await rows<{ id: string; path: string; name: string }>(platform.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path limit 1`);
  if (!root) throw new Error('the exercise needs a jurisdiction tree (start the demo first)');
  const scripted = (id: string, username: string, displayName: string): Actor => ({
    id, username, displayName, kind: 'device', via: { kind: 'system' },
    grants: [{ id, role: 'commander', jurisdictionId: root.id, path: root.path, jurisdictionName: root.name }],
  });
  const actor = scripted(EXERCISE_DIRECTOR_ID, 'exercise', 'Exercise director');
  const ctx: CommandContext & { actor: Actor } = { actor, requestId: null };
  const lines: string[] = [];

  const incident = await openIncident(deps, ctx, { type: 'fire', priority: 'P1', location: at, narrative: 'EXERCISE: explosion at the market hall, people trapped, smell of gas' }, platform.config.responseTiers, 'simulated');
  let m = await declareMajorIncident(deps, ctx, { incidentId: incident.id, title: 'EXERCISE: gas explosion at the market', casualtiesEstimate: 35, exercise: true }, platform.config.majorIncidents);
  lines.push(`Declared ${m.levelName}, commanded by ${m.command.name}, informing ${m.inform.name}`);

  const dutyPost = async (jurisdictionId: string) => opts.staffFromDutyPosts
    ? (await rows<{ id: string }>(platform.db, sql`select id from posts where jurisdiction_id = ${jurisdictionId} and kind = 'duty_post' order by created_at limit 1`))[0]?.id
    : undefined;
  const post = async (jurisdictionId: string, title: string) => (await dutyPost(jurisdictionId)) ?? (await createPost(deps, ctx, { jurisdictionId, kind: 'other', title })).id;
  m = await createPosition(deps, ctx, m.id, { role: 'commander', postId: await post(m.command.id, 'Exercise incident commander') });
  for (const name of ['Market hall', 'North']) m = await createPosition(deps, ctx, m.id, { role: 'sector', name, postId: await post(m.jurisdiction.id, `Exercise sector lead, ${name}`) });
  const sectors = m.positions.filter((p) => p.role === 'sector');
  const units = await rows<{ id: string }>(platform.db, sql`select u.id from units u where u.jurisdiction_path <@ ${m.command.path}::ltree
      and not exists (select 1 from major_incident_sector_units s where s.unit_id = u.id and s.to_at is null)
      order by ST_Distance(u.home_location, ST_SetSRID(ST_MakePoint(${at[0]}, ${at[1]}), 4326)), u.call_sign limit 4`);
  for (const [i, u] of units.entries()) m = await assignUnit(deps, ctx, m.id, sectors[i % sectors.length]!.id, u.id);
  m = await updateCasualties(deps, ctx, m.id, sectors[0]!.id, { immediate: 6, delayed: 11, minor: 19, deceased: 2 });
  m = await updateCasualties(deps, ctx, m.id, sectors[1]!.id, { immediate: 1, delayed: 2, minor: 7, deceased: 0 });
  lines.push(`Command: ${sectors.length} sectors, ${units.length} units; casualties ${m.casualties.total} (immediate ${m.casualties.immediate})`);

  m = await setCordon(deps, ctx, m.id, 'outer', { radiusM: 400, closeRoads: false });
  const closeRoads = opts.closeRoads ?? true;
  m = await setCordon(deps, ctx, m.id, 'inner', { radiusM: 120, closeRoads });
  const offset = (dLon: number, dLat: number): [number, number] => [Number((at[0] + dLon).toFixed(6)), Number((at[1] + dLat).toFixed(6))];
  m = await addPoint(deps, ctx, m.id, { kind: 'staging', name: 'Staging: car park south of the cordon', location: offset(0, -0.0055) });
  m = await addPoint(deps, ctx, m.id, { kind: 'traffic_control', name: 'Traffic control: north entry', location: offset(0, 0.0037), note: 'emergency vehicles only' });
  lines.push(`Cordons: inner 120 m (roads ${closeRoads ? 'closed' : 'left open'}), outer 400 m; a staging area and a traffic control point`);

  m = await reportUp(deps, ctx, m.id, { kind: 'first', text: 'EXERCISE: gas explosion at the market, about 35 casualties, level II declared.' });
  await submitSitrep(deps, ctx, m.id, {
    situation: 'EXERCISE: east wing of the market hall collapsed; gas company isolating the main.',
    resourcesCommitted: { units: units.length, note: 'engines and ambulances of the region' }, resourcesRequested: { units: 2, note: 'urban search and rescue' },
    cordonStatus: 'Inner 120 m closed to traffic; outer 400 m', nextSteps: 'Search the east wing; move the injured to the casualty clearing station.',
  });

  const texts = platform.config.publicAlerts.languages.map((l) => Object.values(ALERT_TEXTS).find((t) => t.language.toLowerCase() === l.toLowerCase()));
  let alertId: string | null = null;
  let draftId: string | null = null;
  if (texts.every((t) => t !== undefined)) {
    const draft = await composeAlert(deps, ctx, m.id, { msgType: 'Alert', alert: {
      area: { cordon: 'outer' }, categories: ['Safety', 'Fire'], responseType: 'Shelter', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed',
      expiresInMinutes: 360, info: texts as AlertInfoText[],
    } }, platform.config.publicAlerts);
    draftId = draft.id;
    if (opts.alertAwaitsApproval) {
      lines.push('Public alert composed, awaiting approval by a second person (the composer cannot approve it)');
    } else {
      const control = { actor: scripted(EXERCISE_CONTROL_ID, 'exercise-control', 'Exercise control'), requestId: null };
      const alert = await approveAlertDraft(deps, control, m.id, draft.id, platform.config.publicAlerts);
      alertId = alert.id;
      lines.push(`Public alert ${alert.identifier} (status ${alert.status}), composed by the director, approved by exercise control`);
    }
  } else {
    lines.push(`No public alert: the script has texts in ${Object.keys(ALERT_TEXTS).join(', ')}, the alert languages are ${platform.config.publicAlerts.languages.join(', ')}`);
  }
  return { majorIncident: (await findMajor(platform.db, m.id, deps.clock()))!, alertId, draftId, lines };
}
