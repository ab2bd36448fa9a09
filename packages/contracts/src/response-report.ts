import { z } from 'zod';
import { Id, JurisdictionPath, Timestamp } from './common.js';
import { IncidentOrigin, TierCompliance } from './incidents.js';

/** What the response-time report groups incidents by. */
export const REPORT_BREAKDOWNS = ['priority', 'type', 'jurisdiction', 'unit_kind'] as const;
export const ReportBreakdown = z.enum(REPORT_BREAKDOWNS);
export type ReportBreakdown = z.infer<typeof ReportBreakdown>;

/**
 * The NFPA 1710 components of a response, per incident (see docs/reports.md):
 * call processing = received -> first unit dispatched; turnout = the first-arriving unit's
 * dispatch -> en route; travel = its en route -> on scene; total = received -> first unit on scene.
 */
export const RESPONSE_COMPONENTS = ['callProcessing', 'turnout', 'travel', 'total'] as const;
export type ResponseComponent = (typeof RESPONSE_COMPONENTS)[number];

export const WITHIN_MAX_SECONDS = 3600;
export const WITHIN_MAX_VALUES = 6;
export const DEFAULT_WITHIN_SECONDS: readonly number[] = [60, 240, 300];

/** `within=60,240,300`: distinct whole seconds, 1..3600, at most 6 values (a problem names `within` itself). */
const SecondsList = z
  .string()
  .max(200)
  .regex(/^\s*\d{1,6}\s*(,\s*\d{1,6}\s*)*$/, 'comma-separated whole seconds, e.g. 60,240,300')
  // One parameter holding a list (`within=60,240,300`): the document says what the numbers are.
  .meta({ description: `Comma-separated whole seconds, each 1 to ${WITHIN_MAX_SECONDS}, at most ${WITHIN_MAX_VALUES} distinct values (default ${DEFAULT_WITHIN_SECONDS.join(',')})`, examples: ['60,240,300'] })
  .transform((s, ctx) => {
    const seconds = [...new Set(s.split(',').map((m) => Number(m.trim())))].sort((a, b) => a - b);
    if (seconds.some((m) => m < 1 || m > WITHIN_MAX_SECONDS)) ctx.addIssue({ code: 'custom', message: `each value must be 1 to ${WITHIN_MAX_SECONDS} seconds` });
    else if (seconds.length > WITHIN_MAX_VALUES) ctx.addIssue({ code: 'custom', message: `at most ${WITHIN_MAX_VALUES} values` });
    else return seconds;
    return z.NEVER;
  });

/** `GET /reports/response-times/breakdown[.csv]`. */
export const ResponseBreakdownQuery = z.strictObject({
  jurisdictionId: Id,
  from: Timestamp,
  to: Timestamp,
  /** Live, historical (imported) or simulated incidents: one origin per report, never a mix. */
  origin: IncidentOrigin.default('live'),
  by: ReportBreakdown.default('priority'),
  /**
   * With `by=jurisdiction`: the level of the tree to group at (1 = the country). Default: the level
   * just below the jurisdiction asked for. An incident held higher up than that level is its own group.
   */
  level: z.coerce.number().int().min(1).max(12).optional(),
  /** The thresholds of "% within N seconds", applied to every component. */
  within: SecondsList.default([...DEFAULT_WITHIN_SECONDS]),
});
export type ResponseBreakdownQuery = z.infer<typeof ResponseBreakdownQuery>;

/** How many of the measured intervals took at most `seconds`, and their share in % (0.1). */
export const WithinShare = z.object({ seconds: z.number().int(), count: z.number().int(), percent: z.number().nullable() });

/**
 * One component over the incidents that have both its ends: count, p50 and p90 in whole seconds
 * (percentile_cont, then rounded), and the share within each threshold. `inconsistent`: intervals
 * whose end lies before their start (a data error of the source), left out and counted.
 */
export const ComponentStats = z.object({
  count: z.number().int(),
  p50Seconds: z.number().int().nullable(),
  p90Seconds: z.number().int().nullable(),
  within: z.array(WithinShare),
  inconsistent: z.number().int(),
});
export type ComponentStats = z.infer<typeof ComponentStats>;

export const ResponseGroup = z.object({
  /** The value grouped by: P1, fire, a jurisdiction path, a unit kind; `all` for the whole report. */
  key: z.string(),
  /** A jurisdiction's name (by=jurisdiction), else null: the screen translates the key. */
  name: z.string().nullable(),
  incidents: z.number().int(),
  /** Imported calls with a time in a DST-repeated or skipped hour: counted, left out of every figure. */
  doubtfulTimes: z.number().int(),
  dispatched: z.number().int(),
  arrived: z.number().int(),
  callProcessing: ComponentStats,
  turnout: ComponentStats,
  travel: ComponentStats,
  total: ComponentStats,
  /** The 1-3-5 tiers of the group's incidents; complianceRate rounded to 0.001. */
  tiers: z.array(TierCompliance),
});
export type ResponseGroup = z.infer<typeof ResponseGroup>;

export const ResponseBreakdownReport = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  jurisdictionName: z.string(),
  from: Timestamp,
  to: Timestamp,
  origin: IncidentOrigin,
  by: ReportBreakdown,
  /** The tree level grouped at (by=jurisdiction), else null. */
  level: z.number().int().nullable(),
  withinSeconds: z.array(z.number().int()),
  overall: ResponseGroup,
  /** Largest group first; by=unit_kind an incident counts in the group of every kind sent to it. */
  groups: z.array(ResponseGroup),
});
export type ResponseBreakdownReport = z.infer<typeof ResponseBreakdownReport>;
