import type { DirectiveTargetState } from '@firebreak/contracts';

export type TargetAction = 'acknowledge' | 'report';

/**
 * A target's steps: delivered -> acknowledged -> reported. A report-back comes after the
 * acknowledgement; each step happens once.
 */
export function nextTargetState(state: DirectiveTargetState, action: TargetAction): DirectiveTargetState | { refused: string } {
  if (action === 'acknowledge') return state === 'delivered' ? 'acknowledged' : { refused: 'The directive is already acknowledged here' };
  if (state === 'delivered') return { refused: 'Acknowledge the directive before reporting back' };
  return state === 'acknowledged' ? 'reported' : { refused: 'The report-back is already in' };
}

/** ltree `issuer @> target` and not equal: a directive goes down the tree, never sideways or up. */
export function isBelow(target: string, issuer: string): boolean {
  return target.startsWith(`${issuer}.`);
}

export interface TargetDeadlines {
  state: DirectiveTargetState;
  ackDueAt: Date;
  reportDueAt: Date;
}

export const acknowledgementOverdue = (t: TargetDeadlines, now: Date): boolean => t.state === 'delivered' && t.ackDueAt < now;
export const reportOverdue = (t: TargetDeadlines, now: Date): boolean => t.state !== 'reported' && t.reportDueAt < now;

/** The parent's path, where a late target is escalated; null at the root. */
export function parentPath(path: string): string | null {
  const i = path.lastIndexOf('.');
  return i < 0 ? null : path.slice(0, i);
}
