import type { HazardGrade, HazardState } from '@firebreak/contracts';

/**
 * The hazard rectification state machine, pure: no I/O, no clock. Commands load a hazard,
 * ask `decide`, and store what it returns.
 *
 *   open ──start──> rectifying ──submit──> submitted ──verify──> verified ──close──> closed
 *     └──submit (general only: fixed at once)──^     └──reject──> rectifying
 */
export const TRANSITIONS: Readonly<Record<HazardState, readonly HazardState[]>> = {
  open: ['rectifying', 'submitted'],
  rectifying: ['submitted'],
  submitted: ['verified', 'rectifying'],
  verified: ['closed'],
  closed: [],
};

/** States in which the fix is still owed: deadlines, extensions and escalation apply. */
export const STILL_OWED: readonly HazardState[] = ['open', 'rectifying'];

export interface HazardFacts {
  grade: HazardGrade;
  state: HazardState;
  dueAt: Date;
  rectificationPlan: string | null;
  interimControls: string | null;
  stopUse: boolean;
  fixNote: string | null;
  verificationNote: string | null;
  pendingExtension: { requestedDueAt: Date } | null;
  supervisedBy: string | null;
}

export type HazardCommand =
  | { type: 'start'; rectificationPlan?: string | undefined; interimControls?: string | undefined; stopUse: boolean }
  | { type: 'submit'; fixNote: string }
  | { type: 'reject'; reason: string }
  | { type: 'verify'; note: string; /** Verified through a recorded follow-up visit: a re-inspection of the place, or a supervision re-visit. */ reinspection: boolean }
  | { type: 'close' }
  | { type: 'request_extension'; requestedDueAt: Date }
  | { type: 'decide_extension'; approve: boolean }
  | { type: 'list_supervision'; by: string };

export type Decision =
  | { ok: true; next: HazardFacts }
  | { ok: false; reason: string; /** The request field at fault, when one is. */ field?: string };

const refuse = (reason: string, field?: string): Decision => ({ ok: false, reason, ...(field ? { field } : {}) });

function move(h: HazardFacts, to: HazardState, changes: Partial<HazardFacts> = {}): Decision {
  if (!TRANSITIONS[h.state].includes(to)) return refuse(`a ${h.state} hazard cannot become ${to}`);
  return { ok: true, next: { ...h, ...changes, state: to } };
}

export function decide(h: HazardFacts, cmd: HazardCommand): Decision {
  switch (cmd.type) {
    case 'start':
      if (h.state !== 'open') return refuse(`a ${h.state} hazard cannot start rectification`);
      if (h.grade === 'major' && !cmd.rectificationPlan) return refuse('a major hazard needs a rectification plan', 'body.rectificationPlan');
      if (h.grade === 'major' && !cmd.interimControls) return refuse('a major hazard needs interim controls until it is fixed', 'body.interimControls');
      return move(h, 'rectifying', { rectificationPlan: cmd.rectificationPlan ?? null, interimControls: cmd.interimControls ?? null, stopUse: cmd.stopUse });
    case 'submit':
      if (h.state === 'open' && h.grade === 'major') return refuse('a major hazard must go through a rectification plan before its fix is submitted');
      return move(h, 'submitted', { fixNote: cmd.fixNote, pendingExtension: null });
    case 'reject':
      if (h.state !== 'submitted') return refuse(`only a submitted fix can be rejected (the hazard is ${h.state})`);
      return move(h, 'rectifying', { verificationNote: cmd.reason });
    case 'verify':
      if (h.state !== 'submitted') return refuse(`only a submitted fix can be verified (the hazard is ${h.state})`);
      if (h.grade === 'major' && !cmd.reinspection) return refuse('a major hazard is verified by a re-inspection of its place, or a supervision correction by a re-visit (record one that verifies it)');
      return move(h, 'verified', { verificationNote: cmd.note, stopUse: false });
    case 'close':
      return move(h, 'closed');
    case 'request_extension':
      if (!STILL_OWED.includes(h.state)) return refuse(`a ${h.state} hazard has no deadline to extend`);
      if (h.pendingExtension) return refuse('an extension request is already pending');
      if (cmd.requestedDueAt <= h.dueAt) return refuse('the requested deadline must be later than the current one', 'body.requestedDueAt');
      return { ok: true, next: { ...h, pendingExtension: { requestedDueAt: cmd.requestedDueAt } } };
    case 'decide_extension':
      if (!h.pendingExtension) return refuse('no extension request is pending');
      if (cmd.approve && !STILL_OWED.includes(h.state)) return refuse(`a ${h.state} hazard has no deadline to extend`);
      return { ok: true, next: { ...h, pendingExtension: null, dueAt: cmd.approve ? h.pendingExtension.requestedDueAt : h.dueAt } };
    case 'list_supervision':
      if (h.grade !== 'major') return refuse('only a major hazard is listed for supervision');
      if (h.state === 'closed') return refuse('the hazard is closed');
      if (h.supervisedBy) return refuse(`the hazard is already supervised by ${h.supervisedBy}`);
      return { ok: true, next: { ...h, supervisedBy: cmd.by } };
  }
}
