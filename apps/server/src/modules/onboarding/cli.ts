import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ONBOARD_ENCODINGS, ONBOARD_KINDS, type OnboardEncoding, type OnboardKind, type OnboardReport } from '@firebreak/contracts';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { rows } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { livePositionsOf } from '../units/index.js';
import { describeOnboardBatches, listOnboardBatches } from './batches.js';
import { OnboardFileError } from './decode.js';
import { onboard } from './onboard.js';
import { parsePairs } from './read-rows.js';
import { undoOnboarding } from './undo-onboarding.js';

/** Exit codes of `firebreak onboard <kind>`, also on a dry run (it exits as the import would). */
export const ONBOARD_EXIT = { ok: 0, fileUnreadable: 2, rowsRejected: 3 } as const;

export const onboardExitCode = (r: OnboardReport): number => (r.refused ? ONBOARD_EXIT.rowsRejected : ONBOARD_EXIT.ok);

type Say = (line: string) => void;

const MAX_ROWS_SHOWN = 50;
type WithPlatform = <T>(job: (p: Platform) => Promise<T>) => Promise<T>;

/** The server itself, acting from the command line: an administrator of every root of the tree. */
async function cliActor(p: Platform): Promise<Actor> {
  const roots = await rows<{ id: string; path: string; name: string }>(p.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path`);
  if (roots.length === 0) throw new Error('there is no jurisdiction tree yet: run `firebreak import osm <file>` (or start the server once for the demo) first');
  const id = '00000000-0000-7000-8000-00000000c11a';
  return { id, username: 'cli', displayName: 'Command line', kind: 'staff', via: { kind: 'system' }, grants: roots.map((r) => ({ id, role: 'administrator', jurisdictionId: r.id, path: r.path, jurisdictionName: r.name })) };
}

/** The console report: figures, then every rejected row with its column and reason, and created secrets. */
export function describeOnboard(r: OnboardReport): string[] {
  const out = [r.dryRun ? `Dry run of ${r.kind} from ${r.file}: nothing written`
    : r.batchId ? `Onboarded ${r.kind} from ${r.file} as batch ${r.batchId}`
      : r.refused ? `Nothing written from ${r.file}` : `Nothing new in ${r.file}: nothing written`];
  const would = r.dryRun ? 'would be ' : '';
  out.push(`  ${r.rows} rows: ${r.created} ${would}created, ${r.updated} ${would}updated, ${r.unchanged} unchanged, ${r.rejected} rejected`);
  for (const item of r.items) if (item.status === 'updated') out.push(`    row ${item.row} (${item.key}) ${would}updated: ${item.reason}`);
  const rejected = r.items.filter((i) => i.status === 'rejected');
  if (rejected.length > 0) {
    // Reasons with their counts first (a whole file outside the tree is one line), then the rows.
    const byReason = new Map<string, number>();
    for (const i of rejected) {
      const reason = `${i.field ? `${i.field}: ` : ''}${(i.reason ?? '').replace(/\brow \d+\b.*$/, 'an earlier row')}`;
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
    out.push(`  rejected: ${[...byReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} × ${reason}`).join('; ')}`);
    for (const item of rejected.slice(0, MAX_ROWS_SHOWN)) out.push(`    row ${item.row} (${item.key})${item.field ? ` ${item.field}` : ''}: ${item.reason}`);
    if (rejected.length > MAX_ROWS_SHOWN) out.push(`    … and ${rejected.length - MAX_ROWS_SHOWN} more rows`);
  }
  if (r.refused) out.push(r.dryRun ? 'The import would stop here: fix the rows above, or pass --allow-partial to load the others' : 'Nothing written: fix the rows above, or pass --allow-partial to load the others');
  if (r.secrets.length > 0) {
    out.push('  One-time passwords of the new accounts (shown once, not stored in clear; hand them over and have them changed):');
    for (const s of r.secrets) out.push(`    ${s.username}  ${s.password}`);
  }
  return out;
}

/** Registers `firebreak onboard <kind> <file>`, `onboard batches` and `onboard undo <id>`. */
export function registerOnboardCommands(program: Command, withPlatform: WithPlatform, say: Say): void {
  const cmd = program.command('onboard').description('load your agency from files: stations, units, staff, key places, response plans (CSV, or GeoJSON for stations and places), in one batch that can be undone');
  for (const kind of ONBOARD_KINDS) {
    cmd
      .command(`${kind} <file>`)
      .description(`load ${kind} from a file (docs: README, "Onboarding your agency")`)
      .option('--dry-run', 'read and check only: say what would be created, updated, unchanged and rejected (and why), write nothing')
      .option('--allow-partial', 'load the good rows even when some are rejected (without it one rejected row writes nothing and exits 3)')
      .option('--encoding <name>', `the file's text encoding (${ONBOARD_ENCODINGS.join(', ')})`, 'auto')
      .option('--map <ours=theirs,…>', 'read our column from a column of the file with another name, e.g. name=program_name_short')
      .option('--set <column=value,…>', 'one value for every row, e.g. category=school (wins over a file column of that name)')
      .option('--ignore-extra', 'leave columns we do not know alone instead of refusing the file')
      .action(async (file: string, opts: { dryRun?: boolean; allowPartial?: boolean; encoding: string; map?: string; set?: string; ignoreExtra?: boolean }) => {
        if (!(ONBOARD_ENCODINGS as readonly string[]).includes(opts.encoding)) throw new Error(`--encoding: ${opts.encoding} is not one of ${ONBOARD_ENCODINGS.join(', ')}`);
        const bytes = readFileSync(file);
        try {
          const columns = { map: parsePairs('--map', opts.map), set: parsePairs('--set', opts.set), ignoreExtra: opts.ignoreExtra === true };
          const report = await withPlatform(async (p) => {
            const actor = await cliActor(p);
            const bar = process.stdout.isTTY ? new SingleBar({ format: `  ${kind} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true }) : undefined;
            bar?.start(1, 0);
            try {
              return await onboard(p.command, { actor, actorName: 'cli', requestId: null }, {
                kind: kind as OnboardKind, bytes, file: path.basename(file), encoding: opts.encoding as OnboardEncoding,
                dryRun: opts.dryRun === true, allowPartial: opts.allowPartial === true, columns, live: livePositionsOf(p),
                onProgress: bar ? (done, total) => { bar.setTotal(total); bar.update(done); } : undefined,
              });
            } finally {
              bar?.stop();
            }
          });
          for (const line of describeOnboard(report)) say(line);
          process.exitCode = onboardExitCode(report);
        } catch (err) {
          if (!(err instanceof OnboardFileError)) throw err;
          process.stderr.write(`${file}: ${err.message}\n`);
          process.exitCode = ONBOARD_EXIT.fileUnreadable;
        }
      });
  }
  cmd.command('batches').description('list the onboarding batches (id, kind, file, what each created, whether undone)').action(async () => {
    for (const line of describeOnboardBatches(await withPlatform((p) => listOnboardBatches(p.db, 'all')))) say(line);
  });
  cmd.command('undo <batchId>').description('undo an onboarding batch: remove exactly the records it created, give those it updated their values back, audited (refused, naming them, when some are in use or changed since)').action(async (batchId: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(batchId)) throw new Error(`${batchId} is not a batch id (see firebreak onboard batches)`);
    const undone = await withPlatform(async (p) => undoOnboarding(p.command, { actor: await cliActor(p), actorName: 'cli', requestId: null }, batchId, { live: livePositionsOf(p) }));
    say(undone.removed + undone.restored === 0 ? `Batch ${batchId} (${undone.batch.file}) is undone (${undone.batch.undoneAt} by ${undone.batch.undoneBy}); nothing left to undo` : `Undid batch ${batchId} (${undone.batch.kind} from ${undone.batch.file}): removed ${undone.removed} records, gave ${undone.restored} their values from before`);
  });
}
