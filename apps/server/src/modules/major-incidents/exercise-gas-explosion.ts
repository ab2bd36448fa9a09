import type { RoadGraph } from '@firebreak/roadgraph';
import { EXERCISE_TEXTS as T, type AlertInfoText, type IncidentType, type MajorIncident, type Priority } from '@firebreak/contracts';
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
import { playTimeline, realTimer, type TimelineStep, type Timer } from './exercise-timeline.js';

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

export interface ExerciseResult {
  majorIncident: MajorIncident;
  alertId: string | null;
  draftId: string | null;
  /** The script's calls (simulated incidents), in the order they arrived. */
  callIds: string[];
  lines: string[];
}

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
  /**
   * The car road graph: given, the outer cordon's traffic control points are computed where roads
   * cross it (as the route does), each offered to the patrols. The CLI and the demo world load it.
   */
  roads?: () => Promise<RoadGraph>;
  /**
   * Times faster than real time: 1 plays the ten-minute script in ten minutes, 10 in one.
   * Default `Infinity`: everything at once (tests, the demo world).
   */
  speed?: number;
  /** The timer the steps wait on (default the real one); tests pass one that moves their injected clock. */
  timer?: Timer;
  /** Stops the script before its next step (Ctrl-C). */
  signal?: AbortSignal;
  /** Told each line as it happens (the CLI prints it), beside `lines` in the result. */
  onLine?: (line: string) => void;
}

/** What the steps share while the script plays. */
interface Play {
  platform: Platform;
  opts: ExerciseOptions;
  at: [number, number];
  ctx: CommandContext & { actor: Actor };
  scripted: (id: string, username: string, displayName: string) => Actor;
  m: MajorIncident | null;
  sectors: string[];
  units: string[];
  callIds: string[];
  alertId: string | null;
  draftId: string | null;
  lines: string[];
}

const major = (p: Play): MajorIncident => {
  if (!p.m) throw new Error('the script declares the major incident before this step');
  return p.m;
};
const say = (p: Play, line: string) => {
  p.lines.push(line);
  p.opts.onLine?.(line);
};
const near = (p: Play, dLon: number, dLat: number): [number, number] => [Number((p.at[0] + dLon).toFixed(6)), Number((p.at[1] + dLat).toFixed(6))];

/** A call reaching the control room: a simulated incident (kept out of live reports, as the exercise is). */
function call(type: IncidentType, priority: Priority, narrative: string, where: (p: Play) => [number, number]) {
  return async (p: Play) => {
    const incident = await openIncident(p.platform.command, p.ctx, { type, priority, location: where(p), narrative }, p.platform.config.responseTiers, 'simulated');
    p.callIds.push(incident.id);
    say(p, `Call ${p.callIds.length}: ${narrative}`);
  };
}

async function declareAndStaff(p: Play): Promise<void> {
  const { platform, ctx } = p;
  const deps = platform.command;
  let m = await declareMajorIncident(deps, ctx, { incidentId: p.callIds[0]!, title: T.title, casualtiesEstimate: 35, exercise: true }, platform.config.majorIncidents);
  say(p, `Declared ${m.levelName}, commanded by ${m.command.name}, informing ${m.inform.name}`);
  const dutyPost = async (jurisdictionId: string) => p.opts.staffFromDutyPosts
    ? (await rows<{ id: string }>(platform.db, sql`select id from posts where jurisdiction_id = ${jurisdictionId} and kind = 'duty_post' order by created_at limit 1`))[0]?.id
    : undefined;
  const post = async (jurisdictionId: string, title: string) => (await dutyPost(jurisdictionId)) ?? (await createPost(deps, ctx, { jurisdictionId, kind: 'other', title })).id;
  m = await createPosition(deps, ctx, m.id, { role: 'commander', postId: await post(m.command.id, T.postCommander) });
  for (const [name, title] of [[T.sectorMarketHall, T.postMarketHall], [T.sectorNorth, T.postNorth]] as const) {
    m = await createPosition(deps, ctx, m.id, { role: 'sector', name, postId: await post(m.jurisdiction.id, title) });
  }
  p.sectors = m.positions.filter((x) => x.role === 'sector').map((x) => x.id);
  const units = await rows<{ id: string }>(platform.db, sql`select u.id from units u where u.jurisdiction_path <@ ${m.command.path}::ltree
      and not exists (select 1 from major_incident_sector_units s where s.unit_id = u.id and s.to_at is null)
      order by ST_Distance(u.home_location, ST_SetSRID(ST_MakePoint(${p.at[0]}, ${p.at[1]}), 4326)), u.call_sign limit 4`);
  p.units = units.map((u) => u.id);
  for (const [i, u] of p.units.entries()) m = await assignUnit(deps, ctx, m.id, p.sectors[i % p.sectors.length]!, u);
  say(p, `Command: ${p.sectors.length} sectors, ${p.units.length} units`);

  m = await setCordon(deps, ctx, m.id, 'outer', { radiusM: 400, closeRoads: false }, p.opts.roads);
  const closeRoads = p.opts.closeRoads ?? true;
  m = await setCordon(deps, ctx, m.id, 'inner', { radiusM: 120, closeRoads });
  m = await addPoint(deps, ctx, m.id, { kind: 'staging', name: T.staging, location: near(p, 0, -0.0055) });
  m = await addPoint(deps, ctx, m.id, { kind: 'traffic_control', name: T.trafficControl, location: near(p, 0, 0.0037), note: T.trafficControlNote });
  p.m = m;
  const computed = m.points.filter((x) => x.cordon === 'outer').length;
  say(p, `Cordons: inner 120 m (roads ${closeRoads ? 'closed' : 'left open'}), outer 400 m${computed > 0 ? ` (${computed} traffic control points where roads cross it, offered to patrols)` : ''}; a staging area and a traffic control point`);
}

/** A sector's counts as they stand (never increments, so the tally is the sum of the latest). */
function casualties(counts: [{ immediate: number; delayed: number; minor: number; deceased: number }, { immediate: number; delayed: number; minor: number; deceased: number }]) {
  return async (p: Play) => {
    let m = major(p);
    for (const [i, c] of counts.entries()) m = await updateCasualties(p.platform.command, p.ctx, m.id, p.sectors[i]!, c);
    p.m = m;
    say(p, `Casualties ${m.casualties.total} (immediate ${m.casualties.immediate}, deceased ${m.casualties.deceased})`);
  };
}

async function firstReportUp(p: Play): Promise<void> {
  p.m = await reportUp(p.platform.command, p.ctx, major(p).id, { kind: 'first', text: T.reportUpFirst });
  say(p, `First report up to ${p.m.inform.name}`);
}

async function publicAlert(p: Play): Promise<void> {
  const { platform } = p;
  const texts = platform.config.publicAlerts.languages.map((l) => Object.values(ALERT_TEXTS).find((t) => t.language.toLowerCase() === l.toLowerCase()));
  if (!texts.every((t) => t !== undefined)) {
    say(p, `No public alert: the script has texts in ${Object.keys(ALERT_TEXTS).join(', ')}, the alert languages are ${platform.config.publicAlerts.languages.join(', ')}`);
    return;
  }
  const draft = await composeAlert(platform.command, p.ctx, major(p).id, { msgType: 'Alert', alert: {
    area: { cordon: 'outer' }, categories: ['Safety', 'Fire'], responseType: 'Shelter', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed',
    expiresInMinutes: 360, info: texts as AlertInfoText[],
  } }, platform.config.publicAlerts);
  p.draftId = draft.id;
  if (p.opts.alertAwaitsApproval) {
    say(p, 'Public alert composed, awaiting approval by a second person (the composer cannot approve it)');
    return;
  }
  const control = { actor: p.scripted(EXERCISE_CONTROL_ID, 'exercise-control', T.control), requestId: null };
  const alert = await approveAlertDraft(platform.command, control, major(p).id, draft.id, platform.config.publicAlerts);
  p.alertId = alert.id;
  say(p, `Public alert ${alert.identifier} (status ${alert.status}), composed by the director, approved by exercise control`);
}

async function sitrep(p: Play): Promise<void> {
  await submitSitrep(p.platform.command, p.ctx, major(p).id, {
    situation: T.sitrepSituation,
    resourcesCommitted: { units: p.units.length, note: T.sitrepCommitted }, resourcesRequested: { units: 2, note: T.sitrepRequested },
    cordonStatus: (p.opts.closeRoads ?? true) ? T.sitrepCordons : T.sitrepCordonsOpen, nextSteps: T.sitrepNextSteps,
  });
  say(p, 'SITREP submitted by the commander\'s post');
}

/**
 * The gas explosion as it unfolds, minute by minute from the first call: more calls as word
 * spreads (the injured on the square, gas in the next street), the declaration once the scale is
 * clear, a secondary collapse, casualty counts rising as sectors report, the first report up within
 * its clock, the public alert, and the SITREP at the end.
 */
export const GAS_EXPLOSION_SCRIPT: readonly TimelineStep<Play>[] = [
  { atMinute: 0, run: call('explosion', 'P1', T.call1, (p) => p.at) },
  { atMinute: 1, run: call('medical', 'P1', T.call2, (p) => near(p, 0.0004, 0.0002)) },
  { atMinute: 2, run: declareAndStaff },
  { atMinute: 3, run: call('hazmat_leak', 'P2', T.call3, (p) => near(p, -0.0016, 0.0007)) },
  { atMinute: 4, run: casualties([{ immediate: 3, delayed: 5, minor: 8, deceased: 1 }, { immediate: 0, delayed: 1, minor: 3, deceased: 0 }]) },
  { atMinute: 5, run: firstReportUp },
  { atMinute: 6, run: call('rescue', 'P1', T.call4, (p) => near(p, 0.0003, 0)) },
  { atMinute: 7, run: casualties([{ immediate: 6, delayed: 11, minor: 19, deceased: 2 }, { immediate: 1, delayed: 2, minor: 7, deceased: 0 }]) },
  { atMinute: 8, run: call('medical', 'P2', T.call5, (p) => near(p, 0, 0.0025)) },
  { atMinute: 9, run: publicAlert },
  { atMinute: 10, run: sitrep },
];

/**
 * Plays the scripted gas explosion at a market as an exercise on the demo world, through the
 * product's own commands (each audited and announced, all marked exercise; the calls are
 * `simulated`, so they stay out of live reports as the exercise does). At `speed` 1 the calls
 * arrive over ten minutes; by default everything is played at once. Its texts are the English of
 * `EXERCISE_TEXTS` (contracts), which the web app shows in the UI language.
 */
export async function playGasExplosion(platform: Platform, opts: ExerciseOptions = {}): Promise<ExerciseResult> {
  const [root] = await rows<{ id: string; path: string; name: string }>(platform.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path limit 1`);
  if (!root) throw new Error('the exercise needs a jurisdiction tree (start the demo first)');
  const scripted = (id: string, username: string, displayName: string): Actor => ({
    id, username, displayName, kind: 'device', via: { kind: 'system' },
    grants: [{ id, role: 'commander', jurisdictionId: root.id, path: root.path, jurisdictionName: root.name }],
  });
  const p: Play = {
    platform, opts, at: opts.at ?? VADUZ_MARKET, scripted,
    ctx: { actor: scripted(EXERCISE_DIRECTOR_ID, 'exercise', T.director), requestId: null },
    m: null, sectors: [], units: [], callIds: [], alertId: null, draftId: null, lines: [],
  };
  await playTimeline(GAS_EXPLOSION_SCRIPT, p, { speed: opts.speed ?? Infinity, timer: opts.timer ?? realTimer, signal: opts.signal });
  if (!p.m) throw new Error('the exercise was stopped before the major incident was declared');
  return { majorIncident: (await findMajor(platform.db, p.m.id, platform.command.clock()))!, alertId: p.alertId, draftId: p.draftId, callIds: p.callIds, lines: p.lines };
}
