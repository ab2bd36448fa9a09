import type { Schemas } from '@firebreak/client';

/**
 * What the API answers, as the server's OpenAPI document describes it (generated into
 * @firebreak/client): the screens take these rather than hand-written copies, so a changed answer
 * fails `tsc -b` where a screen reads it. Form bodies stay the zod contracts' (`@firebreak/contracts`).
 */
export type CampaignAssignment = Schemas['CampaignAssignment'];
export type AssignmentPage = Schemas['AssignmentPage'];
export type CoverageTree = Schemas['CoverageTree'];
export type ChecklistTemplate = Schemas['ChecklistTemplate'];
export type Inspection = Schemas['Inspection'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type PlaceRisk = Schemas['PlaceRisk'];
export type DirectiveSummary = Schemas['DirectiveSummary'];
export type DirectiveRollup = Schemas['DirectiveRollup'];
export type DirectiveRollupRow = Schemas['DirectiveRollupRow'];
export type Evidence = Schemas['Evidence'];
export type Recommendations = Schemas['Recommendations'];
export type Recommendation = Schemas['Recommendation'];
export type ShortfallSlot = Schemas['ShortfallSlot'];

/**
 * The output type of a contracts schema that has no exported type, without importing zod (the
 * web app takes only types from contracts). zod 4 keeps it at `_zod.output`.
 */
export type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
