import type { Logger } from 'pino';

/**
 * A background job that works in passes: woken at once after a commit (`kick`) and by a poll
 * timer for work committed elsewhere (another node, a crash before the kick). One pass runs at
 * a time per process; passes on different nodes coordinate in the database (advisory locks).
 */
export class RepeatingPass {
  private timer: NodeJS.Timeout | undefined;
  /** The drain in progress: passes one after another until one finds nothing more to do. */
  private draining: Promise<number> | undefined;
  private again = false;
  private stopped = true;

  /** `pass` does one batch and returns how much it did; it is repeated while batches are full. */
  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<number>,
    private readonly batchSize: number,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Drains now; `then`, if given, runs once the drain has finished (done or failed). */
  kick(then?: () => void): void {
    if (this.stopped) return;
    const drained = this.drain();
    if (then) void drained.then(then, then);
  }

  /**
   * Works until nothing is pending; returns how many items the drain handled. A call while a
   * drain runs joins it and makes it go round once more, so work committed before the call is
   * handled when it resolves; passes never overlap (two would race for the same rows).
   */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    const run = async (): Promise<number> => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await this.passUntilShort();
        } while (this.again);
        return total;
      } finally {
        this.draining = undefined;
      }
    };
    this.draining = run();
    return this.draining;
  }

  private async passUntilShort(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.pass().catch((err: unknown) => {
        this.log.warn({ err, job: this.name }, 'background pass failed; will retry');
        return 0;
      });
      total += n;
      if (n < this.batchSize) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.drain().finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  /** Stops polling after a final drain, so what is committed is handled before shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.drain().catch(() => undefined);
  }
}
