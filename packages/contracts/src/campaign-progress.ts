import { z } from 'zod';
import { Id, isTimeZone } from './common.js';

/** `GET /campaigns/:id/progress`: the subtree like the coverage report; days are calendar days in `timeZone`. */
export const CampaignProgressQuery = z.strictObject({
  jurisdictionId: Id.optional(),
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone, e.g. Europe/Vaduz').default('UTC'),
});
export type CampaignProgressQuery = z.infer<typeof CampaignProgressQuery>;

/** One calendar day of a campaign: what happened that day, and the running totals at its end. */
export const CampaignProgressDay = z.object({
  /** YYYY-MM-DD in the query's time zone. */
  date: z.string(),
  /** Places inspected for the campaign that day (an assignment done), and in all up to the day's end. */
  inspected: z.number().int(),
  inspectedToDate: z.number().int(),
  /** Assignments that reached their "missed" time that day still not inspected, and in all. */
  missed: z.number().int(),
  missedToDate: z.number().int(),
  /** Hazards raised by the campaign's inspections that day, and those of them verified rectified that day. */
  hazardsFound: z.number().int(),
  hazardsRectified: z.number().int(),
  /** Campaign hazards found and not yet verified rectified at the day's end. */
  hazardsOpen: z.number().int(),
});
export type CampaignProgressDay = z.infer<typeof CampaignProgressDay>;

/**
 * A campaign's progress per day under one jurisdiction: from the campaign's first day (or the
 * first thing that happened, if earlier) to today, or to the day its assignments were missed.
 */
export const CampaignProgress = z.object({
  campaignId: Id,
  path: z.string(),
  timeZone: z.string(),
  /** Places in scope under `path` (the coverage report's total). */
  total: z.number().int(),
  days: z.array(CampaignProgressDay),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;
