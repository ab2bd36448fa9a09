import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AuditCheckpoint } from '@firebreak/contracts';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, loginAdmin, openAsOwner, startTestApp, type TestApp } from '../../../test/harness.js';
import { cliEnvFor, runCli, tempDir } from '../../../test/processes.js';
import { rows, type Db, type Tx } from '../db/client.js';
import { auditCheckpoints, auditLog } from '../db/platform.tables.js';
import { toContent, verifyAuditChain } from './audit-log.js';
import { chainHash, rowMac } from './chain.js';
import { verifyCheckpoint, writeCheckpoint, type CheckpointVerdict } from './checkpoint.js';
import { rawPublicKey } from './signing-key.js';

/** A child process plus, on PGlite, writing the database to disk. */
const CLI_TIMEOUT = 120_000;
const SETUP_TIMEOUT = 60_000;

function messages(err: unknown): string {
  const parts: string[] = [];
  for (let e = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

const refusal = (run: Promise<unknown>): Promise<string> => run.then(() => 'no error', (err: unknown) => messages(err));

/** Runs `body` in a transaction that is always rolled back; returns what it returned. */
async function rolledBack<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .transaction(async (tx) => {
      out = await body(tx);
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
  return out!;
}

/** An owner with the triggers off rewrites row `seq` and recomputes every later hash: the chain alone stays valid. */
async function rewriteAndRechain(tx: Tx, seq: number): Promise<void> {
  await tx.execute(sql`alter table audit_log disable trigger user`);
  const later = await tx.select().from(auditLog).where(gte(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
  let prevHash = later[0]!.prevHash!;
  for (const row of later) {
    const actorName = row.seq === seq ? 'someone else' : row.actorName;
    const hash = chainHash(prevHash, toContent({ ...row, actorName, seq: row.seq! }));
    await tx.update(auditLog).set({ actorName, prevHash, hash }).where(eq(auditLog.seq, row.seq!));
    prevHash = hash;
  }
  await tx.execute(sql`alter table audit_log enable trigger user`);
}

const FORGED_ID = '00000000-0000-7000-8000-00000000f0e1';

/** A row inserted behind the application's back, with a MAC under a key that is not the audit key. */
const insertForged = (q: Db | Tx) =>
  q.execute(sql`insert into audit_log (id, at, action, entity_type, mac)
    values (${FORGED_ID}, now(), 'staff.granted', 'staff', ${rowMac(Buffer.alloc(32, 7), { id: FORGED_ID, at: new Date().toISOString(), actorId: null, actorName: null, action: 'staff.granted', entityType: 'staff', entityId: null, jurisdictionPath: null, before: null, after: null, requestId: null })})`);

describe('signed audit checkpoints', () => {
  let t: TestApp;
  let db: Db;
  let owner: Awaited<ReturnType<typeof openAsOwner>>;
  const folder = tempDir('firebreak-checkpoint-');
  const checkpointFile = path.join(folder.dir, 'checkpoint.json');
  let head: AuditCheckpoint;

  /** Something audited: a sign-in writes an audit row. */
  const act = async (): Promise<void> => {
    await loginAdmin(t.app);
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.platform.db;
    owner = await openAsOwner(t.db);
    await act();
    await t.app.platform.auditChainer.drain();
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await owner?.close();
    await t?.close();
    folder.remove();
  });

  const verifyNow = (q: Db | Tx, h: AuditCheckpoint): Promise<CheckpointVerdict> => verifyCheckpoint(q as Db, h, t.app.platform.auditKeys.publicKey);

  it('`firebreak audit checkpoint` prints a signed tree head, stores it and publishes it as an event', { timeout: CLI_TIMEOUT }, async () => {
    const cli = await runCli(['audit', 'checkpoint'], await cliEnvFor(t, folder.dir));
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    head = AuditCheckpoint.parse(JSON.parse(cli.stdout));
    writeFileSync(checkpointFile, cli.stdout);
    const [chained] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where seq is not null`);
    expect(head.treeSize).toBe(chained!.n);
    expect(head.keyId).toBe(t.app.platform.auditKeys.keyId);
    expect((await verifyNow(db, head)).ok).toBe(true);
    if (backend === 'postgres') {
      // The CLI wrote to this very database: the head is in the history table and the outbox.
      const [stored] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.treeSize, head.treeSize));
      expect(stored?.signature).toBe(head.signature);
      const events = await rows<{ data: AuditCheckpoint }>(db, sql`select data from outbox where type = 'audit.checkpoint'`);
      expect(events.map((e) => e.data.signature)).toEqual([head.signature]);
    }
  });

  it('signs the head once per size, and extends it as the log grows', async () => {
    const first = await writeCheckpoint(db, t.app.platform.auditKeys, new Date());
    const again = await writeCheckpoint(db, t.app.platform.auditKeys, new Date());
    expect(again.fresh).toBe(false);
    expect(again.head.signature).toBe(first.head.signature);
    await act();
    await t.app.platform.auditChainer.drain();
    const grown = await verifyNow(db, first.head);
    expect(grown).toMatchObject({ ok: true, checkpointSize: first.head.treeSize });
    if (grown.ok) expect(grown.currentSize).toBeGreaterThan(first.head.treeSize);
  });

  it('refuses a head signed by another key, or with any field changed', async () => {
    const other = { ...head, treeSize: head.treeSize - 1 };
    expect(await verifyNow(db, other)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(await verifyNow(db, { ...head, rootHash: '0'.repeat(64) })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('detects the deletion of the newest rows, which leaves a valid shorter chain', async () => {
    const verdicts = await rolledBack(owner.db, async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`delete from audit_log where seq > ${head.treeSize - 2}`);
      return { chain: await verifyAuditChain(tx as unknown as Db, t.app.platform.auditKeys.macKey), checkpoint: await verifyNow(tx, head) };
    });
    expect(verdicts.chain.ok).toBe(true);
    expect(verdicts.checkpoint).toEqual({ ok: false, reason: 'truncated', detail: `the checkpoint covers ${head.treeSize} rows; the log has ${head.treeSize - 2}` });
  });

  it('detects a rewritten row whose later hashes were all recomputed', async () => {
    const verdicts = await rolledBack(owner.db, async (tx) => {
      await rewriteAndRechain(tx, head.treeSize - 3);
      return { chain: await verifyAuditChain(tx as unknown as Db, t.app.platform.auditKeys.macKey), checkpoint: await verifyNow(tx, head) };
    });
    expect(verdicts.chain.ok).toBe(true);
    expect(verdicts.checkpoint).toMatchObject({ ok: false, reason: 'root_mismatch' });
  });

  it('never links a row inserted behind the application\'s back, and verify names it', async () => {
    const outcome = await rolledBack(db, async (tx) => {
      await insertForged(tx);
      // The chainer is another connection on postgres; PGlite's one connection would wait for this transaction.
      return verifyAuditChain(tx as unknown as Db, t.app.platform.auditKeys.macKey);
    });
    expect(outcome).toMatchObject({ ok: false, pending: 1, broken: { seq: null, reason: 'forged_unchained', id: FORGED_ID, count: 1 } });
  });

  it.runIf(backend === 'postgres')('as the application\'s role, the database refuses DDL, TRUNCATE, DELETE, trigger bypass and audit rewrites', async () => {
    const denied = /permission denied|must be owner/;
    expect(await refusal(db.execute(sql`set session_replication_role = replica`))).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(denied);
    expect(await refusal(db.execute(sql`delete from audit_log where seq = 1`))).toMatch(denied);
    expect(await refusal(db.execute(sql`update audit_log set action = 'x' where seq = 1`))).toMatch(denied);
    expect(await refusal(db.execute(sql`alter table audit_log disable trigger user`))).toMatch(/must be owner of table audit_log/);
    expect(await refusal(db.execute(sql`drop trigger audit_log_no_delete on audit_log`))).toMatch(/must be owner of (table|relation) audit_log/);
    expect(await refusal(db.execute(sql`create table stash (x int)`))).toMatch(/permission denied for schema public/);
    expect(await refusal(db.execute(sql`update audit_checkpoints set root_hash = 'x'`))).toMatch(denied);
    expect(await refusal(db.execute(sql`truncate audit_checkpoints`))).toMatch(denied);
    const [me] = await rows<{ superuser: boolean }>(db, sql`select rolsuper as superuser from pg_roles where rolname = current_user`);
    expect(me!.superuser).toBe(false);
    // What it must still do: write rows, and let the chainer link them (covered by every other test).
    expect(await refusal(db.execute(sql`select count(*) from audit_log`))).toBe('no error');
  });

  // Last: these leave the database tampered.
  it('`firebreak audit verify --checkpoint` fails on a forged unchained row and a rewrite, then on truncation', { timeout: 3 * CLI_TIMEOUT }, async () => {
    const verify = async (...extra: string[]) => runCli(['audit', 'verify', '--checkpoint', checkpointFile, ...extra], await cliEnvFor(t, folder.dir));
    // A witness names the key it trusts, rather than the one written in the checkpoint.
    const sound = await verify('--public-key', rawPublicKey(t.app.platform.auditKeys.publicKey).toString('base64'));
    expect(sound.stdout).toContain(`Checkpoint OK: the log still contains the signed tree of ${head.treeSize} rows`);
    expect(sound.code).toBe(0);

    // As the application's role: it may INSERT into audit_log, but has no key for a valid MAC. And as
    // the owner, with the triggers off: a rewritten row, every later hash recomputed (one run for both).
    await insertForged(db);
    await owner.db.transaction(async (tx) => rewriteAndRechain(tx, head.treeSize - 3));
    const tampered = await verify();
    expect(tampered.stderr).toContain(`Audit chain BROKEN: 1 unchained row(s) without a valid MAC, first ${FORGED_ID}: forged_unchained`);
    expect(tampered.stderr).toContain(`Checkpoint FAILED: root_mismatch: the first ${head.treeSize} rows hash to`);
    expect(tampered.code).toBe(1);
    const [still] = await rows<{ seq: number | null }>(db, sql`select seq from audit_log where id = ${FORGED_ID}`);
    expect(still!.seq).toBeNull();

    await owner.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`delete from audit_log where seq > ${head.treeSize - 5}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const truncated = await verify();
    expect(truncated.stderr).toContain(`Checkpoint FAILED: truncated: the checkpoint covers ${head.treeSize} rows; the log has ${head.treeSize - 5}`);
    expect(truncated.code).toBe(1);
  });
});
