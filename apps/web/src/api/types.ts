import type {
  AssignmentPage as AssignmentPageSchema,
  CampaignAssignment as CampaignAssignmentSchema,
  ChecklistTemplate as ChecklistTemplateSchema,
  CoverageTree as CoverageTreeSchema,
  DirectiveRollup as DirectiveRollupSchema,
  DirectiveRollupRow as DirectiveRollupRowSchema,
  DirectiveSummary as DirectiveSummarySchema,
  Evidence as EvidenceSchema,
  HistoryEntry as HistoryEntrySchema,
  Inspection as InspectionSchema,
  PlaceRisk as PlaceRiskSchema,
} from '@firebreak/contracts';

/**
 * The output type of a contracts schema that has no exported type, without importing zod (the
 * web app takes only types from contracts). zod 4 keeps it at `_zod.output`.
 */
export type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type CampaignAssignment = Out<typeof CampaignAssignmentSchema>;
export type AssignmentPage = Out<typeof AssignmentPageSchema>;
export type CoverageTree = Out<typeof CoverageTreeSchema>;
export type ChecklistTemplate = Out<typeof ChecklistTemplateSchema>;
export type Inspection = Out<typeof InspectionSchema>;
export type HistoryEntry = Out<typeof HistoryEntrySchema>;
export type PlaceRisk = Out<typeof PlaceRiskSchema>;
export type DirectiveSummary = Out<typeof DirectiveSummarySchema>;
export type DirectiveRollup = Out<typeof DirectiveRollupSchema>;
export type DirectiveRollupRow = Out<typeof DirectiveRollupRowSchema>;
export type Evidence = Out<typeof EvidenceSchema>;
