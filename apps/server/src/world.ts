import type { Role } from '@firebreak/contracts';
import { SingleBar } from 'cli-progress';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from './config.js';
import { runCommand } from './platform/command.js';
import type { Platform } from './platform/kernel.js';
import { countJurisdictions, DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from './modules/jurisdictions/index.js';
import { bootstrapAccounts, type CreatedAccount } from './modules/identity/index.js';
import { importOsmPlacesFile } from './modules/places/index.js';
import { ensureStarterChecklists } from './modules/checklists/index.js';
import { ensureDemoForces } from './modules/units/index.js';
import { ensureDemoRunCards } from './modules/dispatch/index.js';
import { ensureDemoAgreements } from './modules/mutual-aid/index.js';
import { ensureDemoPosts } from './modules/posts/index.js';
import { ensureDemoGoods } from './modules/controlled-goods/index.js';
import { ensureDemoClosedDays } from './modules/coverage/index.js';
import { ensureDemoMajorIncident } from './modules/major-incidents/index.js';
import { ensureDemoCampaign } from './modules/campaigns/index.js';
import { ensureDemoDirectives } from './modules/directives/index.js';

type Say = (line: string) => void;

/** Progress bar over the bytes of each read pass of an OSM file. */
export function osmProgress(say: Say, interactive: boolean) {
  if (!interactive) {
    let last = '';
    return {
      onProgress: (p: { phase: string; bytesRead: number; totalBytes: number }) => {
        if (p.phase !== last) say(`  reading ${p.phase}…`);
        last = p.phase;
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({ format: '  {phase} [{bar}] {percentage}% | {value}/{total} bytes', hideCursor: true });
  let phase = '';
  return {
    onProgress: (p: { phase: string; bytesRead: number; totalBytes: number }) => {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.totalBytes, 0, { phase: p.phase.padEnd(5) });
      }
      bar.update(p.bytesRead, { phase: p.phase.padEnd(5) });
    },
    stop: () => bar.stop(),
  };
}

/**
 * First start: an empty database gets the demo country (or a bare national root when the demo
 * is off), then the first administrator. Returns the accounts created, to be printed once.
 */
export async function ensureWorld(platform: Platform, config: Config, say: Say): Promise<CreatedAccount[]> {
  const ctx = { actor: null, actorName: 'system', requestId: null };
  if ((await countJurisdictions(platform.db)) === 0) {
    if (config.demo) {
      say('Importing the demo country (Liechtenstein, © OpenStreetMap contributors, ODbL)…');
      const progress = osmProgress(say, Boolean(process.stdout.isTTY));
      // The country's preset lays its boundary levels onto the first configured levels (config.ts requires three).
      const summary = await importOsmFile(platform.command, ctx, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE, levels: config.levels.keys, onProgress: progress.onProgress });
      progress.stop();
      say(`  ${summary.created} jurisdictions created under ${summary.roots.join(', ')}`);
      const places = await importOsmPlacesFile(platform.command, ctx, DEMO_PBF);
      say(`  ${places.created} key places (schools, kindergartens, fuel stations, …) added`);
    } else {
      await runCommand(platform.command, ctx, async (tx, record) => {
        const id = uuidv7();
        await tx.execute(sql`insert into jurisdictions (id, path, name, level) values (${id}, 'national'::ltree, 'National', ${config.levels.keys[0]!})`);
        record.audit({ action: 'jurisdictions.created', entityType: 'jurisdiction', entityId: id, jurisdictionPath: 'national', after: { name: 'National' } });
      });
    }
  }
  const checklists = await ensureStarterChecklists(platform.command);
  if (checklists > 0) say(`  ${checklists} starter checklists published (sources in docs/checklists.md)`);
  if (config.demo) {
    const units = await ensureDemoForces(platform.command);
    if (units > 0) say(`  ${units} demo units at the country's fire and police stations, its hospital and one patrol per municipality`);
    const cards = await ensureDemoRunCards(platform.command);
    if (cards > 0) say(`  ${cards} national default run cards (every incident type and priority; reasoning in docs/incident-types.md)`);
    const agreements = await ensureDemoAgreements(platform.command);
    if (agreements > 0) say(`  ${agreements} mutual aid agreements: neighbouring municipalities lend fire engines, ladders and ambulances both ways`);
    const holidays = await ensureDemoClosedDays(platform.command);
    if (holidays > 0) say(`  ${holidays} public holidays of Liechtenstein (2026, 2027) at the national jurisdiction: schools and kindergartens closed on them`);
    const goods = await ensureDemoGoods(platform.command);
    if (goods > 0) say(`  ${goods} licensed sites (demo): the fuel stations and four invented stores at OSM industrial areas, with opening stock`);
    const campaign = await ensureDemoCampaign(platform.command);
    if (campaign) say(`  an inspection campaign: ${campaign.title}, ${campaign.assignments} places for the municipalities' inspectors (30 days)`);
  }
  const accounts = await bootstrapAccounts(platform.command, { adminPassword: config.adminPassword, demoStaff: config.demo });
  if (config.demo) {
    const staffed = await ensureDemoPosts(platform.command, accounts.map((a) => a.username));
    if (staffed > 0) say(`  ${staffed} posts staffed: a duty post per region and municipality, an inspector's post per municipality (tasks are given to posts)`);
    const directives = await ensureDemoDirectives(platform.command);
    if (directives > 0) say(`  ${directives} directives from the regional duty officers to their municipalities, awaiting acknowledgement`);
    // A demo extra: if it cannot be played, the world still starts, and says why.
    const major = await ensureDemoMajorIncident(platform).catch((err: unknown) => {
      say(`  no demo major incident: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    });
    if (major) say(`  an exercise major incident: ${major.majorIncident.title} (${major.majorIncident.levelName}, commanded by ${major.majorIncident.command.name}), its public alert awaiting a second person's approval`);
  }
  return accounts;
}

export function printAccounts(accounts: CreatedAccount[], say: Say, mfaRequiredRoles: readonly Role[] = []): void {
  if (accounts.length === 0) return;
  say('');
  say('Accounts created on first start (passwords are shown this once; only their hashes are stored):');
  for (const a of accounts) {
    const pw = a.generated ? a.password : '(from FIREBREAK_ADMIN_PASSWORD)';
    say(`  ${a.username.padEnd(28)} ${a.role.padEnd(14)} ${a.jurisdictionPath.padEnd(28)} ${pw}`);
  }
  const needMfa = accounts.filter((a) => mfaRequiredRoles.includes(a.role)).map((a) => a.username);
  if (needMfa.length > 0) {
    say('');
    say(`Two-factor sign-in is required for ${mfaRequiredRoles.join(', ')} (MFA_REQUIRED_ROLES): ${needMfa.join(', ')} set it up at`);
    say('their first sign-in in the web app, with an authenticator app on their phone (and keep the recovery codes shown).');
  }
  say('');
}
