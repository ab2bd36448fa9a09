import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import canonicalize from 'canonicalize';
import { AppError } from '../errors.js';
import { appendAudit, type AuditEntryInput } from './audit/audit-log.js';
import type { Actor } from './auth/access.js';
import type { Db, Tx } from './db/client.js';
import { idempotencyKeys } from './db/platform.tables.js';
import { writeOutbox, type NewEvent } from './events/outbox.js';

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
  const outcome = await deps.db.transaction(async (tx) => {
    if (ctx.idempotency && ctx.actor) {
      const stored = await claimIdempotencyKey(tx, ctx.actor.id, ctx.idempotency);
      if (stored) return { result: stored as T, replayed: true };
    }
    const record = new CommandRecord();
    const result = await body(tx, record);
    if (record.audits.length === 0) throw new Error('a command must record at least one audit entry');
    const now = deps.clock();
    await writeOutbox(tx, record.events, now);
    if (ctx.idempotency && ctx.actor) await storeIdempotentResult(tx, ctx.actor.id, ctx.idempotency, result);
    const actorRef = { id: ctx.actor?.id ?? null, name: ctx.actor?.username ?? ctx.actorName ?? null };
    await appendAudit(tx, actorRef, ctx.requestId, record.audits, now, deps.auditMacKey);
    committed = record.events;
    return { result, replayed: false };
  });
  if (!outcome.replayed) deps.onCommitted(committed);
  return outcome;
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
