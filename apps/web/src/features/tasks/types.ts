import type {
  HolderAt as HolderAtSchema,
  TaskDetail as TaskDetailSchema,
  TaskEvidence as TaskEvidenceSchema,
  TaskHistoryEntry as TaskHistoryEntrySchema,
  TaskListItem as TaskListItemSchema,
  TaskReport as TaskReportSchema,
} from '@firebreak/contracts';

import type { Out } from '../../api/types';

export type TaskDetail = Out<typeof TaskDetailSchema>;
export type TaskListItem = Out<typeof TaskListItemSchema>;
export type TaskReport = Out<typeof TaskReportSchema>;
export type TaskEvidence = Out<typeof TaskEvidenceSchema>;
export type TaskHistoryEntry = Out<typeof TaskHistoryEntrySchema>;
export type HolderAt = Out<typeof HolderAtSchema>;
