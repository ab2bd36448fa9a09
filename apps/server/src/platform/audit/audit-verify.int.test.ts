import { eq, sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, loginAdmin, openAsOwner, startTestApp, type TestApp } from '../../../test/harness.js';
import { cliEnvFor, runCli, tempDir } from '../../../test/processes.js';
import { rows, type Db, type Tx } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';
import { verifyAuditChain, type VerifyResult } from './audit-log.js';
import { chainHash } from './chain.js';

/** A child process plus, on PGlite, writing the database to disk. */
const CLI_TIMEOUT = 120_000;
/** The vitest projects do not inherit the root timeouts; loading a database copy can take a while on a busy machine. */
const SETUP_TIMEOUT = 60_000;

/** The message of an error and of every cause under it (drivers wrap the database's message). */
function messages(err: unknown): string {
  const parts: string[] = [];
  for (let e = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

async function refusal(run: Promise<unknown>): Promise<string> {
  return run.then(
    () => 'no error',
    (err: unknown) => messages(err),
  );
}

/** Tampers as the owner inside a transaction, verifies what it sees, and rolls everything back. */
async function verifyTampered(db: Db, macKey: Buffer, tamper: (tx: Tx) => Promise<void>): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tamper(tx);
      result = await verifyAuditChain(tx as unknown as Db, macKey, 7);
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
  return result!;
}

async function auditCount(db: Db): Promise<number> {
  const [row] = await rows<{ n: string | number }>(db, sql`select count(*) as n from audit_log`);
  return Number(row!.n);
}

async function headHash(db: Db): Promise<string> {
  const [row] = await rows<{ hash: string }>(db, sql`select hash from audit_log order by seq desc limit 1`);
  return row!.hash;
}

describe('audit chain verification against the database', () => {
  let t: TestApp;
  /** The application's connection (on postgres: the least-privileged app role). */
  let db: Db;
  /** The schema owner's connection: what an attacker with the owner's credentials could do. */
  let owner: Awaited<ReturnType<typeof openAsOwner>>;
  let macKey: Buffer;
  let templateRows: number;
  const folder = tempDir('firebreak-audit-');

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.platform.db;
    owner = await openAsOwner(t.db);
    macKey = t.app.platform.auditKeys.macKey;
    templateRows = await auditCount(db);
    const cookie = await loginAdmin(t.app);
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const schaan = await jurisdictionByPath(t.app, 'li.oberland.schaan');
    const post = async (url: string, payload: object, headers: Record<string, string> = {}) => {
      const res = await t.app.inject({ method: 'POST', url, payload, headers: { cookie, ...headers } });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>();
    };
    await post('/api/v1/jurisdictions', { parentId: vaduz.id, name: 'Audit Station', level: 'station' });
    const staff = await post('/api/v1/staff', {
      username: 'audit-dispatcher',
      displayName: 'Audit Dispatcher',
      jurisdictionId: vaduz.id,
      password: 'a-long-enough-password',
      grants: [{ role: 'dispatcher', jurisdictionId: vaduz.id }],
    });
    await post(`/api/v1/staff/${staff.id}/grants`, { role: 'inspector', jurisdictionId: schaan.id }, { 'idempotency-key': 'audit-grant-0001' });
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${staff.id}`, payload: { displayName: 'Renamed' }, headers: { cookie } });
    if (patch.statusCode !== 200) throw new Error(`patch: ${patch.statusCode} ${patch.body}`);
    // Rows are linked into the chain just after their commands commit.
    await t.app.platform.auditChainer.drain();
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await owner?.close();
    await t?.close();
    folder.remove();
  });

  it('verifies the chain written by real commands, naming its head', async () => {
    const count = await auditCount(db);
    // login, jurisdiction, staff + its grant, the second grant, the rename
    expect(count).toBeGreaterThanOrEqual(templateRows + 6);
    const result = await verifyAuditChain(db, macKey);
    expect(result).toEqual({ ok: true, rows: count, pending: 0, headHash: await headHash(db) });
    expect(await verifyAuditChain(db, macKey, 3)).toEqual(result);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log in the database itself, even to the schema owner', async () => {
    const seq = templateRows + 2;
    expect(await refusal(owner.db.execute(sql`update audit_log set after = '{"forged":true}'::jsonb where seq = ${seq}`))).toMatch(/audit_log is append-only \(UPDATE refused\)/);
    expect(await refusal(owner.db.execute(sql`delete from audit_log where seq = ${seq}`))).toMatch(/audit_log is append-only \(DELETE refused\)/);
    expect(await refusal(owner.db.execute(sql`truncate audit_log`))).toMatch(/audit_log is append-only \(TRUNCATE refused\)/);
    expect(await auditCount(db)).toBeGreaterThan(templateRows);
    expect((await verifyAuditChain(db, macKey)).ok).toBe(true);
  });

  it('lets an unchained row be linked once, and nothing else', async () => {
    await owner.db.transaction(async (tx) => {
      await tx.execute(sql`insert into audit_log (id, at, action, entity_type) values ('00000000-0000-7000-8000-000000000001', now(), 'test.unchained', 'test')`);
      const forged = tx.execute(sql`update audit_log set action = 'test.forged' where id = '00000000-0000-7000-8000-000000000001'`);
      expect(await refusal(forged)).toMatch(/UPDATE refused/);
      tx.rollback();
    }).catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
    const seq = templateRows + 1;
    const relink = owner.db.execute(sql`update audit_log set hash = repeat('0', 64) where seq = ${seq}`);
    expect(await refusal(relink)).toMatch(/UPDATE refused/);
  });

  it('names the changed row when a superuser rewrites its content', async () => {
    const seq = templateRows + 3;
    const result = await verifyTampered(owner.db, macKey, async (tx) => {
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{forged}', 'true'::jsonb) where seq = ${seq}`);
    });
    expect(result).toEqual({ ok: false, rows: seq - 1, pending: 0, broken: { seq, reason: 'hash_mismatch' } });
    expect((await verifyAuditChain(db, macKey)).ok).toBe(true);
  });

  it('names the next row when a superuser rewrites a row and recomputes its hash', async () => {
    const seq = templateRows + 3;
    const result = await verifyTampered(owner.db, macKey, async (tx) => {
      const [row] = await tx.select().from(auditLog).where(eq(auditLog.seq, seq));
      const { prevHash, hash: _hash, mac: _mac, ...content } = { ...row!, seq: row!.seq!, at: row!.at.toISOString(), actorName: 'someone else' };
      await tx.update(auditLog).set({ actorName: content.actorName, hash: chainHash(prevHash!, content) }).where(eq(auditLog.seq, seq));
    });
    expect(result).toEqual({ ok: false, rows: seq, pending: 0, broken: { seq: seq + 1, reason: 'prev_hash_mismatch' } });
  });

  it('names the row after a deleted one', async () => {
    const seq = templateRows + 2;
    const result = await verifyTampered(owner.db, macKey, async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${seq}`);
    });
    expect(result).toEqual({ ok: false, rows: seq - 1, pending: 0, broken: { seq: seq + 1, reason: 'sequence_gap', expectedSeq: seq } });
  });

  it('names the first of two rows whose seq numbers were swapped', async () => {
    const [a, b] = [templateRows + 1, templateRows + 4];
    const result = await verifyTampered(owner.db, macKey, async (tx) => {
      await tx.execute(sql`update audit_log set seq = -1 where seq = ${a}`);
      await tx.execute(sql`update audit_log set seq = ${a} where seq = ${b}`);
      await tx.execute(sql`update audit_log set seq = ${b} where seq = -1`);
    });
    expect(result).toEqual({ ok: false, rows: a - 1, pending: 0, broken: { seq: a, reason: 'prev_hash_mismatch' } });
  });

  it('`firebreak audit verify` exits 0 with an OK line on a sound chain', { timeout: CLI_TIMEOUT }, async () => {
    const expected = await verifyAuditChain(db, macKey);
    if (!expected.ok) throw new Error('chain should be sound here');
    const cli = await runCli(['audit', 'verify'], await cliEnvFor(t, folder.dir));
    expect(cli.stderr).not.toContain('BROKEN');
    expect(cli.stdout).toContain(`Audit chain OK: ${expected.rows} rows, head ${expected.headHash}`);
    expect(cli.code).toBe(0);
  });

  // Last: it leaves this file's database tampered.
  it('`firebreak audit verify` exits 1 and names the broken seq on stderr', { timeout: CLI_TIMEOUT }, async () => {
    const seq = templateRows + 2;
    await owner.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set action = 'staff.forged' where seq = ${seq}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const cli = await runCli(['audit', 'verify'], await cliEnvFor(t, folder.dir));
    expect(cli.stderr).toContain(`Audit chain BROKEN at seq ${seq}: hash_mismatch (${seq - 1} rows verified before it)`);
    expect(cli.stdout).not.toContain('Audit chain OK');
    expect(cli.code).toBe(1);
  });
});
