import type { Logger } from 'pino';
import { RepeatingPass } from './repeating-pass.js';

export interface NewestPerKeyOptions {
  /** At most this many items per pass; passes repeat while they are full. */
  batchSize: number;
  /** The poll that retries what a failed pass put back when nothing new kicks it. */
  pollMs: number;
  log: Logger;
}

/**
 * A background job over the newest item per key — each unit's newest AVL fix, for the arrival
 * detectors of dispatch (at a scene) and coverage (at a move-up post). A newer item supersedes an
 * older one not yet handled: a position is a state, not a queue of orders, so a unit reporting
 * every second while a pass runs costs one item, not a backlog. A pass takes at most `batchSize`
 * items and hands them to `handle`; a pass that fails puts back what it took (unless a newer item
 * of the key came meanwhile) for the next pass, kicked or polled. One pass at a time.
 */
export class NewestPerKey<T> {
  private pending = new Map<string, { item: T; at: number }>();
  private readonly pass: RepeatingPass;
  private readonly batchSize: number;

  constructor(
    name: string,
    private readonly keyOf: (item: T) => string,
    handle: (items: T[]) => Promise<void>,
    opts: NewestPerKeyOptions,
  ) {
    this.batchSize = opts.batchSize;
    this.pass = new RepeatingPass(name, () => this.passOnce(handle), opts.batchSize, opts.pollMs, opts.log);
  }

  /** Items waiting for a pass (one per key at most). */
  get size(): number {
    return this.pending.size;
  }

  /** Holds `item`, taken at `at` (ms), unless an item of its key as new or newer is already held. */
  offer(item: T, at: number): void {
    const key = this.keyOf(item);
    const held = this.pending.get(key);
    if (!held || at > held.at) this.pending.set(key, { item, at });
  }

  /** Offers each of `items` that `wanted` accepts (`ats[i]` is `items[i]`'s time), and wakes a pass if any was. */
  offerEach(items: readonly T[], ats: ArrayLike<number>, wanted: (item: T) => boolean): void {
    let any = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!wanted(item)) continue;
      this.offer(item, ats[i]!);
      any = true;
    }
    if (any) this.pass.kick();
  }

  start(): void {
    this.pass.start();
  }

  /** Passes until nothing is pending (or a pass fails); resolves with how many items they handled. */
  drain(): Promise<number> {
    return this.pass.drain();
  }

  /** Stops polling after a final drain. */
  stop(): Promise<void> {
    return this.pass.stop();
  }

  private async passOnce(handle: (items: T[]) => Promise<void>): Promise<number> {
    if (this.pending.size === 0) return 0;
    let taken = [...this.pending.values()];
    if (taken.length > this.batchSize) {
      taken = taken.slice(0, this.batchSize);
      for (const t of taken) this.pending.delete(this.keyOf(t.item));
    } else this.pending = new Map();
    try {
      await handle(taken.map((t) => t.item));
    } catch (err) {
      for (const t of taken) this.offer(t.item, t.at);
      throw err;
    }
    return taken.length;
  }
}
