import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ReplayDeployment, ReplayRequest, type AuditCheckpoint } from '@firebreak/contracts';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import closeWithGrace from 'close-with-grace';
import { destination, pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { verifyAuditChain } from './platform/audit/audit-log.js';
import { parseCheckpoint, scheduleCheckpoints, verifyCheckpoint, writeCheckpoint } from './platform/audit/checkpoint.js';
import { auditKeysFrom, generateSigningKey, parsePublicKey, parseSigningKey, rawPublicKey } from './platform/audit/signing-key.js';
import { startPlatform } from './platform/kernel.js';
import { assertStoredLevels, checkTree, describeMapping, describeOsmImport, importOsmFile, parseWithin, registerBoundaryImport } from './modules/jurisdictions/index.js';
import { importOsmPlacesFile } from './modules/places/index.js';
import { startEscalationSweeper } from './modules/hazards/index.js';
import { markMissed } from './modules/campaigns/index.js';
import { escalateDirectives } from './modules/directives/index.js';
import { makeDutyTasks, markOverdueTasks } from './modules/tasks/index.js';
import { startResponseClock } from './modules/incidents/index.js';
import { playGasExplosion, sweepMajorIncidentClocks } from './modules/major-incidents/index.js';
import { deploymentRoadNetwork } from './modules/dispatch/index.js';
import { FIRST_GLYPH_RANGES, glyphRangesIn } from './modules/basemap/index.js';
import { startReinforcementSweeper } from './modules/reinforcements/index.js';
import { sweepLicences, sweepTransports } from './modules/controlled-goods/index.js';
import { BUILT_IN_MAPPINGS, CallsMapping, builtInMapping, describeBatches, describeImport, importCalls, importExitCode, listBatches, relocateOption, undoImport } from './modules/history/index.js';
import { rows } from './platform/db/client.js';
import { jurisdictionDemand, runSimulation } from './modules/simulation/index.js';
import { replayPeriod, replayTable } from './modules/replay/index.js';
import { registerOnboardCommands } from './modules/onboarding/index.js';
import { ensureWorld, osmProgress, printAccounts } from './world.js';
import { registerBackupCommands } from './platform/backup/cli.js';
import { scheduleBackups } from './platform/backup/record.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** `--at 9.5215,47.141`: a WGS 84 position, longitude first. */
function parseLonLat(text: string): [number, number] {
  const [lon, lat, ...rest] = text.split(',').map((v) => Number(v.trim()));
  if (rest.length || lon === undefined || lat === undefined || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) throw new Error(`--at: "${text}" is not longitude,latitude in degrees (e.g. 9.5215,47.141)`);
  return [lon, lat];
}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

async function serve(): Promise<void> {
  const config = configOrExit();
  const logger = pino({ level: config.logLevel });
  const app = await buildApp(config, { logger, onProgress: say });
  printAccounts(await ensureWorld(app.platform, config, say), say, config.mfa.requiredRoles);
  const stopSweeper = startEscalationSweeper(app.platform.command, logger, 60_000, [markMissed, escalateDirectives, makeDutyTasks, markOverdueTasks, sweepMajorIncidentClocks, sweepLicences, sweepTransports]);
  const stopClock = startResponseClock(app.platform.command, logger);
  const stopReinforcements = startReinforcementSweeper(app.platform.command, logger);
  const p = app.platform;
  const stopCheckpoints = scheduleCheckpoints({ db: p.db, keys: p.auditKeys, drain: () => p.auditChainer.drain(), clock: p.clock, minutes: config.audit.checkpointMinutes, log: logger });
  const { dir: backupDir, hours, keep } = config.backup;
  const backupSource = { database: p.database, url: config.databaseOwnerUrl ?? config.databaseUrl, dataDir: config.dataDir, keys: p.auditKeys, configuredKey: config.audit.signingKey !== undefined };
  const stopBackups = backupDir ? scheduleBackups({ src: backupSource, dir: backupDir, hours, keep, clock: p.clock, log: logger }) : () => undefined;
  // Loaded now rather than on the first recommendation; a failure is logged and retried on use.
  void deploymentRoadNetwork(config).then(
    (n) => logger.info({ source: n.source, ms: Math.round(n.millis), nodes: n.graph.nodeCount }, 'road network ready'),
    (err: unknown) => logger.error({ err }, 'road network failed to load'),
  );
  // The labels' first glyph range, read from the data folder (or made once and kept there) now rather than on the
  // first map after a restart, which waited ~1.4 s for it.
  for (const start of FIRST_GLYPH_RANGES) {
    void glyphRangesIn(config.dataDir).get(start).catch((err: unknown) => logger.warn({ err, start }, 'glyph range not made ahead'));
  }
  // Demo switch (FIREBREAK_SIMULATE): simulated incidents and unit movements, marked as such.
  const stopSimulation = config.simulate.enabled
    ? await runSimulation(app.platform, { seed: config.simulate.seed, ratePerHour: config.simulate.ratePerHour }).catch((err: unknown) => {
      logger.error({ err }, 'simulation not started');
      return async () => undefined;
    })
    : async () => undefined;
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down: finishing requests, flushing the outbox');
    stopSweeper();
    stopClock();
    stopReinforcements();
    stopCheckpoints();
    stopBackups();
    await stopSimulation();
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  say(`Firebreak is up on http://localhost:${config.port} (database: ${app.platform.database.describe}; bus: ${app.platform.bus.kind})`);
  if (config.simulate.enabled) say(`Simulation on (FIREBREAK_SIMULATE): about ${config.simulate.ratePerHour} simulated incidents an hour, seed ${config.simulate.seed}; they are marked simulated and left out of reports`);
}

/** Runs a CLI job against the same database and bus as the server would use. */
async function withPlatform<T>(job: (p: Awaited<ReturnType<typeof startPlatform>>) => Promise<T>): Promise<T> {
  const config = configOrExit();
  // Logs go to stderr: stdout carries the command's answer (e.g. a checkpoint's JSON).
  const platform = await startPlatform(config, pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, destination(2)), { onProgress: say });
  try {
    await assertStoredLevels(platform.db, config.levels);
    return await job(platform);
  } finally {
    await platform.close();
  }
}

const program = new Command('firebreak').description('Firebreak public-safety command platform');
program.command('serve').description('start the API server (default)').action(serve);
const importCommand = program.command('import').description('import data');
importCommand
  .command('osm <file>')
  .description('build or refresh the jurisdiction tree (administrative boundaries) and the key places (schools, fuel stations, …) from an OSM PBF file')
  .option('--country-code <code>', 'label of the national root in jurisdiction paths, e.g. li (also of the root made for an extract without a national boundary); also picks the admin_level preset (cn, us, de, fr, es, ad, li, …)')
  .option('--levels <map>', 'which OSM admin_levels become which configured levels, e.g. 2:national,4:province,5:city,6:district (default: the country preset)')
  .option('--within <bbox|geojson>', 'area of interest: west,south,east,north in degrees, or a GeoJSON (Multi)Polygon file; boundaries wholly outside it are left out, and boundaries the extract cut are closed along it')
  .option('--root-name <name>', 'name of the root made from the extract when it holds no national boundary (default: the country code)')
  .action(async (file: string, opts: { countryCode?: string; levels?: string; within?: string; rootName?: string }) => {
    const within = opts.within === undefined ? undefined : await parseWithin(opts.within);
    await withPlatform(async (platform) => {
      const progress = osmProgress(say, Boolean(process.stdout.isTTY));
      const summary = await importOsmFile(platform.command, { actor: null, actorName: 'cli', requestId: null }, file, {
        countryCode: opts.countryCode, levels: platform.config.levels.keys, levelsOption: opts.levels, within, rootName: opts.rootName, onProgress: progress.onProgress,
      });
      progress.stop();
      say(`Levels: ${describeMapping(summary.mapping)}`);
      for (const u of summary.unmapped) say(`  not imported: ${u.count} boundaries at admin_level ${u.adminLevel} (${u.names.join(', ')}${u.count > u.names.length ? ', …' : ''}): no level is mapped to it (--levels)`);
      for (const line of describeOsmImport(summary)) say(line);
      const places = await importOsmPlacesFile(platform.command, { actor: null, actorName: 'cli', requestId: null }, file);
      say(`Key places: ${places.created} created, ${places.updated} updated, ${places.unchanged} unchanged, ${places.outside} outside every jurisdiction`);
    });
  });
// A fresh data folder gets the demo world first (as serve does): boundary files hang under it.
registerBoundaryImport(importCommand, (job) => withPlatform(async (p) => (printAccounts(await ensureWorld(p, p.config, say), say, p.config.mfa.requiredRoles), job(p))), say);
importCommand
  .command('calls [file]')
  .description('load past incidents from a CAD export CSV as historical incidents of a jurisdiction, in one batch that can be undone (re-importing adds nothing); an empty database gets the demo world first, as serve does')
  .option('--mapping <name|file.json>', `a built-in column mapping (${Object.keys(BUILT_IN_MAPPINGS).join(', ')}) or a JSON mapping file (docs/historical-import.md)`)
  .option('--jurisdiction <path>', 'the jurisdiction the calls belong to, e.g. li.oberland (with --list: only batches under it)')
  .option('--dry-run', 'read and check only: say what would be imported and rejected, write nothing (exits as the import would)')
  .option('--allow-partial', 'import the readable calls even when rows are rejected (without it a file with a rejected row imports nothing and exits 3)')
  .option('--relocate', 'place the calls at plausible places of the jurisdiction (another region\'s export for a what-if replay): each keeps its time, type, priority, units and time on scene; marked relocated')
  .option('--seed <n>', 'with --relocate: the draw\'s seed (default 1); the same file and seed place the same calls the same way')
  .option('--list', 'list the import batches (id, file, what each wrote, whether undone)')
  .option('--undo <batchId>', 'undo an import batch: remove exactly the incidents and unit responses it wrote, audited')
  .action(async (file: string | undefined, opts: { mapping?: string; jurisdiction?: string; dryRun?: boolean; allowPartial?: boolean; relocate?: boolean; seed?: string; list?: boolean; undo?: string }) => {
    const cli = { actor: null, actorName: 'cli', requestId: null };
    if (opts.list) {
      const under = opts.jurisdiction;
      for (const line of describeBatches(await withPlatform((p) => listBatches(p.db, under === undefined ? 'all' : [under])))) say(line);
      return;
    }
    if (opts.undo !== undefined) {
      const batchId = opts.undo;
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(batchId)) throw new Error(`--undo: ${batchId} is not a batch id (see --list)`);
      const undone = await withPlatform((p) => undoImport(p.command, cli, batchId));
      say(undone.removedCalls === 0 && undone.batch.undoneAt !== null && undone.removedResponses === 0
        ? `Batch ${batchId} (${undone.batch.file}) is undone (${undone.batch.undoneAt} by ${undone.batch.undoneBy}); nothing left to remove`
        : `Undid batch ${batchId} (${undone.batch.file}): removed ${undone.removedCalls} historical incidents and ${undone.removedResponses} unit responses`);
      return;
    }
    if (file === undefined || opts.mapping === undefined || opts.jurisdiction === undefined) throw new Error('import calls <file> needs --mapping and --jurisdiction (or use --list / --undo <batchId>)');
    const mapping = loadMapping(opts.mapping);
    const relocation = relocateOption(opts, mapping);
    const text = readFileSync(file, 'utf8');
    const jurisdictionPath = opts.jurisdiction;
    const allowPartial = opts.allowPartial === true;
    const dryRun = opts.dryRun === true;
    const summary = await withPlatform(async (platform) => {
      // A fresh data folder: the demo world (and the first administrator) first, as serve does.
      printAccounts(await ensureWorld(platform, platform.config, say), say, platform.config.mfa.requiredRoles);
      const [j] = await rows<{ id: string; path: string }>(platform.db, sql`select id, path::text as path from jurisdictions where path::text = ${jurisdictionPath}`);
      if (!j) throw new Error(`--jurisdiction: no jurisdiction ${jurisdictionPath}`);
      // As POST /history/imports with relocate: the places are drawn from the jurisdiction's demand.
      const demand = relocation ? await jurisdictionDemand(platform.db, platform.config, j.path) : undefined;
      if (demand === null) throw new Error(`--relocate: ${j.path} has no boundary with buildings or key places of the map inside it to place calls at`);
      return importCalls(platform.command, cli, {
        text, file: path.basename(file), mapping, jurisdiction: j, tiers: platform.config.responseTiers, dryRun, allowPartial,
        relocate: relocation && demand ? { seed: relocation.seed, demand } : undefined,
        onChunk: dryRun ? undefined : (done, total) => say(`  ${done}/${total} calls`),
      });
    });
    for (const line of describeImport(summary, { dryRunAsked: dryRun, allowPartial })) say(line);
    process.exitCode = importExitCode(summary, allowPartial);
  });

/** A built-in mapping by name, or a JSON mapping file, validated; a bad one names its fields. */
function loadMapping(spec: string): CallsMapping {
  const builtIn = builtInMapping(spec);
  if (builtIn) return builtIn;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (err) {
    throw new Error(`--mapping: ${spec} is neither a built-in mapping (${Object.keys(BUILT_IN_MAPPINGS).join(', ')}) nor a readable JSON file (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = CallsMapping.safeParse(json);
  if (!parsed.success) throw new Error(`--mapping ${spec}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

registerOnboardCommands(program, withPlatform, say);
registerBackupCommands(program, configOrExit, say);

program
  .command('simulate')
  .description('bring the demo country to life: raise simulated incidents at a seeded rate and drive the units sent to them along real roads (stop the server first when the database is embedded)')
  .option('--seed <n>', 'seed: the same seed gives the same incidents', '1')
  .option('--rate <perHour>', 'simulated incidents per hour, on average', '30')
  .option('--duration <minutes>', 'stop after this many minutes (default: run until interrupted)')
  .option('--tick <seconds>', 'seconds between simulation steps', '2')
  .action(async (opts: { seed: string; rate: string; duration?: string; tick: string }) => {
    const number = (name: string, v: string, min: number, max: number) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: ${v} is not a number from ${min} to ${max}`);
      return n;
    };
    const seed = number('seed', opts.seed, 0, 2 ** 32 - 1);
    const rate = number('rate', opts.rate, 0, 3600);
    const tick = number('tick', opts.tick, 0.1, 3600);
    const minutes = opts.duration === undefined ? undefined : number('duration', opts.duration, 0.1, 60 * 24 * 365);
    await withPlatform(async (platform) => {
      const stop = await runSimulation(platform, { seed, ratePerHour: rate, tickSeconds: tick });
      say(`Simulating: about ${rate} incidents an hour, seed ${seed}${minutes ? `, for ${minutes} min` : ''} (Ctrl-C stops)`);
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
        if (minutes !== undefined) setTimeout(done, minutes * 60_000);
      });
      await stop();
      await platform.relay.drain();
      const [n] = await rows<{ incidents: number }>(platform.db, sql`select count(*)::int as incidents from incidents where origin = 'simulated'`);
      say(`Simulation stopped: ${n!.incidents} simulated incidents in the database`);
    });
  });

program
  .command('replay')
  .description('what-if replay: the calls of a period replayed against a deployment (the fleet as it stands, or a deployment file) in a seeded discrete-event simulation; prints the 1-3-5 tiers and response figures by priority against the recorded ones (docs/replay.md)')
  .requiredOption('--from <time>', 'start of the period (ISO 8601, e.g. 2026-11-01T00:00:00Z)')
  .requiredOption('--to <time>', 'end of the period (exclusive)')
  .option('--jurisdiction <path>', 'whose calls and units (default: the root)')
  .option('--origin <origin>', 'live, historical or simulated calls', 'live')
  .option('--deployment <file.json>', 'the deployment to replay (units removed, moved, added, shifts; docs/replay.md); default: the fleet as it stands')
  .option('--compare <file.json>', 'a second deployment replayed on the same calls with the same draws')
  .option('--seed <n>', 'seed: the same seed gives the same figures', '1')
  .option('--json', 'print the whole answer as JSON (as POST /api/v1/replays gives it)')
  .action(async (opts: { from: string; to: string; jurisdiction?: string; origin: string; deployment?: string; compare?: string; seed: string; json?: boolean }) => {
    const deploymentFile = (flag: string, file: string | undefined) => {
      if (file === undefined) return undefined;
      const parsed = ReplayDeployment.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`--${flag} ${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
      return parsed.data;
    };
    const body = ReplayRequest.safeParse({ jurisdictionId: '00000000-0000-0000-0000-000000000000', from: opts.from, to: opts.to, origin: opts.origin, seed: Number(opts.seed) });
    if (!body.success) throw new Error(body.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
    const [deployment, compare] = [deploymentFile('deployment', opts.deployment), deploymentFile('compare', opts.compare)];
    await withPlatform(async (platform) => {
      const wanted = opts.jurisdiction;
      const [j] = await rows<{ id: string }>(platform.db, wanted === undefined
        ? sql`select id from jurisdictions where nlevel(path) = 1 order by path limit 1`
        : sql`select id from jurisdictions where path::text = ${wanted}`);
      if (!j) throw new Error(`--jurisdiction: no jurisdiction ${wanted ?? '(root)'}`);
      // Whoever runs the CLI holds the database: every jurisdiction is theirs to read.
      const result = await replayPeriod(platform, { ...body.data, jurisdictionId: j.id, deployment, compare }, { mayRead: () => true });
      say(opts.json ? JSON.stringify(result, null, 2) : replayTable(result));
    });
  });

program
  .command('exercise')
  .description('scripted exercises on the demo world (made first in an empty database), marked exercise everywhere (stop the server first when the database is embedded)')
  .command('gas-explosion')
  .description('a gas explosion at a market in Vaduz, played over ten minutes from the first call: more calls as word spreads, the declaration, command posts and sectors, units, cordons (the inner one closing roads), staging and traffic points, a secondary collapse, casualty counts rising, a report up, a public alert (CAP 1.2, status Exercise) and a SITREP; with PostgreSQL, run it beside the live server to watch it arrive')
  .option('--at <lon,lat>', 'where the explosion happens (default: Vaduz market square)')
  .option('--speed <factor>', 'times faster than real time: 1 plays the script in ten minutes, 10 in one', '1')
  .option('--all-at-once', 'play every step at once, without waiting between them')
  .action(async (opts: { at?: string; speed: string; allAtOnce?: boolean }) => {
    const at = opts.at === undefined ? undefined : parseLonLat(opts.at);
    const speed = opts.allAtOnce ? Infinity : Number(opts.speed);
    if (!(speed > 0) || speed > 10_000) throw new Error(`--speed: ${opts.speed} is not a number above 0 and up to 10000`);
    await withPlatform(async (platform) => {
      // A fresh data folder gets the demo world first (as serve does): the exercise plays on it.
      await ensureWorld(platform, platform.config, say);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      if (Number.isFinite(speed)) say(`Playing the gas explosion over ${(10 / speed).toFixed(1)} min (Ctrl-C stops; what was played stays)`);
      const stamp = () => new Date().toISOString().slice(11, 19);
      try {
        // The car graph computes the outer cordon's traffic control points (offered to the patrols).
        const roads = async () => (await deploymentRoadNetwork(platform.config)).graph;
        const { majorIncident: m, alertId } = await playGasExplosion(platform, { at, speed, roads, signal: stop.signal, onLine: (line) => say(`${stamp()} ${line}`) });
        await platform.relay.drain();
        const web = `http://localhost:${platform.config.port}`;
        say(`Where to look (sign in as a duty officer or commander of ${m.command.name} or above):`);
        say(`  board            ${web}/major-incidents/${m.id}`);
        say(`  after-action     ${web}/major-incidents/${m.id}/report`);
        if (alertId) say(`  CAP 1.2 alert    ${web}/api/v1/public-alerts/${alertId}.xml (no login)`);
        say(`  exercise feed    ${web}/api/v1/public-alerts/exercise.atom (no login; the live feed.atom never lists exercises)`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await platform.relay.drain();
      }
    });
  });

program
  .command('jurisdictions')
  .description('jurisdiction tree tools')
  .command('check')
  .description('check every stored boundary against the rule (inside its parent, off its neighbours): boundaries stored before the rule may still claim a neighbour\'s ground; exits 1 when one would be refused today')
  .action(async () => {
    const misfits = await withPlatform((p) => checkTree(p.db));
    for (const m of misfits) say(`${m.verdict === 'refused' ? 'REFUSED' : 'cut    '} ${m.path} (${m.name}): ${m.problem}`);
    say(misfits.length === 0 ? 'Every boundary fits the tree' : `${misfits.length} boundaries do not fit; redraw them with PATCH /api/v1/jurisdictions/{id}`);
    if (misfits.some((m) => m.verdict === 'refused')) process.exitCode = 1;
  });

const audit = program.command('audit').description('audit chain tools');
audit
  .command('verify')
  .description('check the whole audit hash chain and name the first broken row; with --checkpoint, also prove the log still contains a signed checkpoint kept elsewhere')
  .option('--checkpoint <file>', 'a checkpoint printed earlier by `firebreak audit checkpoint`')
  .option('--public-key <key|file>', 'the Ed25519 public key to trust (PEM or base64 raw, or a file holding it); default: that of the configured audit key')
  .action(async (opts: { checkpoint?: string; publicKey?: string }) => {
    const head = opts.checkpoint === undefined ? undefined : readCheckpointFile(opts.checkpoint);
    const trustedOption = opts.publicKey === undefined ? undefined : publicKeyOption(opts.publicKey);
    const { result, verdict } = await withPlatform(async (p) => {
      await p.auditChainer.drain();
      const chain = await verifyAuditChain(p.db, p.auditKeys.macKey);
      return { result: chain, verdict: head ? await verifyCheckpoint(p.db, head, trustedOption ?? p.auditKeys.publicKey) : undefined };
    });
    if (result.ok) {
      say(`Audit chain OK: ${result.rows} rows, head ${result.headHash}`);
      // Rows committed while verify ran are linked next; they are not covered by this answer.
      if (result.pending > 0) say(`  ${result.pending} rows committed during the check are not linked yet`);
    } else if (result.broken.reason === 'forged_unchained') {
      process.stderr.write(`Audit chain BROKEN: ${result.broken.count} unchained row(s) without a valid MAC, first ${result.broken.id}: forged_unchained (inserted behind the application's back)\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`Audit chain BROKEN at seq ${result.broken.seq}: ${result.broken.reason} (${result.rows} rows verified before it)\n`);
      process.exitCode = 1;
    }
    if (verdict?.ok) {
      say(`Checkpoint OK: the log still contains the signed tree of ${verdict.checkpointSize} rows; the current tree of ${verdict.currentSize} rows (root ${verdict.currentRoot}) extends it (consistency proof of ${verdict.proof.length} hashes)`);
    } else if (verdict) {
      process.stderr.write(`Checkpoint FAILED: ${verdict.reason}: ${verdict.detail}\n`);
      process.exitCode = 1;
    }
  });
audit
  .command('checkpoint')
  .description('sign the audit log\'s current tree head and print it as JSON (keep it outside the database: verify --checkpoint proves the log still contains it)')
  .action(async () => {
    const { head } = await withPlatform(async (p) => {
      await p.auditChainer.drain();
      const written = await writeCheckpoint(p.db, p.auditKeys, p.clock());
      await p.relay.drain();
      return written;
    });
    say(JSON.stringify(head, null, 2));
  });
audit
  .command('keygen')
  .description('print a new Ed25519 audit signing key (base64 seed) for AUDIT_SIGNING_KEY; its public key goes to stderr')
  .action(() => {
    const key = generateSigningKey();
    const keys = auditKeysFrom(parseSigningKey(key), 'keygen');
    say(key);
    process.stderr.write(`public key ${rawPublicKey(keys.publicKey).toString('base64')} (key id ${keys.keyId})\n`);
  });

function readCheckpointFile(file: string): AuditCheckpoint {
  try {
    return parseCheckpoint(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--checkpoint ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function publicKeyOption(value: string): KeyObject {
  try {
    return parsePublicKey(existsSync(value) ? readFileSync(value, 'utf8') : value);
  } catch (err) {
    throw new Error(`--public-key: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const args = process.argv.slice(2);
await program.parseAsync(args.length === 0 ? ['serve'] : args, { from: 'user' }).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  // As for a bad variable at boot: a configuration that does not fit the database exits 2.
  process.exitCode = err instanceof ConfigError ? 2 : 1;
});
