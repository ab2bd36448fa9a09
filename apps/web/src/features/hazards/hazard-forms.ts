import type { HazardActionBody, HazardGrade, RaiseHazardBody } from '@firebreak/contracts';
import { localToIso } from '../issue/issue-form';
import type { FormProblems } from '../issue/use-command-form';

/** The raise form as typed. */
export interface RaiseDraft {
  placeId: string | null;
  grade: HazardGrade | null;
  title: string;
  description: string;
  /** datetime-local value; empty: the deadline in force for the grade. */
  dueAt: string;
}

/** The request body, or the fields to fix first (values are locale keys). `now` is the browser's clock. */
export function raiseBody(d: RaiseDraft, now: number): { body: RaiseHazardBody; problems: null } | { body: null; problems: FormProblems } {
  const problems: FormProblems = {};
  if (!d.placeId) problems.placeId = 'hazardWork.problems.placeMissing';
  if (!d.grade) problems.grade = 'hazardWork.problems.gradeMissing';
  if (!d.title.trim()) problems.title = 'hazardWork.problems.titleMissing';
  const dueAt = d.dueAt ? localToIso(d.dueAt) : null;
  if (d.dueAt && (!dueAt || Date.parse(dueAt) <= now)) problems.dueAt = 'hazardWork.problems.dueInPast';
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return {
    body: {
      placeId: d.placeId!, grade: d.grade!, title: d.title.trim(),
      ...(d.description.trim() ? { description: d.description.trim() } : {}),
      ...(dueAt ? { dueAt } : {}),
    },
    problems: null,
  };
}

/** The text fields of the step forms, as typed. */
export interface StepDraft {
  plan: string;
  controls: string;
  stopUse: boolean;
  note: string;
}

/** The `POST /hazards/:id/actions` body of a step, or what is missing (a major hazard's plan and interim controls). */
export function stepBody(action: HazardActionBody['action'], grade: HazardGrade, d: StepDraft): { body: HazardActionBody; problems: null } | { body: null; problems: FormProblems } {
  const note = d.note.trim();
  const need = (field: string, key: string): { body: null; problems: FormProblems } => ({ body: null, problems: { [field]: key } });
  switch (action) {
    case 'start': {
      const plan = d.plan.trim();
      const controls = d.controls.trim();
      if (grade === 'major' && !plan) return need('rectificationPlan', 'hazardWork.problems.planMissing');
      if (grade === 'major' && !controls) return need('interimControls', 'hazardWork.problems.controlsMissing');
      return { body: { action, stopUse: d.stopUse, ...(plan ? { rectificationPlan: plan } : {}), ...(controls ? { interimControls: controls } : {}) }, problems: null };
    }
    case 'submit':
      return note ? { body: { action, fixNote: note }, problems: null } : need('fixNote', 'hazardWork.problems.noteMissing');
    case 'reject':
      return note ? { body: { action, reason: note }, problems: null } : need('reason', 'hazardWork.problems.noteMissing');
    case 'verify':
      return note ? { body: { action, note }, problems: null } : need('note', 'hazardWork.problems.noteMissing');
    case 'close':
      return { body: { action }, problems: null };
  }
}
