import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { every, sweepCommand } from '../../platform/jobs/sweep.js';
import { sql } from 'drizzle-orm';
import { closeRequest } from './cancel-reinforcement.js';
import { moveUp } from './request-steps.js';
import { dueRequests, findRequest } from './reinforcements.queries.js';

const BATCH = 100;

/** How often the sweep runs: a request's answer time (2 min by default) is kept to within this. */
export const SWEEP_INTERVAL_MS = 10_000;

/**
 * The reinforcement sweep: an open request whose jurisdiction asked let its time run out goes a
 * level up (`timed_out`, then `asked` of the next; exhausted at the top), and an open request
 * whose incident closed is cancelled with its unsent loans released. One command per request,
 * re-checked under its row lock (`skip locked`: safe on several nodes). Returns how many it moved.
 */
export async function sweepReinforcements(deps: CommandDeps): Promise<number> {
  let moved = 0;
  for (const { id } of await dueRequests(deps.db, deps.clock(), BATCH)) {
    // Null when another node moved the request first: its command then rolls back.
    const result = await sweepCommand(deps, 'reinforcement-sweep', async (tx, record) => {
      const locked = await rows<{ id: string }>(tx, sql`select id from reinforcement_requests where id = ${id} and state = 'open' for update skip locked`);
      const before = locked.length ? await findRequest(tx, id) : undefined;
      const now = deps.clock();
      const [incident] = before ? await rows<{ state: string }>(tx, sql`select state from incidents where id = ${before.incident.id}`) : [];
      if (before && incident?.state === 'closed') {
        await closeRequest(tx, record, before, now, null, 'incident_closed');
        return true;
      }
      if (before && before.answerDueAt && new Date(before.answerDueAt) <= now) {
        await moveUp(tx, record, before, now, [{ at: now.toISOString(), step: 'timed_out', jurisdictionPath: before.targetPath, by: null }]);
        return true;
      }
      return null;
    });
    if (result) moved++;
  }
  return moved;
}

/** Runs the sweep every SWEEP_INTERVAL_MS in the background (`firebreak serve`); returns the stop. */
export function startReinforcementSweeper(deps: CommandDeps, log: { error: (o: object, msg: string) => void }, intervalMs = SWEEP_INTERVAL_MS): () => void {
  return every(intervalMs, () => sweepReinforcements(deps), log, 'reinforcement sweep failed');
}
