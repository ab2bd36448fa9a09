import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from 'pino';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.js';
import { rows } from '../db/client.js';
import { backupRuns } from '../db/platform.tables.js';
import type { BackupManifest } from './backup-file.js';
import { createBackup, type BackupSource } from './backup.js';

/** Notes a finished backup (what the backup-age metric reads); a database without the table yet is skipped. */
export async function recordBackup(db: Db, file: string, m: BackupManifest): Promise<void> {
  const [t] = await rows<{ present: boolean }>(db, sql`select to_regclass('public.backup_runs') is not null as present`);
  if (!t?.present) return;
  await db.insert(backupRuns).values({ id: uuidv7(), madeAt: new Date(m.createdAt), backend: m.backend, file, bytes: m.payload.bytes, sha256: m.payload.sha256, auditHeadSeq: m.audit.headSeq });
}

const SCHEDULED = /^firebreak-\d{8}T\d{6}Z\.fbk$/;

/** File name of a scheduled backup: sorts by time. */
export const scheduledName = (at: Date): string => `firebreak-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.fbk`;

/**
 * `serve`'s scheduled backups (FIREBREAK_BACKUP_DIR): one every `hours`, the newest `keep` kept.
 * The embedded database is snapshotted in-process (a pause of about a second); a PostgreSQL one by
 * pg_dump in a snapshot (no pause). A failure is logged and the next run tries again.
 */
export function scheduleBackups(opts: { src: BackupSource; dir: string; hours: number; keep: number; clock: () => Date; log: Logger }): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const now = opts.clock();
      const file = path.join(opts.dir, scheduledName(now));
      const m = await createBackup(opts.src, file, now);
      await recordBackup(opts.src.database.db, file, m);
      for (const old of readdirSync(opts.dir).filter((f) => SCHEDULED.test(f)).sort().slice(0, -opts.keep)) rmSync(path.join(opts.dir, old), { force: true });
      opts.log.info({ file, bytes: m.payload.bytes, auditHead: m.audit.headSeq }, 'backup written');
    } catch (err) {
      opts.log.error({ err }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  };
  mkdirSync(opts.dir, { recursive: true });
  const timer = setInterval(() => void run(), opts.hours * 3_600_000);
  timer.unref();
  // A node down past its schedule catches up soon after it starts, not a whole interval later.
  const newest = readdirSync(opts.dir).filter((f) => SCHEDULED.test(f)).sort().at(-1);
  const due = newest === undefined || opts.clock().getTime() - statSync(path.join(opts.dir, newest)).mtimeMs > opts.hours * 3_600_000;
  const first = due ? setTimeout(() => void run(), 30_000) : undefined;
  first?.unref();
  return () => {
    clearInterval(timer);
    if (first) clearTimeout(first);
  };
}
