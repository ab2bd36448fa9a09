import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskReport = z.object({
  id: Id,
  percent: z.number().int(),
  note: z.string(),
  reportedBy: Id.nullable(),
  reportedAt: Timestamp,
});

export const Task = z.object({
  id: Id,
  directiveId: Id,
  parentTaskId: Id.nullable(),
  ownerPostId: Id,
  jurisdictionPath: JurisdictionPath,
  title: z.string(),
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

export const CreateTaskBody = z.strictObject({
  directiveId: Id,
  parentTaskId: Id.optional(),
  ownerPostId: Id,
  title: z.string().trim().min(1).max(500),
  dueAt: Timestamp,
  weight: z.number().int().min(1).max(1000).default(1),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const ProgressReportBody = z.strictObject({
  percent: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(5000),
});
export type ProgressReportBody = z.infer<typeof ProgressReportBody>;

export const TaskListQuery = z.strictObject({ directiveId: Id });
