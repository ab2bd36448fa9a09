import type {
  HolderAt as HolderAtSchema,
  TaskDetail as TaskDetailSchema,
  TaskEvidence as TaskEvidenceSchema,
  TaskHistoryEntry as TaskHistoryEntrySchema,
  TaskListItem as TaskListItemSchema,
  TaskReport as TaskReportSchema,
} from '@firebreak/contracts';

/** The output type of a contracts schema without an exported type (zod 4 keeps it at `_zod.output`; see api/types.ts). */
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type TaskDetail = Out<typeof TaskDetailSchema>;
export type TaskListItem = Out<typeof TaskListItemSchema>;
export type TaskReport = Out<typeof TaskReportSchema>;
export type TaskEvidence = Out<typeof TaskEvidenceSchema>;
export type TaskHistoryEntry = Out<typeof TaskHistoryEntrySchema>;
export type HolderAt = Out<typeof HolderAtSchema>;
