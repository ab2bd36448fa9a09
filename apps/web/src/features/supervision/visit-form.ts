import type { HazardGrade, HazardState, RecordVisitBody, SupervisionSubject, SupervisionVisit } from '@firebreak/contracts';
import { localToIso } from '../issue/issue-form';

/*
 * Copied from @firebreak/contracts (values would drag zod into the bundle); visit-form.test.ts
 * fails the moment a list drifts from the contract.
 */
export const SUBJECT_KINDS = ['place', 'unit', 'task'] as const satisfies readonly SupervisionSubject[];
export const CORRECTION_GRADES = ['general', 'major'] as const satisfies readonly HazardGrade[];
/** A correction in one of these states is still owed (the hazard is not yet verified or closed). */
export const OWED_STATES: readonly HazardState[] = ['open', 'rectifying', 'submitted'];

/** One finding as the form holds it; a correction is asked for only when `corrects` is on. */
export interface FindingDraft {
  key: string;
  description: string;
  corrects: boolean;
  grade: HazardGrade;
  title: string;
  detail: string;
}

export interface VisitDraft {
  subjectType: SupervisionSubject;
  subjectId: string | null;
  /** datetime-local value; empty means "now" (the server's default). */
  visitedAt: string;
  summary: string;
  findings: FindingDraft[];
}

/** Problems found before sending, by field path as the server names them (without `body.`): path -> i18n key. */
export type VisitProblems = Record<string, string>;

export const emptyFinding = (key: string): FindingDraft => ({ key, description: '', corrects: false, grade: 'general', title: '', detail: '' });

/** The request body, or the fields still missing (so the user sees them before a round trip). */
export function visitBody(d: VisitDraft): { body: RecordVisitBody; problems: null } | { body: null; problems: VisitProblems } {
  const problems: VisitProblems = {};
  if (!d.subjectId) problems.subjectId = 'supervision.form.required';
  if (!d.summary.trim()) problems.summary = 'supervision.form.required';
  const visitedAt = d.visitedAt ? localToIso(d.visitedAt) : null;
  if (d.visitedAt && !visitedAt) problems.visitedAt = 'supervision.form.badDate';
  d.findings.forEach((f, i) => {
    if (!f.description.trim()) problems[`findings.${i}.description`] = 'supervision.form.required';
    if (f.corrects && !f.title.trim()) problems[`findings.${i}.correction.title`] = 'supervision.form.required';
  });
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    body: {
      subjectType: d.subjectType,
      subjectId: d.subjectId!,
      ...(visitedAt ? { visitedAt } : {}),
      summary: d.summary.trim(),
      findings: d.findings.map((f) => ({
        description: f.description.trim(),
        ...(f.corrects ? { correction: { grade: f.grade, title: f.title.trim(), ...(f.detail.trim() ? { description: f.detail.trim() } : {}) } } : {}),
      })),
      verifies: [],
    },
    problems: null,
  };
}

/**
 * Problem+json field errors by the path the form's inputs carry: "body.findings.1.correction.title"
 * -> "findings.1.correction.title" (a finding's own field, not just "findings"), the first message per path.
 */
export function visitFieldErrors(errors: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const path = e.path.replace(/^\/?body[./]?/, '').replaceAll('/', '.') || '_';
    out[path] ??= e.message;
  }
  return out;
}

/** What a list row says about a visit: how many findings, how many corrections, how many still owed and how many of those overdue. */
export function visitCounts(v: Pick<SupervisionVisit, 'findings'>): { findings: number; corrections: number; owed: number; overdue: number } {
  const corrections = v.findings.flatMap((f) => (f.correction ? [f.correction] : []));
  const owed = corrections.filter((c) => OWED_STATES.includes(c.state));
  return { findings: v.findings.length, corrections: corrections.length, owed: owed.length, overdue: owed.filter((c) => c.overdue).length };
}
