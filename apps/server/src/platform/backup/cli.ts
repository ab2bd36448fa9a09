import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditCheckpoint } from '@firebreak/contracts';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { openDatabase } from '../db/client.js';
import { auditKeysFrom, dataDirSigningKey } from '../audit/signing-key.js';
import { parseCheckpoint } from '../audit/checkpoint.js';
import type { BackupManifest } from './backup-file.js';
import { createBackup } from './backup.js';
import { openBackup, type RestoredCheck, type Trust } from './open-backup.js';
import { recordBackup } from './record.js';
import { restorePglite, restorePostgres, verifyBackup } from './restore.js';

type Say = (line: string) => void;

const trustOf = (config: Config): Trust => ({
  configured: config.audit.signingKey ? auditKeysFrom(config.audit.signingKey, 'AUDIT_SIGNING_KEY') : undefined,
  dataDirKey: () => dataDirSigningKey(config.dataDir),
});

function describeManifest(m: BackupManifest): string[] {
  const rowsTotal = Object.values(m.counts).reduce((a, b) => a + b, 0);
  return [
    `  made by Firebreak ${m.version} (${m.backend}) at ${m.createdAt}; migration level ${m.migrations.count} (${m.migrations.tag ?? 'none'})`,
    `  ${Object.keys(m.counts).length} tables, ${rowsTotal} rows; audit chain head seq ${m.audit.headSeq ?? 0} (${m.audit.unchained} rows not yet chained)`,
    `  newest signed checkpoint: ${m.audit.checkpoint ? `${m.audit.checkpoint.treeSize} rows, ${m.audit.checkpoint.signedAt}` : 'none'}`,
    `  payload ${m.payload.encoding}, ${m.payload.bytes} bytes, sha256 ${m.payload.sha256}; signed by audit key ${m.keyId}${m.embeddedKey ? ' (carried in the file: integrity only; set AUDIT_SIGNING_KEY to keep the key out)' : ''}`,
  ];
}

function checkpointOption(file: string | undefined): AuditCheckpoint | undefined {
  if (file === undefined) return undefined;
  try {
    return parseCheckpoint(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--checkpoint ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function reportCheck(check: RestoredCheck, say: Say): void {
  say(`  audit chain OK: ${check.chainedRows} rows; ${check.checkpoint}`);
}

/** `firebreak backup <file>`, `firebreak backup verify <file>`, `firebreak restore <file>` (docs/operations.md). */
export function registerBackupCommands(program: Command, config: () => Config, say: Say): void {
  const backup = program
    .command('backup')
    .description('write a consistent backup of the database to a new file (embedded: stop the server first, or let it back up itself with FIREBREAK_BACKUP_DIR; PostgreSQL: pg_dump in one snapshot while nodes run)')
    .argument('[file]', 'the backup file to write (refused when it exists)')
    .action(async (file: string | undefined) => {
      if (file === undefined) throw new Error('backup <file>: name the file to write (or: backup verify <file>)');
      const c = config();
      // Opening an empty folder would create a database just to back up nothing.
      if (!c.databaseUrl && !existsSync(path.join(c.dataDir, 'pgdata', 'PG_VERSION'))) throw new Error(`There is no embedded database in ${c.dataDir} to back up (FIREBREAK_DATA_DIR; or DATABASE_URL for a PostgreSQL server)`);
      const database = await openDatabase({ databaseUrl: c.databaseOwnerUrl ?? c.databaseUrl, dataDir: c.dataDir, lockRetries: 0 }).catch((err: unknown) => {
        throw new Error(`${err instanceof Error ? err.message : String(err)} To back up a running embedded server, set FIREBREAK_BACKUP_DIR and it writes backups itself (docs/operations.md).`);
      });
      try {
        const keys = trustOf(c).configured ?? dataDirSigningKey(c.dataDir);
        const manifest = await createBackup({ database, url: c.databaseOwnerUrl ?? c.databaseUrl, dataDir: c.dataDir, keys, configuredKey: c.audit.signingKey !== undefined }, file, new Date());
        await recordBackup(database.db, file, manifest);
        say(`Backup written to ${file}`);
        for (const line of describeManifest(manifest)) say(line);
      } finally {
        await database.close();
      }
    });
  backup
    .command('verify <file>')
    .description('restore a backup into a scratch place (memory, or a new database on the DATABASE_URL server) and check its migrations, row counts and audit chain; exits 1 when it does not match')
    .option('--checkpoint <file>', 'also prove the backed-up log contains this signed checkpoint (kept outside the database)')
    .action(async (file: string, opts: { checkpoint?: string }) => {
      const c = config();
      const opened = await openBackup(file, trustOf(c));
      say(`Backup ${file}: checksum and signature OK`);
      for (const line of describeManifest(opened.manifest)) say(line);
      const check = await verifyBackup(opened, c.databaseOwnerUrl ?? c.databaseUrl, checkpointOption(opts.checkpoint));
      if (check.problems.length > 0) {
        process.stderr.write(`Backup verify FAILED:\n${check.problems.map((p) => `  - ${p}`).join('\n')}\n`);
        process.exitCode = 1;
        return;
      }
      say('Restored into a scratch database: migration level and every table\'s rows match the manifest');
      reportCheck(check, say);
    });
  program
    .command('restore <file>')
    .description('restore a backup into an empty data folder (embedded) or an empty database (DATABASE_URL / DATABASE_OWNER_URL), then check it as `backup verify` does; refuses a damaged, altered or newer file and a non-empty target')
    .option('--checkpoint <file>', 'also prove the restored log contains this signed checkpoint')
    .action(async (file: string, opts: { checkpoint?: string }) => {
      const c = config();
      const opened = await openBackup(file, trustOf(c));
      const external = checkpointOption(opts.checkpoint);
      const ownerUrl = c.databaseOwnerUrl ?? c.databaseUrl;
      const check = ownerUrl ? await restorePostgres(opened, ownerUrl, external) : await restorePglite(opened, c.dataDir, c.audit.signingKey !== undefined, external);
      say(`Restored ${file} into ${ownerUrl ? `the database ${new URL(ownerUrl).pathname.slice(1)}` : c.dataDir}`);
      for (const line of describeManifest(opened.manifest)) say(line);
      reportCheck(check, say);
      say('Start the server as usual; it migrates the restored database to this version if it is older.');
    });
}
