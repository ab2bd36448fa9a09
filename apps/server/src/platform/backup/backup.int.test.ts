import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, emptyDatabase, loginAdmin, openAsOwner, startTestApp, type TestApp, type TestDatabase } from '../../../test/harness.js';
import { snapshot, type DigestTable } from '../../../test/db-snapshot.js';
import { sql } from 'drizzle-orm';
import { openDatabase, lockDataDir, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { writeCheckpoint } from '../audit/checkpoint.js';
import { BACKUP_MAGIC, signManifest, type BackupManifest } from './backup-file.js';
import { createBackup, type BackupSource } from './backup.js';
import { openBackup, type Trust } from './open-backup.js';
import { restorePglite, restorePostgres, verifyBackup } from './restore.js';
import { recordBackup } from './record.js';

const TABLES: DigestTable[] = ['incidents', 'assignments', 'units', 'users', 'jurisdictions', 'places'];

describe(`backup and restore (${backend})`, () => {
  let t: TestApp;
  let admin: string;
  let src: BackupSource;
  let trust: Trust;
  let file: string;
  let backedUp: Record<string, unknown>;
  let manifest: BackupManifest;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'fb-backup-test-'));
  const targets: TestDatabase[] = [];

  const report = (n: number) => t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: admin }, payload: { type: 'fire', priority: 'P2', location: [9.5215 + n / 1000, 47.141] } });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.app);
    const p = t.app.platform;
    src = { database: p.database, url: t.db.ownerUrl, dataDir: scratch, keys: p.auditKeys, configuredKey: true };
    trust = { configured: p.auditKeys, dataDirKey: () => { throw new Error('the test trusts the configured key'); } };
    // Written through the API, chained and checkpointed: what the backup must bring back.
    for (const n of [1, 2]) expect((await report(n)).statusCode).toBe(201);
    await p.auditChainer.drain();
    await writeCheckpoint(p.db, p.auditKeys, new Date());
    backedUp = await snapshot(p.db, TABLES);
    file = path.join(scratch, 'drill.fbk');
    manifest = await createBackup(src, file, new Date());
    await recordBackup(p.db, file, manifest);
    // Written after the backup: must not come back.
    expect((await report(3)).statusCode).toBe(201);
    await p.auditChainer.drain();
  });

  afterAll(async () => {
    for (const d of targets) await d.drop();
    await t?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('restore drill: exactly the backed-up state comes back, and its audit chain and checkpoint verify', { timeout: 180_000 }, async () => {
    expect(manifest.counts.incidents).toBeGreaterThan(0);
    expect(manifest.audit.checkpoint?.treeSize).toBe(manifest.audit.chained);
    const opened = await openBackup(file, trust);
    const inspect = async (db: Database['db']) => {
      expect(await snapshot(db, TABLES)).toEqual(backedUp);
      const chain = await verifyAuditChain(db, t.app.platform.auditKeys.macKey);
      expect(chain.ok && chain.headHash).toBe(manifest.audit.headHash);
    };
    if (backend === 'pglite') {
      const check = await restorePglite(opened, path.join(scratch, 'restored'), true, undefined, inspect);
      expect(check.problems).toEqual([]);
    } else {
      const target = await emptyDatabase();
      targets.push(target);
      await target.database.close();
      const check = await restorePostgres(opened, target.ownerUrl!);
      expect(check.problems).toEqual([]);
      const restored = await openDatabase({ databaseUrl: target.ownerUrl, dataDir: scratch });
      try {
        await inspect(restored.db);
      } finally {
        await restored.close();
      }
    }
    expect(await snapshot(t.app.platform.db, TABLES)).not.toEqual(backedUp);
    // verify: a scratch restore that is dropped again. On PGlite the same checks run on an
    // in-memory copy (restore.ts openEmbedded('memory://')); loading one costs ~15 s here, so the server backend covers it.
    if (backend === 'pglite') return;
    const verified = await verifyBackup(await openBackup(file, trust), t.db.ownerUrl);
    expect(verified.problems).toEqual([]);
    expect(verified.checkpoint).toMatch(/contains the signed checkpoint/);
  });

  it('refuses a truncated, altered, re-signed-by-another-key or newer file before writing anything', async () => {
    const variant = (name: string, edit: (bytes: Buffer) => Buffer) => {
      const f = path.join(scratch, name);
      writeFileSync(f, edit(readFileSync(file)));
      return f;
    };
    const truncated = path.join(scratch, 'truncated.fbk');
    copyFileSync(file, truncated);
    truncateSync(truncated, readFileSync(file).length - 1000);
    await expect(openBackup(truncated, trust)).rejects.toThrow(/is truncated/);
    const flipped = variant('flipped.fbk', (b) => { b[b.length - 10]! ^= 0xff; return b; });
    await expect(openBackup(flipped, trust)).rejects.toThrow(/damaged or was altered/);
    const rewrite = (name: string, m: BackupManifest) => variant(name, (b) => {
      const start = b.indexOf(0x0a) + 1;
      const end = b.indexOf(0x0a, start);
      return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(m)}`), b.subarray(end)]);
    });
    await expect(openBackup(rewrite('counts.fbk', { ...manifest, counts: { ...manifest.counts, incidents: 0 } }), trust)).rejects.toThrow(/signature does not verify/);
    const { signature: _s, keyId, ...unsigned } = manifest;
    const resigned = (m: Omit<BackupManifest, 'signature' | 'keyId'>) => signManifest(m, keyId, t.app.platform.auditKeys.privateKey);
    await expect(openBackup(rewrite('newer.fbk', resigned({ ...unsigned, version: '99.0.0' })), trust)).rejects.toThrow(/made by Firebreak 99\.0\.0, newer than this/);
    const ahead = { ...unsigned.migrations, count: unsigned.migrations.count + 1, when: (unsigned.migrations.when ?? 0) + 1, tag: null };
    await expect(openBackup(rewrite('ahead.fbk', resigned({ ...unsigned, migrations: ahead })), trust)).rejects.toThrow(/newer than this version of Firebreak knows/);
    await expect(openBackup(path.join(scratch, 'absent.fbk'), trust)).rejects.toThrow(/cannot be read/);
  });

  it('refuses a target that is not empty, or an embedded folder another process holds, and changes nothing', async () => {
    const opened = await openBackup(file, trust);
    const before = await snapshot(t.app.platform.db, TABLES);
    if (backend === 'pglite') {
      await expect(restorePglite(opened, path.join(scratch, 'restored'), true)).rejects.toThrow(/already holds a database/);
      const held = path.join(scratch, 'held');
      const release = await lockDataDir(held, 0);
      try {
        await expect(restorePglite(opened, held, true)).rejects.toThrow(/in use by another Firebreak process/);
      } finally {
        await release();
      }
    } else {
      await expect(restorePostgres(opened, t.db.ownerUrl!)).rejects.toThrow(/is not empty/);
    }
    expect(await snapshot(t.app.platform.db, TABLES)).toEqual(before);
  });

  it('a node refuses to start against a database migrated beyond its code, and says so', async () => {
    const owner = await openAsOwner(t.db);
    try {
      await owner.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', 9999999999999)`);
      await expect(migrate(t.app.platform.database, t.db.ownerUrl)).rejects.toThrow(/Refusing to start: the database is at migration level \d+ \(a migration this version does not know\), newer than this version/);
    } finally {
      await owner.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-release'`);
      await owner.close();
    }
    await migrate(t.app.platform.database, t.db.ownerUrl);
  });

  it('/metrics carries what operators alert on, in a format promtool accepts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toMatch(/^firebreak_backup_age_seconds\{node="[^"]+"\} \d/m);
    expect(text).toMatch(/^firebreak_incidents_open\{priority="P2",region="li\.[a-z]+",node="[^"]+"\} [1-9]/m);
    for (const name of ['firebreak_outbox_backlog', 'firebreak_outbox_oldest_age_seconds', 'firebreak_audit_unchained_rows', 'firebreak_avl_fixes_per_second', 'firebreak_avl_stale_units', 'firebreak_stream_sockets']) {
      expect(text).toMatch(new RegExp(`^${name}\\{node="[^"]+"\\} [0-9.e+-]+$`, 'm'));
    }
    expect(text).toMatch(/^firebreak_link_up\{link="database",node="[^"]+"\} 1$/m);
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(lint.error).toBeUndefined();
    // promtool lints names; Node's default metrics predate some conventions, ours must not add to them.
    expect((lint.stdout + lint.stderr).split('\n').filter((l) => l.startsWith('firebreak_'))).toEqual([]);
  });
});
