import { z } from 'zod';
import { Id, JurisdictionPath, Position, Timestamp } from './common.js';
import { IncidentOrigin } from './incidents.js';
import { ResponseGroup } from './response-report.js';
import { UnitKind } from './units.js';

/**
 * What-if replay of past calls (issue 16 §4): the calls of a period replayed against a deployment
 * in a discrete-event simulation, with the 1-3-5 tiers and NFPA-style figures by priority, against
 * what was recorded and against another deployment.
 */

/** Limits of one replay: the request is refused (413) above them, with the limit named. */
export const REPLAY_MAX_CALLS = 20_000;
export const REPLAY_MAX_UNITS = 2_000;
export const REPLAY_MAX_DAYS = 31;

const CallSign = z.string().trim().min(1).max(40);
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM (00:00-23:59)');

/** A daily shift `from`-`to` in the deployment's time zone; `to` before `from` runs past midnight. */
export const ReplayShift = z.strictObject({ from: ClockTime, to: ClockTime });
export type ReplayShift = z.infer<typeof ReplayShift>;

export const ReplayUnit = z.strictObject({
  callSign: CallSign,
  kind: UnitKind,
  /** Where the unit waits between calls and returns to (its station or post). */
  base: Position,
  capabilities: z.array(z.string().min(1).max(60)).max(30).default([]),
  /** When the unit is on duty; none: around the clock. */
  shifts: z.array(ReplayShift).max(6).optional(),
});
export type ReplayUnit = z.infer<typeof ReplayUnit>;

/**
 * A deployment: the recorded fleet (the units of the jurisdiction's subtree, at their homes,
 * around the clock) changed by `remove`, `move` and `add`; or, with `units`, that list instead.
 */
export const ReplayDeployment = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  units: z.array(ReplayUnit).max(REPLAY_MAX_UNITS).optional(),
  remove: z.array(CallSign).max(REPLAY_MAX_UNITS).default([]),
  move: z.array(z.strictObject({ callSign: CallSign, base: Position })).max(REPLAY_MAX_UNITS).default([]),
  add: z.array(ReplayUnit).max(REPLAY_MAX_UNITS).default([]),
  /** IANA time zone of the shifts (default UTC). */
  timeZone: z.string().min(1).max(60).default('UTC'),
});
export type ReplayDeployment = z.infer<typeof ReplayDeployment>;

/** `POST /replays`. */
export const ReplayRequest = z.strictObject({
  jurisdictionId: Id,
  from: Timestamp,
  to: Timestamp,
  /** Whose calls: live, imported history or the simulator's (default: live). */
  origin: IncidentOrigin.default('live'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** The deployment replayed; left out: the recorded fleet as it stands. */
  deployment: ReplayDeployment.optional(),
  /** A second deployment replayed on the same calls with the same draws. */
  compare: ReplayDeployment.optional(),
  /**
   * Replay a bundled sample instead of the jurisdiction's own calls: `sf-week` is the SF week
   * (2016-12-31 to 2017-01-07) placed into the jurisdiction as an import with `relocate` places it
   * (seeded by `seed`), in memory: nothing is imported. Its calls within from..to; with origin `historical`.
   */
  sample: z.enum(['sf-week']).optional(),
}).superRefine((b, ctx) => {
  if (b.sample !== undefined && b.origin !== 'historical') ctx.addIssue({ code: 'custom', path: ['origin'], message: 'a sample is historical calls: send origin historical with it' });
});
export type ReplayRequest = z.input<typeof ReplayRequest>;
export type ReplayRequestBody = z.output<typeof ReplayRequest>;

/** One deployment's replay: its figures overall and by priority (the reports' arithmetic). */
export const ReplayRun = z.object({
  name: z.string(),
  units: z.number().int(),
  /** Calls no unit could be sent to (none of a kind fit, reachable and on duty when it waited). */
  unanswered: z.number().int(),
  /** Calls that waited for a unit to come free: every fitting unit was busy or off duty. */
  queued: z.number().int(),
  overall: ResponseGroup,
  groups: z.array(ResponseGroup),
});
export type ReplayRun = z.infer<typeof ReplayRun>;

/** Change of a tier's compliance (rate points, -1..1) and of p90 total (s) of `run` against `versus`. */
export const ReplayDelta = z.object({
  run: z.string(),
  versus: z.string(),
  key: z.string(),
  tiers: z.array(z.object({ tier: z.number().int(), complianceDelta: z.number().nullable() })),
  totalP90DeltaSeconds: z.number().int().nullable(),
});
export type ReplayDelta = z.infer<typeof ReplayDelta>;

export const ReplayResult = z.object({
  jurisdictionId: Id,
  jurisdictionPath: JurisdictionPath,
  from: Timestamp,
  to: Timestamp,
  origin: IncidentOrigin,
  seed: z.number().int(),
  withinSeconds: z.array(z.number().int()),
  calls: z.object({
    /** Calls of the period replayed (located on the road graph, times not in doubt). */
    replayed: z.number().int(),
    /** Calls without a location, or too far from any road of the deployment's graph. */
    offGraph: z.number().int(),
    /** Imported calls with a time in a DST-repeated or skipped hour. */
    doubtful: z.number().int(),
    /**
     * Replayed calls an import placed into the jurisdiction (`relocate`): their times, types and
     * durations are the source's, their places drawn from the jurisdiction's demand.
     */
    relocated: z.number().int(),
    /** The sources (files) those calls were relocated from. */
    relocatedFrom: z.array(z.string()),
  }),
  /** The same calls as recorded (their own units and times). */
  recorded: z.object({ overall: ResponseGroup, groups: z.array(ResponseGroup) }),
  /** The deployment replayed first, then `compare` when given. */
  runs: z.array(ReplayRun),
  deltas: z.array(ReplayDelta),
});
export type ReplayResult = z.infer<typeof ReplayResult>;
