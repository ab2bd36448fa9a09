import { runCommand, type CommandDeps, type CommandRecord } from '../command.js';
import type { Tx } from '../db/client.js';

/** Rolls back a sweep's command that found nothing to change: a command must record an audit entry. */
class NothingChanged extends Error {}

/**
 * One batch of a system sweep (overdue hazards, missed tiers, late tasks…) as one command by
 * `actorName`: the body returns what it did, or `null` when it found nothing, and then the
 * transaction is rolled back and `null` returned. Sweeps run on every node at once and mostly find
 * nothing, so an empty batch must cost no commit and leave no audit row.
 */
export async function sweepCommand<T>(deps: CommandDeps, actorName: string, body: (tx: Tx, record: CommandRecord) => Promise<T | null>): Promise<T | null> {
  try {
    const { result } = await runCommand(deps, { actor: null, actorName, requestId: null }, async (tx, record) => {
      const done = await body(tx, record);
      if (done === null) throw new NothingChanged();
      return done;
    });
    return result;
  } catch (err) {
    if (err instanceof NothingChanged) return null;
    throw err;
  }
}

/**
 * Repeats `batch` while it comes back full (more may wait behind it), each in its own command so
 * a large backlog never holds one long transaction. Returns the sum of the batches' counts.
 */
export async function drainBatches(batch: () => Promise<{ count: number; full: boolean }>): Promise<number> {
  let total = 0;
  for (;;) {
    const { count, full } = await batch();
    total += count;
    if (!full) return total;
  }
}

/**
 * Runs `work` every `intervalMs` until the returned stop is called, never two at once in this
 * process (a slow run makes the next tick skip, not pile up); a failure is logged as `failure` and
 * tried again at the next tick. The timer does not hold the process open.
 */
export function every(intervalMs: number, work: () => Promise<unknown>, log: { error: (o: object, msg: string) => void }, failure: string): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void work()
      .catch((err: unknown) => log.error({ err }, failure))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
