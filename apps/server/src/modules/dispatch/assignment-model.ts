import type { AssignmentActionBody, AssignmentState } from '@firebreak/contracts';

export type AssignmentAction = AssignmentActionBody['action'];

/**
 * An assignment's steps, pure. A unit may skip acknowledging or setting off (a crew that simply
 * arrives); it is cancelled before it arrives and cleared after.
 *
 *   assigned ──acknowledge──> acknowledged ──en_route──> en_route ──on_scene──> on_scene ──clear──> cleared
 *      └──────────────────────────── cancel (before arrival) ───────────────> cancelled
 */
const NEXT: Record<AssignmentAction, { from: readonly AssignmentState[]; to: AssignmentState }> = {
  acknowledge: { from: ['assigned'], to: 'acknowledged' },
  en_route: { from: ['assigned', 'acknowledged'], to: 'en_route' },
  on_scene: { from: ['assigned', 'acknowledged', 'en_route'], to: 'on_scene' },
  clear: { from: ['on_scene'], to: 'cleared' },
  cancel: { from: ['assigned', 'acknowledged', 'en_route'], to: 'cancelled' },
};

export const LIVE_ASSIGNMENT: readonly AssignmentState[] = ['assigned', 'acknowledged', 'en_route', 'on_scene'];

export function nextAssignmentState(state: AssignmentState, action: AssignmentAction): AssignmentState | { refused: string } {
  const step = NEXT[action];
  if (!step.from.includes(state)) return { refused: `an assignment that is ${state.replace('_', ' ')} cannot ${action.replace('_', ' ')}` };
  return step.to;
}

/** The timestamp column each step sets. */
export const STEP_TIME = {
  acknowledge: 'acknowledged_at',
  en_route: 'en_route_at',
  on_scene: 'on_scene_at',
  clear: 'cleared_at',
  cancel: 'cancelled_at',
} as const satisfies Record<AssignmentAction, string>;

/** What the unit does at each step (acknowledging changes nothing of the unit). */
export const UNIT_STEP = {
  acknowledge: null,
  en_route: 'en_route',
  on_scene: 'on_scene',
  clear: 'clear',
  cancel: 'clear',
} as const satisfies Record<AssignmentAction, string | null>;
