import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/platform/db/client.js';
import { loginAdmin, testConfig } from './harness.js';
import { PgCluster, runAsPostgres } from './pg-cluster.js';
import { runCli } from './processes.js';
import { copyDatabase } from './reliability.js';
import { withDatabase } from './template.js';

const OPS = fileURLToPath(new URL('../../../ops/postgres/', import.meta.url));
/** Inside Vaduz (the demo country's template): every call lands in a jurisdiction. */
const LOCATION = [9.5209, 47.141] as const;

/**
 * Issue 21: the point-in-time recovery of docs/operations.md, drilled with the scripts an operator
 * runs — ops/postgres/archive-wal.sh as the archive_command, base-backup.sh, pitr-restore.sh —
 * on a PostgreSQL 15 cluster of the test's own (the shared server is only read: the seeded
 * template is copied from it). vitest.config.ts keeps this file out of the pglite project; on the
 * postgres project a machine that cannot make the cluster fails it.
 */
describe('point-in-time recovery with our archive, base backup and restore scripts', () => {
  it('brings back exactly the record at the target time: calls before it present, calls after it absent, the audit chain verifies', { timeout: 240_000 }, async () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    try {
      const primary = await PgCluster.primary('fb_pitr', []);
      cleanups.push(() => primary.remove());
      const archive = primary.ownedFolder('wal-archive');
      const bases = primary.ownedFolder('base');
      // archive_mode needs a restart; archive_command only a reload.
      await primary.query('alter system set archive_mode = on');
      await primary.query(`alter system set archive_command = 'WAL_ARCHIVE=${archive} ${path.join(OPS, 'archive-wal.sh')} %p %f'`);
      await primary.stop();
      await primary.start();
      await primary.query('create database firebreak');
      await copyDatabase(withDatabase(inject('pgServerUrl'), inject('pgTemplate')), primary.url('firebreak'));

      const base = await runAsPostgres(path.join(OPS, 'base-backup.sh'), [], { BASE_BACKUPS: bases, PGHOST: '127.0.0.1', PGPORT: String(primary.port), PGUSER: 'postgres' });
      const backup = base.stdout.match(/^base backup (.+)$/m)?.[1];
      expect(backup, base.stdout + base.stderr).toBeDefined();

      // The node as a deployment runs it, on the primary, written to through the API.
      const url = primary.url('firebreak');
      const database = await openDatabase({ databaseUrl: url, dataDir: os.tmpdir() });
      const app = await buildApp(testConfig({ databaseUrl: url, databaseOwnerUrl: url }), { database });
      cleanups.push(() => app.close());
      await app.ready();
      const cookie = await loginAdmin(app);
      const before = await createCalls(app, cookie, 'before the target', 5);
      const cliEnv = { DATABASE_URL: url, FIREBREAK_DATA_DIR: os.tmpdir() };
      const headBefore = await checkpoint(cliEnv, path.join(primary.dir, 'head-before.json'));
      const [{ target } = { target: '' }] = await primary.query<{ target: string }>("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as target", 'firebreak');
      // A commit stamped in the same microsecond as the target would be replayed (recovery_target_inclusive): the calls after it wait for the clock to move.
      await waitUntilPast(primary, target);
      const after = await createCalls(app, cookie, 'after the target', 5);
      await app.close();
      cleanups.pop();
      const headAfter = await checkpoint(cliEnv, path.join(primary.dir, 'head-after.json'));
      expect(headAfter.treeSize).toBeGreaterThan(headBefore.treeSize);

      // Recovery stops at the first commit after the target: that commit's WAL must be in the archive.
      const [{ segment } = { segment: '' }] = await primary.query<{ segment: string }>('select pg_walfile_name(pg_switch_wal()) as segment');
      await waitArchived(archive, segment);
      await primary.stop();

      const restored = await PgCluster.restoredBy('fb_pitr_restored', async (dataDir) => {
        await runAsPostgres(path.join(OPS, 'pitr-restore.sh'), [backup!, dataDir, target], { WAL_ARCHIVE: archive });
      });
      cleanups.push(() => restored.remove());
      await waitPromoted(restored);

      const narratives = (await restored.query<{ narrative: string }>('select narrative from incidents', 'firebreak')).map((r) => r.narrative);
      expect(before.filter((n) => !narratives.includes(n))).toEqual([]);
      expect(after.filter((n) => narratives.includes(n))).toEqual([]);
      // The restored server takes writes (recovery_target_action = promote).
      const [{ inRecovery } = { inRecovery: true }] = await restored.query<{ inRecovery: boolean }>('select pg_is_in_recovery() as "inRecovery"');
      expect(inRecovery).toBe(false);

      // A restore aimed at a folder that holds a database is refused, and that database is untouched.
      await expect(runAsPostgres(path.join(OPS, 'pitr-restore.sh'), [backup!, restored.dataDir, target], { WAL_ARCHIVE: archive })).rejects.toThrow(/is not empty; restore into a new directory/);
      expect(existsSync(path.join(restored.dataDir, 'recovery.signal'))).toBe(false);

      // The runbook's last step: the chain verifies and holds every head signed before the target;
      // a head signed after it reports exactly what the restore could not bring back.
      const restoredEnv = { DATABASE_URL: restored.url('firebreak'), FIREBREAK_DATA_DIR: os.tmpdir() };
      const verify = await runCli(['audit', 'verify', '--checkpoint', headBefore.file], restoredEnv, 180_000);
      expect(`${verify.stdout}${verify.stderr}`).toMatch(/^Audit chain OK: \d+ rows/m);
      expect(verify.stdout).toContain(`Checkpoint OK: the log still contains the signed tree of ${headBefore.treeSize} rows`);
      expect(verify.code).toBe(0);
      const beyond = await runCli(['audit', 'verify', '--checkpoint', headAfter.file], restoredEnv, 180_000);
      expect(beyond.stderr).toMatch(new RegExp(`Checkpoint FAILED: truncated: the checkpoint covers ${headAfter.treeSize} rows; the log has \\d+`));
      expect(beyond.code).toBe(1);
    } finally {
      for (const c of cleanups.reverse()) await c();
    }
  });
});

async function createCalls(app: FastifyInstance, cookie: string, label: string, count: number): Promise<string[]> {
  const narratives: string[] = [];
  for (let i = 0; i < count; i++) {
    const narrative = `pitr drill: ${label} #${i}`;
    const res = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie }, payload: { type: 'fire', priority: 'P3', location: LOCATION, narrative } });
    expect(res.statusCode, res.body).toBe(201);
    narratives.push(narrative);
  }
  return narratives;
}

/** `firebreak audit checkpoint`: a signed head of the chain, kept in a file as an operator keeps it outside the database. */
async function checkpoint(env: Record<string, string>, file: string): Promise<{ file: string; treeSize: number }> {
  const cli = await runCli(['audit', 'checkpoint'], env, 180_000);
  expect(cli.code, cli.stderr).toBe(0);
  writeFileSync(file, cli.stdout);
  return { file, treeSize: (JSON.parse(cli.stdout) as { treeSize: number }).treeSize };
}

async function waitUntilPast(cluster: PgCluster, target: string): Promise<void> {
  for (;;) {
    const [{ past } = { past: false }] = await cluster.query<{ past: boolean }>(`select clock_timestamp() > '${target}'::timestamptz as past`);
    if (past) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The archiver copies asynchronously: waits for `segment` to land (archive-wal.sh renames it in whole). */
async function waitArchived(archive: string, segment: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!readdirSync(archive).includes(segment)) {
    if (Date.now() > until) throw new Error(`WAL segment ${segment} was not archived within ${timeoutMs} ms (archive: ${readdirSync(archive).join(' ')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** pg_ctl -w returns once a hot standby accepts reads; the restore is done when recovery has ended. */
async function waitPromoted(cluster: PgCluster, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ inRecovery } = { inRecovery: true }] = await cluster.query<{ inRecovery: boolean }>('select pg_is_in_recovery() as "inRecovery"');
    if (!inRecovery) return;
    if (Date.now() > until) throw new Error(`recovery did not end within ${timeoutMs} ms; see ${cluster.log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
