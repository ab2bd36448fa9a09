import { Command } from 'commander';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { verifyAuditChain } from './platform/audit/audit-log.js';
import { startPlatform } from './platform/kernel.js';
import { importOsmFile } from './modules/jurisdictions/index.js';
import { importOsmPlacesFile } from './modules/places/index.js';
import { startEscalationSweeper } from './modules/hazards/index.js';
import { markMissed } from './modules/campaigns/index.js';
import { escalateDirectives } from './modules/directives/index.js';
import { markOverdueTasks } from './modules/tasks/index.js';
import { startResponseClock } from './modules/incidents/index.js';
import { deploymentRoadNetwork } from './modules/dispatch/index.js';
import { ensureWorld, osmProgress, printAccounts } from './world.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

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
  printAccounts(await ensureWorld(app.platform, config, say), say);
  const stopSweeper = startEscalationSweeper(app.platform.command, logger, 60_000, [markMissed, escalateDirectives, markOverdueTasks]);
  const stopClock = startResponseClock(app.platform.command, logger);
  // Loaded now rather than on the first recommendation; a failure is logged and retried on use.
  void deploymentRoadNetwork(config).then(
    (n) => logger.info({ source: n.source, ms: Math.round(n.millis), nodes: n.graph.nodeCount }, 'road network ready'),
    (err: unknown) => logger.error({ err }, 'road network failed to load'),
  );
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down: finishing requests, flushing the outbox');
    stopSweeper();
    stopClock();
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  say(`Firebreak is up on http://localhost:${config.port} (database: ${app.platform.database.describe}; bus: ${app.platform.bus.kind})`);
}

/** Runs a CLI job against the same database and bus as the server would use. */
async function withPlatform<T>(job: (p: Awaited<ReturnType<typeof startPlatform>>) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const platform = await startPlatform(config, pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }), { onProgress: say });
  try {
    return await job(platform);
  } finally {
    await platform.close();
  }
}

const program = new Command('firebreak').description('Firebreak public-safety command platform');
program.command('serve').description('start the API server (default)').action(serve);
program
  .command('import')
  .description('import data')
  .command('osm <file>')
  .description('build or refresh the jurisdiction tree (administrative boundaries) and the key places (schools, fuel stations, …) from an OSM PBF file')
  .option('--country-code <code>', 'label of the national root in jurisdiction paths, e.g. li')
  .action(async (file: string, opts: { countryCode?: string }) => {
    await withPlatform(async (platform) => {
      const progress = osmProgress(say, Boolean(process.stdout.isTTY));
      const summary = await importOsmFile(platform.command, { actor: null, actorName: 'cli', requestId: null }, file, { countryCode: opts.countryCode, onProgress: progress.onProgress });
      progress.stop();
      say(`Imported: ${summary.created} created, ${summary.updated} updated, roots: ${summary.roots.join(', ') || '(none)'}`);
      for (const s of summary.skipped) say(`  skipped ${s.name} (relation ${s.osmId}): ${s.reason}`);
      const places = await importOsmPlacesFile(platform.command, { actor: null, actorName: 'cli', requestId: null }, file);
      say(`Key places: ${places.created} created, ${places.updated} updated, ${places.unchanged} unchanged, ${places.outside} outside every jurisdiction`);
    });
  });
program
  .command('audit')
  .description('audit chain tools')
  .command('verify')
  .description('check the whole audit hash chain and name the first broken row')
  .action(async () => {
    const result = await withPlatform(async (p) => {
      await p.auditChainer.drain();
      return verifyAuditChain(p.db);
    });
    if (result.ok) {
      say(`Audit chain OK: ${result.rows} rows, head ${result.headHash}`);
      // Rows committed while verify ran are linked next; they are not covered by this answer.
      if (result.pending > 0) say(`  ${result.pending} rows committed during the check are not linked yet`);
    } else {
      process.stderr.write(`Audit chain BROKEN at seq ${result.broken.seq}: ${result.broken.reason} (${result.rows} rows verified before it)\n`);
      process.exitCode = 1;
    }
  });

const args = process.argv.slice(2);
await program.parseAsync(args.length === 0 ? ['serve'] : args, { from: 'user' }).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
