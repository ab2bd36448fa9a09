import type { EventType, ReinforcementRequest, ReinforcementState, ReinforcementStep } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { CommandRecord } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { answerDue, nextTarget } from './model.js';
import { findRequest } from './reinforcements.queries.js';

/** Writes a request's next steps and where it stands, and reads it back. */
export async function advanceRequest(tx: Tx, id: string, change: {
  steps: ReinforcementStep[]; state: ReinforcementState; targetPath: string | null; answerDueAt: Date | null; granted?: number; closedAt?: Date | null;
}): Promise<ReinforcementRequest> {
  await tx.execute(sql`update reinforcement_requests set steps = steps || ${JSON.stringify(change.steps)}::jsonb, state = ${change.state},
      target_path = ${change.targetPath}::ltree, answer_due_at = ${change.answerDueAt}, granted = coalesce(${change.granted ?? null}::int, granted),
      closed_at = ${change.closedAt ?? null}, version = version + 1
    where id = ${id}`);
  return (await findRequest(tx, id))!;
}

/**
 * After a refusal, a timeout or a partial grant (`steps` say which): the level above is asked, with
 * its own time to answer; at the top of the tree the request is exhausted (what was lent stays lent).
 */
export async function moveUp(tx: Tx, record: CommandRecord, before: ReinforcementRequest, now: Date, steps: ReinforcementStep[], extra: { granted?: number } = {}): Promise<ReinforcementRequest> {
  const next = nextTarget(before.incident.jurisdictionPath, before.targetPath!);
  const at = now.toISOString();
  const after = next === null
    ? await advanceRequest(tx, before.id, { ...extra, steps: [...steps, { at, step: 'exhausted', jurisdictionPath: null, by: null }], state: 'exhausted', targetPath: null, answerDueAt: null, closedAt: now })
    : await advanceRequest(tx, before.id, { ...extra, steps: [...steps, { at, step: 'asked', jurisdictionPath: next, by: null }], state: 'open', targetPath: next, answerDueAt: answerDue(now, before.timeoutSeconds) });
  const type: EventType = next === null ? 'reinforcements.closed' : 'reinforcements.escalated';
  record.audit({ action: type, entityType: 'reinforcement_request', entityId: before.id, jurisdictionPath: before.incident.jurisdictionPath, before: { targetPath: before.targetPath, state: before.state }, after: { targetPath: after.targetPath, state: after.state, steps } });
  announce(record, type, after, [before.targetPath]);
  return after;
}

/** One event at the incident's path and at each jurisdiction asked now or just before (their inboxes change). */
export function announce(record: CommandRecord, type: EventType, request: ReinforcementRequest, also: (string | null)[] = []): void {
  const paths = new Set([request.incident.jurisdictionPath, request.targetPath, ...also].filter((p): p is string => p !== null));
  for (const path of paths) record.emit({ type, jurisdictionPath: path, data: request });
}
