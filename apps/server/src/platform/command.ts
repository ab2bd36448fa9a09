import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import canonicalize from 'canonicalize';
import { AppError } from '../errors.js';
import { auditRows, type AuditEntryInput } from './audit/audit-log.js';
import type { Actor } from './auth/access.js';
import { hotRows, hotStatement, transaction, type Db, type Tx } from './db/client.js';
import { idempotencyKeys } from './db/platform.tables.js';
import type { NewEvent } from './events/outbox.js';
import { v7 as uuidv7 } from 'uuid';

/** What every command needs from the platform. */
export interface CommandDeps {
  db: Db;
  clock: () => Date;
  /**
   * Wakes the outbox relay after a commit. Gets the command's events, so that this node can
   * apply them to its in-memory views at once (read your own writes) instead of waiting for the
   * relay to bring them back over the bus.
   */
  onCommitted: (events: readonly NewEvent[]) => void;
  /** Keys the MAC each audit row carries (signing-key.ts): the chainer links only rows with a valid one. */
  auditMacKey: Buffer;
}

export interface CommandContext {
  /** Who acts; null only for anonymous acts such as a failed login. */
  actor: Actor | null;
  /** Shown in the audit trail when there is no actor (e.g. the username tried at login). */
  actorName?: string;
  requestId: string | null;
  idempotency?: { key: string; operation: string; request: unknown };
}

/** Collects the audit entries and events of one command; they are written with its state change. */
export class CommandRecord {
  readonly audits: AuditEntryInput[] = [];
  readonly events: NewEvent[] = [];

  audit(entry: AuditEntryInput): this {
    this.audits.push(entry);
    return this;
  }

  emit(event: NewEvent): this {
    this.events.push(event);
    return this;
  }
}

export interface CommandOutcome<T> {
  result: T;
  /** True when an Idempotency-Key matched an earlier request and its stored answer is returned. */
  replayed: boolean;
}

/**
 * Runs a state change in one transaction together with its audit rows and outbox events.
 * A command that changes state must record at least one audit entry; one that records none
 * is a programming error and is rolled back.
 */
export async function runCommand<T>(
  deps: CommandDeps,
  ctx: CommandContext,
  body: (tx: Tx, record: CommandRecord) => Promise<T>,
): Promise<CommandOutcome<T>> {
  let committed: readonly NewEvent[] = [];
  const outcome = await transaction(deps.db, async (tx) => {
    if (ctx.idempotency && ctx.actor) {
      const stored = await claimIdempotencyKey(tx, ctx.actor.id, ctx.idempotency);
      if (stored) return { result: stored as T, replayed: true };
    }
    const record = new CommandRecord();
    const result = await body(tx, record);
    if (record.audits.length === 0) throw new Error('a command must record at least one audit entry');
    const now = deps.clock();
    if (ctx.idempotency && ctx.actor) await storeIdempotentResult(tx, ctx.actor.id, ctx.idempotency, result);
    const actorRef = { id: ctx.actor?.id ?? null, name: ctx.actor?.username ?? ctx.actorName ?? null };
    await writeRecord(tx, record.events, auditRows(actorRef, ctx.requestId, record.audits, now, deps.auditMacKey), now);
    committed = record.events;
    return { result, replayed: false };
  });
  if (!outcome.replayed) deps.onCommitted(committed);
  return outcome;
}

// A JSON null in a jsonb field of the recordset reads as SQL NULL: the outbox keeps it as jsonb null, as writeOutbox does.
const WRITE_RECORD = hotStatement('firebreak_write_record', `with events as (
    insert into outbox (id, type, occurred_at, jurisdiction_path, data)
    select id, type, occurred_at, jurisdiction_path::ltree, coalesce(data, 'null'::jsonb)
      from jsonb_to_recordset($1::jsonb)
        as e(id uuid, type text, occurred_at timestamptz, jurisdiction_path text, data jsonb)
  )
  insert into audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, jurisdiction_path, before, after, request_id, mac)
  select id, at, actor_id, actor_name, action, entity_type, entity_id, jurisdiction_path::ltree, before, after, request_id, mac
    from jsonb_to_recordset($2::jsonb)
      as a(id uuid, at timestamptz, actor_id uuid, actor_name text, action text, entity_type text, entity_id text,
           jurisdiction_path text, before jsonb, after jsonb, request_id text, mac text)`);

/**
 * The command's outbox events and audit rows in one statement (two jsonb parameters): one round
 * trip instead of two, and no per-column parameter building (docs/benchmarks.md "Command path:
 * what dominates"). Columns and values are those of `writeOutbox` and `appendAudit`.
 */
async function writeRecord(tx: Tx, events: readonly NewEvent[], audits: ReturnType<typeof auditRows>, now: Date): Promise<void> {
  const outboxRows = events.map((e) => ({ id: uuidv7(), type: e.type, occurred_at: now.toISOString(), jurisdiction_path: e.jurisdictionPath, data: e.data ?? null }));
  const auditJson = audits.map((a) => ({
    id: a.id, at: a.at.toISOString(), actor_id: a.actorId, actor_name: a.actorName, action: a.action, entity_type: a.entityType,
    entity_id: a.entityId, jurisdiction_path: a.jurisdictionPath, before: a.before, after: a.after, request_id: a.requestId, mac: a.mac,
  }));
  await hotRows(tx, WRITE_RECORD, [JSON.stringify(outboxRows), JSON.stringify(auditJson)]);
}

function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalize(request ?? null) ?? '').digest('hex');
}

/**
 * Reserves the key for this actor inside the transaction. A concurrent retry with the same key
 * waits on the primary key until the first commits, then sees its stored answer.
 */
async function claimIdempotencyKey(
  tx: Tx,
  actorId: string,
  idem: NonNullable<CommandContext['idempotency']>,
): Promise<unknown> {
  const hash = requestHash(idem.request);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ key: idem.key, actorId, operation: idem.operation, requestHash: hash, status: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return undefined;
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, idem.key)));
  if (!existing || existing.operation !== idem.operation || existing.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  return existing.response;
}

async function storeIdempotentResult(
  tx: Tx,
  actorId: string,
  idem: NonNullable<CommandContext['idempotency']>,
  result: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: 200, response: (result ?? null) as object })
    .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, idem.key)));
}

/**
 * Deletes stored Idempotency-Key answers about an entity, so that purging personal data from it
 * (e.g. a caller's number) also purges the copies kept for retries.
 */
export async function forgetStoredResponses(tx: Tx, entityId: string): Promise<void> {
  await tx.delete(idempotencyKeys).where(sql`${idempotencyKeys.response}->>'id' = ${entityId}`);
}
