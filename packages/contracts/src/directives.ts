import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';

export const DIRECTIVE_TARGET_STATES = ['delivered', 'acknowledged', 'reported'] as const;
export const DirectiveTargetState = z.enum(DIRECTIVE_TARGET_STATES);
export type DirectiveTargetState = z.infer<typeof DirectiveTargetState>;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DirectiveTarget = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  state: DirectiveTargetState,
  deliveredAt: Timestamp,
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedBy: Id.nullable(),
  acknowledgementNote: z.string().nullable(),
  reportedAt: Timestamp.nullable(),
  reportedBy: Id.nullable(),
  report: z.string().nullable(),
  acknowledgementOverdue: z.boolean(),
  reportOverdue: z.boolean(),
  /** When the sweep told the parent jurisdiction that the acknowledgement (or report) was late. */
  acknowledgementEscalatedAt: Timestamp.nullable(),
  reportEscalatedAt: Timestamp.nullable(),
});
export type DirectiveTarget = z.infer<typeof DirectiveTarget>;

export const Directive = z.object({
  id: Id,
  issuerJurisdictionId: Id,
  issuerPath: JurisdictionPath,
  title: z.string(),
  content: z.string(),
  requiredActions: z.array(z.string()),
  acknowledgeBy: Timestamp,
  reportBy: Timestamp,
  issuedBy: Id.nullable(),
  issuedAt: Timestamp,
  targets: z.array(DirectiveTarget),
});
export type Directive = z.infer<typeof Directive>;

export const IssueDirectiveBody = z.strictObject({
  issuerJurisdictionId: Id,
  title: Text(200),
  content: Text(20_000),
  requiredActions: z.array(Text(1000)).min(1).max(50),
  /** Jurisdictions of the issuer's subtree (not the issuer itself). */
  targetJurisdictionIds: z.array(Id).min(1).max(5000),
  acknowledgeBy: Timestamp,
  reportBy: Timestamp,
});
export type IssueDirectiveBody = z.infer<typeof IssueDirectiveBody>;

export const DirectiveTargetParams = z.strictObject({ id: Id, jurisdictionId: Id });
export const AcknowledgeDirectiveBody = z.strictObject({ note: Text(2000).optional() });
export type AcknowledgeDirectiveBody = z.infer<typeof AcknowledgeDirectiveBody>;
export const ReportBackBody = z.strictObject({ report: Text(20_000) });
export type ReportBackBody = z.infer<typeof ReportBackBody>;

export const DirectiveListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const DirectiveSummary = Directive.omit({ targets: true });
export type DirectiveSummary = z.infer<typeof DirectiveSummary>;
/**
 * The 201 of `POST /directives`: the directive and how many targets it reached. A national
 * directive has thousands of targets, so they are read afterwards, a page at a time
 * (`GET /directives/:id/targets`), or all at once with `GET /directives/:id`.
 */
export const IssuedDirective = DirectiveSummary.extend({ targetCount: z.number().int() });
export type IssuedDirective = z.infer<typeof IssuedDirective>;
/** Targets in jurisdiction-path order; `cursor` is the last path of the page before. */
export const DirectiveTargetsQuery = z.strictObject({
  cursor: JurisdictionPath.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const DirectiveTargetPage = z.object({ items: z.array(DirectiveTarget), nextCursor: JurisdictionPath.nullable() });
export type DirectiveTargetPage = z.infer<typeof DirectiveTargetPage>;

export const RollupQuery = z.strictObject({ jurisdictionId: Id.optional() });
export const DirectiveRollupRow = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  name: z.string(),
  targets: z.number().int(),
  acknowledged: z.number().int(),
  reported: z.number().int(),
  acknowledgementOverdue: z.number().int(),
  reportOverdue: z.number().int(),
});
/** A level's view: its own target (if it is one) and its children's subtrees at a glance. */
export const DirectiveRollup = z.object({
  directiveId: Id,
  jurisdictionPath: JurisdictionPath,
  self: DirectiveTarget.nullable(),
  children: z.array(DirectiveRollupRow),
});
