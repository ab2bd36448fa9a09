import { z } from 'zod';
import { CoverageCounts } from './checklists.js';
import { Id, JurisdictionPath, Timestamp } from './common.js';
import { EvidenceBody } from './hazards.js';
import { PlaceCategory } from './places.js';

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A file backing a progress report (its bytes at GET /tasks/:id/evidence/:evidenceId/content). */
export const TaskEvidence = z.object({
  id: Id,
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  caption: z.string().nullable(),
});

export const TaskReport = z.object({
  id: Id,
  percent: z.number().int(),
  note: z.string(),
  reportedBy: Id.nullable(),
  reportedAt: Timestamp,
  evidence: z.array(TaskEvidence),
});

/** Where a task tree comes from: a directive, a hazard campaign, or one period of a standing duty. */
export const TASK_SOURCES = ['directive', 'campaign', 'standing_duty'] as const;
export const TaskSource = z.enum(TASK_SOURCES);
export type TaskSource = z.infer<typeof TaskSource>;

export const Task = z.object({
  id: Id,
  source: TaskSource,
  /** Exactly one of the three names the tree's source. */
  directiveId: Id.nullable(),
  campaignId: Id.nullable(),
  standingDutyId: Id.nullable(),
  /** For the top task of a standing duty's period: when the period began. */
  periodStart: Timestamp.nullable(),
  parentTaskId: Id.nullable(),
  ownerPostId: Id,
  jurisdictionPath: JurisdictionPath,
  title: z.string(),
  /** What the task is about, when it is a place or a category of places. */
  placeId: Id.nullable(),
  category: PlaceCategory.nullable(),
  dueAt: Timestamp,
  /** Its share in the parent's roll-up, relative to its siblings' weights. */
  weight: z.number().int(),
  /** Reported progress of a task without subtasks; the weighted mean of its subtasks' otherwise. */
  percent: z.number(),
  status: TaskStatus,
  overdue: z.boolean(),
  /** When the sweep found it overdue. */
  overdueAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;
export const TaskDetail = Task.extend({ reports: z.array(TaskReport) });

/**
 * A task as `GET /tasks` lists it: a campaign's task also carries the campaign's coverage in the
 * task's jurisdiction subtree (places in scope, inspected, missed) beside its reported progress.
 */
export const TaskListItem = Task.extend({ coverage: CoverageCounts.optional() });

/**
 * A top-level task names its directive or its campaign (exactly one); a subtask names its parent
 * (and, if it names a source too, the parent's). Standing duties' top tasks come from the duty sweep.
 */
export const CreateTaskBody = z.strictObject({
  directiveId: Id.optional(),
  campaignId: Id.optional(),
  parentTaskId: Id.optional(),
  ownerPostId: Id,
  title: z.string().trim().min(1).max(500),
  /** A place in the owner post's jurisdiction the task is about. */
  placeId: Id.optional(),
  category: PlaceCategory.optional(),
  dueAt: Timestamp,
  weight: z.number().int().min(1).max(1000).default(1),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const ProgressReportBody = z.strictObject({
  percent: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(5000),
  /** Photos or documents backing the report, checked like hazard evidence (type by content, size). */
  evidence: z.array(EvidenceBody).max(4).default([]),
});
export type ProgressReportBody = z.infer<typeof ProgressReportBody>;

/**
 * Exactly one of: the tasks of one source (directive, campaign, standing duty), or every task at
 * and under a jurisdiction whatever its source (`jurisdictionId`: a level's own work, soonest due
 * first, at most `limit`).
 */
export const TaskListQuery = z.strictObject({
  directiveId: Id.optional(),
  campaignId: Id.optional(),
  standingDutyId: Id.optional(),
  jurisdictionId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

/** A recurring duty of a post: one task per period of `everyDays`, due at the period's end. */
export const StandingDuty = z.object({
  id: Id,
  ownerPostId: Id,
  jurisdictionPath: JurisdictionPath,
  title: z.string(),
  category: PlaceCategory.nullable(),
  everyDays: z.number().int(),
  startsAt: Timestamp,
  endsAt: Timestamp.nullable(),
  /** The start of the first period that has no task yet. */
  nextPeriodAt: Timestamp,
  createdAt: Timestamp,
});
export type StandingDuty = z.infer<typeof StandingDuty>;

export const CreateStandingDutyBody = z.strictObject({
  ownerPostId: Id,
  title: z.string().trim().min(1).max(500),
  category: PlaceCategory.optional(),
  everyDays: z.number().int().min(1).max(366),
  /** The start of the first period. */
  startsAt: Timestamp,
  /** No period starts at or after this. */
  endsAt: Timestamp.optional(),
});
export type CreateStandingDutyBody = z.infer<typeof CreateStandingDutyBody>;
export const StandingDutyListQuery = z.strictObject({ jurisdictionId: Id });

const Reason = z.string().trim().min(1).max(2000);

/** Hands the task to another post under the same level it was handed down from. */
export const ReassignTaskBody = z.strictObject({ ownerPostId: Id, reason: Reason });
export type ReassignTaskBody = z.infer<typeof ReassignTaskBody>;

/** Moves the task elsewhere in its directive's breakdown (null: top level), or changes its weight or due date. */
export const RedecomposeTaskBody = z.strictObject({
  parentTaskId: Id.nullable().optional(),
  weight: z.number().int().min(1).max(1000).optional(),
  dueAt: Timestamp.optional(),
  reason: Reason,
});
export type RedecomposeTaskBody = z.infer<typeof RedecomposeTaskBody>;

/** One audited step of a task, oldest first; `auditId` names the audit-chain entry. */
export const TaskHistoryEntry = z.object({
  auditId: Id,
  at: Timestamp,
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const TaskEvidenceParams = z.strictObject({ id: Id, evidenceId: Id });
