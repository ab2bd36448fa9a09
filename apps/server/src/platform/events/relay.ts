import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Db } from '../db/client.js';
import type { EventBus, PublishedEvent } from './bus.js';

/** Arbitrary constant: only one relay (on any node) publishes at a time, so positions follow publish order. */
const RELAY_LOCK = 7_470_003;
const BATCH = 500;

interface OutboxRow {
  id: string;
  type: string;
  occurred_at: Date | string;
  jurisdiction_path: string | null;
  data: unknown;
}

/**
 * Publishes committed outbox rows to the bus, at least once. Within one transaction it takes
 * the relay lock, gives each pending row the next delivery position, publishes, and only then
 * commits: a crash before commit re-publishes the rows later (consumers drop duplicates by id).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Ask for a publish pass now (a command just committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  /** Publishes until nothing is pending; returns how many were published. */
  async drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      await this.running;
    }
    let total = 0;
    do {
      this.again = false;
      this.running = this.publishAll();
      try {
        total += await this.running;
      } finally {
        this.running = undefined;
      }
    } while (this.again && !this.stopped);
    return total;
  }

  private async publishAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch().catch((err: unknown) => {
        this.log.warn({ err }, 'outbox relay pass failed; will retry');
        return 0;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [lock] = await rows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as locked`);
      if (!lock?.locked) return 0;
      const pending = await rows<OutboxRow & { position: string | number }>(
        tx,
        sql`update outbox set position = nextval('outbox_position_seq'), published_at = now(), attempts = attempts + 1
            where seq in (select seq from outbox where position is null order by seq limit ${BATCH})
            returning id, type, occurred_at, jurisdiction_path, data, position`,
      );
      if (pending.length === 0) return 0;
      const events = pending.map(toPublished).sort((a, b) => a.position - b.position);
      await this.bus.publish(events);
      return events.length;
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.drain().finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  /** Stops polling after a final drain (graceful shutdown flushes what is committed). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.drain().catch(() => undefined);
    this.stopped = true;
  }
}

export function toPublished(r: OutboxRow & { position: string | number }): PublishedEvent {
  return {
    id: r.id,
    position: Number(r.position),
    type: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    jurisdictionPath: r.jurisdiction_path,
    data: r.data,
  };
}
