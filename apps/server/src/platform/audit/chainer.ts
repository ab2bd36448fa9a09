import { desc, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { hotRows, hotStatement, transaction, type Db } from '../db/client.js';
import { auditLog } from '../db/platform.tables.js';
import { RepeatingPass } from '../jobs/repeating-pass.js';
import { GENESIS_HASH, canonicalMacMatches, linkHash, recordedCanonical } from './chain.js';
import { recordedContent, unchainedPages } from './audit-log.js';

/** Arbitrary constant: only one chainer (on any node) extends the chain at a time. */
const AUDIT_CHAIN_LOCK = 7_470_002;
const BATCH = 1000;
/** Tried by every pass on every node, woken by every commit: a named statement (db/client.ts HotStatement). */
const TRY_LOCK = hotStatement('firebreak_chainer_try_lock', `select pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) as locked`);

/**
 * Links committed audit rows into the hash chain, in batches, after their commands committed.
 * Holding a chain lock inside every command would serialise all commits on one lock (measured:
 * ~3% of the server's raw insert rate); chaining afterwards keeps commands concurrent.
 * The database lets a row be updated exactly once, from unchained to chained (see migrations).
 * Only rows whose MAC proves a command of this application wrote them are linked: a row
 * inserted behind its back stays unchained, is logged, and makes `audit verify` fail.
 */
export function auditChainer(db: Db, macKey: Buffer, log: Logger, pollMs: number): RepeatingPass {
  const warned = new Set<string>();
  const onForged = (ids: string[]): void => {
    const fresh = ids.filter((id) => !warned.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) warned.add(id);
    log.error({ ids: fresh.slice(0, 20), count: fresh.length }, 'audit rows without a valid MAC refused: inserted behind the application\'s back, or by a node with another AUDIT_SIGNING_KEY');
  };
  return new RepeatingPass('audit-chainer', () => chainBatch(db, macKey, onForged), BATCH, pollMs, log);
}

export async function chainBatch(db: Db, macKey: Buffer, onForged: (ids: string[]) => void = () => undefined): Promise<number> {
  return transaction(db, async (tx) => {
    const [lock] = await hotRows<{ locked: boolean }>(tx, TRY_LOCK, []);
    if (!lock?.locked) return 0;
    const [head] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(isNotNull(auditLog.seq))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    // Forged rows are skipped, not allowed to hold up the rows behind them.
    // Each row with its recorded canonical form: built once for the MAC check and the chain hash.
    const pending: { id: string; recorded: string }[] = [];
    const forged: string[] = [];
    for await (const page of unchainedPages(tx, BATCH)) {
      for (const row of page) {
        if (pending.length === BATCH) break;
        const recorded = recordedCanonical(recordedContent(row));
        if (canonicalMacMatches(macKey, recorded, row.mac)) pending.push({ id: row.id, recorded });
        else forged.push(row.id);
      }
      if (pending.length === BATCH) break;
    }
    if (forged.length > 0) onForged(forged);
    if (pending.length === 0) return 0;
    let prev = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
    const links = pending.map((row) => {
      const seq = prev.seq + 1;
      const hash = linkHash(prev.hash, row.recorded, seq);
      const link = { id: row.id, seq, prevHash: prev.hash, hash };
      prev = { seq, hash };
      return link;
    });
    // One jsonb parameter, not four per row: building and binding thousands of parameters showed
    // in the V8 profile of bench:command (docs/benchmarks.md "Command path: what dominates").
    await tx.execute(sql`update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ id: l.id, seq: l.seq, prev_hash: l.prevHash, hash: l.hash })))}::jsonb)
        as v(id uuid, seq bigint, prev_hash text, hash text)
      where a.id = v.id`);
    return links.length;
  });
}
