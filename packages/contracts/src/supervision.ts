import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';
import { HazardGrade, HazardState } from './hazards.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** What a supervision visit looks at: a task being carried out, a unit, or a place. */
export const SUPERVISION_SUBJECTS = ['task', 'unit', 'place'] as const;
export const SupervisionSubject = z.enum(SUPERVISION_SUBJECTS);
export type SupervisionSubject = z.infer<typeof SupervisionSubject>;

/**
 * A required correction is a hazard-style rectification item: raised with a grade, a deadline by
 * the grade's policy, started, submitted with evidence, verified (a major one by a re-visit),
 * extended and escalated exactly as a hazard is, through the hazard endpoints.
 */
export const CorrectionBody = z.strictObject({
  grade: HazardGrade,
  title: Text(200),
  description: Text(4000).optional(),
});

export const FindingBody = z.strictObject({
  description: Text(4000),
  /** Omitted for an observation that requires nothing. */
  correction: CorrectionBody.optional(),
});

export const RecordVisitBody = z.strictObject({
  subjectType: SupervisionSubject,
  subjectId: Id,
  /** When the visit took place; not in the future. Default: now. */
  visitedAt: Timestamp.optional(),
  summary: Text(4000),
  findings: z.array(FindingBody).max(50).default([]),
  /** Corrections required by earlier visits of the same subject that this re-visit found fixed (submitted). */
  verifies: z.array(Id).max(50).default([]),
});
export type RecordVisitBody = z.infer<typeof RecordVisitBody>;

export const SupervisionFinding = z.object({
  id: Id,
  description: z.string(),
  /** The correction's hazard record, and where its rectification stands now. */
  correction: z.object({ hazardId: Id, grade: HazardGrade, title: z.string(), state: HazardState, dueAt: Timestamp, overdue: z.boolean() }).nullable(),
});

export const SupervisionVisit = z.object({
  id: Id,
  subjectType: SupervisionSubject,
  subjectId: Id,
  subjectName: z.string(),
  jurisdictionPath: JurisdictionPath,
  visitedAt: Timestamp,
  visitedBy: Id.nullable(),
  summary: z.string(),
  findings: z.array(SupervisionFinding),
  /** Corrections of earlier visits this one verified. */
  verified: z.array(Id),
  createdAt: Timestamp,
});
export type SupervisionVisit = z.infer<typeof SupervisionVisit>;

export const VisitListQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  subjectType: SupervisionSubject.optional(),
  subjectId: Id.optional(),
  cursor: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const VisitPage = z.object({ items: z.array(SupervisionVisit), nextCursor: Id.nullable() });
