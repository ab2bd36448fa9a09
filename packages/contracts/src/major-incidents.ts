import { z } from 'zod';
import { GeoJsonPolygon, Id, JurisdictionPath, Latitude, Longitude, Position, Timestamp } from './common.js';
import { CapabilityName, REINFORCEMENT_TIMEOUT, ReinforcementState } from './reinforcements.js';
import { UnitKind } from './units.js';

/**
 * Major-incident command (issue 15): a declared incident run under a response level, with a
 * command structure, a casualty tally, report-up and SITREP clocks, and an after-action report.
 */

/** Response levels, I the gravest. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export const ResponseLevel = z.enum(RESPONSE_LEVELS);
export type ResponseLevel = z.infer<typeof ResponseLevel>;

/**
 * What a level means: its name, the depth of the jurisdiction that commands it (1 = the country,
 * 2 = a region, ...; null = the incident's own jurisdiction) and the casualty count from which it
 * is suggested. The level above the commanding jurisdiction must be informed (report-up clock).
 */
export const ResponseLevelRule = z.strictObject({
  level: ResponseLevel,
  name: z.string().trim().min(1).max(100),
  commandDepth: z.number().int().min(1).max(10).nullable(),
  minCasualties: z.number().int().min(0).max(1_000_000),
});
export type ResponseLevelRule = z.infer<typeof ResponseLevelRule>;

export const DEFAULT_RESPONSE_LEVELS: readonly ResponseLevelRule[] = [
  { level: 'I', name: 'Level I (national)', commandDepth: 1, minCasualties: 100 },
  { level: 'II', name: 'Level II (regional)', commandDepth: 2, minCasualties: 30 },
  { level: 'III', name: 'Level III (municipal)', commandDepth: 3, minCasualties: 10 },
  { level: 'IV', name: 'Level IV (local)', commandDepth: null, minCasualties: 0 },
];

/** One rule per level, I to IV in order, thresholds not increasing from I to IV. */
export const ResponseLevelRules = z
  .array(ResponseLevelRule)
  .length(RESPONSE_LEVELS.length)
  .refine((rs) => rs.every((r, i) => r.level === RESPONSE_LEVELS[i]), 'one rule per level, I, II, III, IV in order')
  .refine((rs) => rs.every((r, i) => i === 0 || r.minCasualties <= rs[i - 1]!.minCasualties), 'casualty thresholds do not increase from level I to IV');

/** Triage categories of the casualty tally: counts only, never a person. */
export const TRIAGE_CATEGORIES = ['immediate', 'delayed', 'minor', 'deceased'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];
const Count = z.number().int().min(0).max(100_000);
export const CasualtyCounts = z.strictObject({ immediate: Count, delayed: Count, minor: Count, deceased: Count });
export type CasualtyCounts = z.infer<typeof CasualtyCounts>;
export const CasualtyTally = CasualtyCounts.extend({ total: z.number().int().min(0) });
export type CasualtyTally = z.infer<typeof CasualtyTally>;

/** The report-up clock: a first report and a written report to the level above, each by a deadline. */
export const REPORT_UP_KINDS = ['first', 'written'] as const;
export const ReportUpKind = z.enum(REPORT_UP_KINDS);
export type ReportUpKind = z.infer<typeof ReportUpKind>;
export const ReportUpClock = z.object({
  kind: ReportUpKind,
  minutes: z.number(),
  deadlineAt: Timestamp,
  metAt: Timestamp.nullable(),
  missedAt: Timestamp.nullable(),
});
export type ReportUpClock = z.infer<typeof ReportUpClock>;

export const COMMAND_ROLES = ['commander', 'section', 'sector'] as const;
export const CommandRole = z.enum(COMMAND_ROLES);
export type CommandRole = z.infer<typeof CommandRole>;
/** The ICS/NIMS general-staff sections, named plainly. */
export const SECTIONS = ['operations', 'planning', 'logistics', 'finance_admin'] as const;
export const Section = z.enum(SECTIONS);
export type Section = z.infer<typeof Section>;

export const PositionHolder = z.object({
  postId: Id,
  postTitle: z.string(),
  postJurisdictionPath: JurisdictionPath,
  /** Who holds the post now (modules/posts); null while it is vacant. */
  person: z.object({ userId: Id, displayName: z.string() }).nullable(),
  since: Timestamp,
});
export const SectorUnit = z.object({ unitId: Id, callSign: z.string(), kind: z.string(), since: Timestamp });
export const CommandPosition = z.object({
  id: Id,
  role: CommandRole,
  section: Section.nullable(),
  /** A sector's name ("North", "Market hall"); null for the commander and the sections. */
  name: z.string().nullable(),
  holder: PositionHolder.nullable(),
  units: z.array(SectorUnit),
  casualties: CasualtyTally.nullable(),
  createdAt: Timestamp,
});
export type CommandPosition = z.infer<typeof CommandPosition>;

const JurisdictionRef = z.object({ id: Id, path: JurisdictionPath, name: z.string() });

/** Cordons: an inner and an outer; a closed one closes the roads inside it for routing. */
export const CORDON_KINDS = ['inner', 'outer'] as const;
export const CordonKind = z.enum(CORDON_KINDS);
export type CordonKind = z.infer<typeof CordonKind>;
/** A drawn polygon (closed, 2-D, not self-intersecting: PostGIS checks), or a radius around the major incident's point. */
export const CordonBody = z
  .strictObject({
    area: GeoJsonPolygon.optional(),
    radiusM: z.number().int().min(10).max(20_000).optional(),
    /** Close the roads inside to traffic: dispatch routes and recommendations avoid them until lifted or opened. */
    closeRoads: z.boolean().default(false),
  })
  .refine((b) => (b.area === undefined) !== (b.radiusM === undefined), { message: 'give either an area or a radius', path: ['area'] });
export type CordonBody = z.infer<typeof CordonBody>;
export const CordonParams = z.strictObject({ id: Id, kind: CordonKind });
export const Cordon = z.object({
  kind: CordonKind,
  area: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  radiusM: z.number().nullable(),
  closesRoads: z.boolean(),
  setAt: Timestamp,
  /** Key places inside (schools, kindergartens, fuel and hazardous sites, hospitals…): counts by category and the places by name. */
  keyPlaces: z.array(z.object({ id: Id, name: z.string(), category: z.string() })),
  keyPlaceCounts: z.record(z.string(), z.number().int()),
  /** OSM buildings inside (their centroids): an evacuation estimate, with no person data. */
  buildings: z.number().int(),
});
export type Cordon = z.infer<typeof Cordon>;

/** Points of the incident's ground: where resources gather, where traffic is held, ways in and out, where people are taken. */
export const MAJOR_POINT_KINDS = ['staging', 'traffic_control', 'access', 'evacuation'] as const;
export const MajorPointKind = z.enum(MAJOR_POINT_KINDS);
export type MajorPointKind = z.infer<typeof MajorPointKind>;
export const MajorPoint = z.object({
  id: Id, kind: MajorPointKind, name: z.string(), location: z.tuple([Longitude, Latitude]), note: z.string().nullable(), createdAt: Timestamp,
  /** Set on a traffic control point computed where roads cross that cordon (it ends when the cordon is lifted); null for a point the command placed. */
  cordon: CordonKind.nullable(),
  /** How many road crossings a computed control point holds. */
  roads: z.number().int().nullable(),
  /** The patrol unit holding the point (a traffic control point offered to patrols), since when. */
  patrol: z.object({ unitId: Id, callSign: z.string(), since: Timestamp }).nullable(),
});
export type MajorPoint = z.infer<typeof MajorPoint>;
/** A point as the after-action report lists it: with when it was removed (or ended with its cordon). */
export const MajorPointRecord = MajorPoint.extend({ removedAt: Timestamp.nullable() });
export type MajorPointRecord = z.infer<typeof MajorPointRecord>;
/** Give a traffic control point to a patrol unit (it moves from any point it held); `unitId: null` takes the patrol off. */
export const AssignTrafficPointBody = z.strictObject({ unitId: Id.nullable() });
export type AssignTrafficPointBody = z.infer<typeof AssignTrafficPointBody>;
/** A patrol takes an open traffic control point offered to it (its crew, or a dispatcher for it). */
export const TakeTrafficPointBody = z.strictObject({ unitId: Id });
export type TakeTrafficPointBody = z.infer<typeof TakeTrafficPointBody>;
/**
 * An open traffic control point of an active major incident, offered to the caller's patrol units
 * near it (in the commanding jurisdiction, or working in one of its sectors), nearest first.
 */
export const TrafficPointOffer = z.object({
  majorIncidentId: Id, title: z.string(), exercise: z.boolean(),
  pointId: Id, name: z.string(), location: z.tuple([Longitude, Latitude]), cordon: CordonKind.nullable(), roads: z.number().int().nullable(),
  /** The caller's patrol units that may take it (holding no point), with the straight distance from their last fix or home. */
  patrols: z.array(z.object({ unitId: Id, callSign: z.string(), kind: UnitKind, metres: z.number() })),
});
export type TrafficPointOffer = z.infer<typeof TrafficPointOffer>;
/**
 * Start the scripted gas-explosion exercise on the running server: it plays over its timeline
 * (ten minutes at speed 1) through the server's own commands, marked exercise everywhere.
 */
export const StartExerciseBody = z.strictObject({
  /** Where the explosion happens (default Vaduz market square). */
  at: z.tuple([Longitude, Latitude]).optional(),
  /** Times faster than real time: 1 plays the script in ten minutes, 10 in one (default 1). */
  speed: z.number().gt(0).max(10_000).optional(),
});
export type StartExerciseBody = z.infer<typeof StartExerciseBody>;
export const ExerciseStarted = z.object({
  scenario: z.literal('gas-explosion'), at: z.tuple([Longitude, Latitude]), speed: z.number(),
  /** How long the script takes to play at this speed. */
  minutes: z.number(), startedAt: Timestamp,
});
export type ExerciseStarted = z.infer<typeof ExerciseStarted>;
export const AddMajorPointBody = z.strictObject({ kind: MajorPointKind, name: z.string().trim().min(1).max(100), location: z.tuple([Longitude, Latitude]), note: z.string().trim().max(1000).optional() });
export type AddMajorPointBody = z.infer<typeof AddMajorPointBody>;
export const MajorPointParams = z.strictObject({ id: Id, pointId: Id });

export const MajorIncidentSummary = z.object({
  id: Id,
  incidentId: Id.nullable(),
  title: z.string(),
  level: ResponseLevel,
  levelName: z.string(),
  exercise: z.boolean(),
  state: z.enum(['active', 'stood_down']),
  location: z.tuple([Longitude, Latitude]),
  jurisdiction: JurisdictionRef,
  /** The jurisdiction that commands it, set by the level. */
  command: JurisdictionRef,
  /** The level above the command, to be informed on the report-up clock. */
  inform: JurisdictionRef,
  declaredAt: Timestamp,
  declaredBy: z.string().nullable(),
  stoodDownAt: Timestamp.nullable(),
  reportUp: z.array(ReportUpClock),
  sitrep: z.object({ intervalMinutes: z.number(), dueAt: Timestamp.nullable(), lastAt: Timestamp.nullable(), count: z.number().int(), missed: z.number().int() }),
  casualties: CasualtyTally,
  version: z.number().int(),
});
export type MajorIncidentSummary = z.infer<typeof MajorIncidentSummary>;
export const MajorIncident = MajorIncidentSummary.extend({ positions: z.array(CommandPosition), cordons: z.array(Cordon), points: z.array(MajorPoint) });
export type MajorIncident = z.infer<typeof MajorIncident>;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DeclareMajorIncidentBody = z
  .strictObject({
    /** The incident it grows from; or `location` for a declaration at a point. */
    incidentId: Id.optional(),
    location: z.tuple([Longitude, Latitude]).optional(),
    title: Text(200),
    /** The commander's call; without it the level is suggested from `casualtiesEstimate`. */
    level: ResponseLevel.optional(),
    casualtiesEstimate: z.number().int().min(0).max(1_000_000).optional(),
    exercise: z.boolean().default(false),
  })
  .refine((b) => (b.incidentId === undefined) !== (b.location === undefined), { message: 'give either incidentId or location', path: ['incidentId'] })
  .refine((b) => b.level !== undefined || b.casualtiesEstimate !== undefined, { message: 'give a level, or a casualties estimate to suggest one', path: ['level'] });
export type DeclareMajorIncidentBody = z.infer<typeof DeclareMajorIncidentBody>;

export const ChangeLevelBody = z.strictObject({ level: ResponseLevel, reason: Text(1000) });
export type ChangeLevelBody = z.infer<typeof ChangeLevelBody>;

export const ReportUpBody = z.strictObject({ kind: ReportUpKind, text: Text(10_000) });
export type ReportUpBody = z.infer<typeof ReportUpBody>;

export const CreatePositionBody = z
  .strictObject({ role: CommandRole, section: Section.optional(), name: Text(100).optional(), postId: Id })
  .refine((b) => (b.role === 'section') === (b.section !== undefined), { message: 'a section position names its section, no other does', path: ['section'] })
  .refine((b) => (b.role === 'sector') === (b.name !== undefined), { message: 'a sector has a name, no other position does', path: ['name'] });
export type CreatePositionBody = z.infer<typeof CreatePositionBody>;
export const HandPositionBody = z.strictObject({ postId: Id });
export type HandPositionBody = z.infer<typeof HandPositionBody>;

export const PositionParams = z.strictObject({ id: Id, positionId: Id });
export const SectorUnitParams = z.strictObject({ id: Id, positionId: Id, unitId: Id });
export const ReleaseUnitParams = z.strictObject({ id: Id, unitId: Id });

export const Resources = z.strictObject({
  units: z.number().int().min(0).max(100_000),
  note: z.string().trim().max(2000).default(''),
});
/**
 * A SITREP's resources requested, raised as a reinforcement request (modules/reinforcements) to the
 * level above the command in the same transaction: `count` units of a kind and/or a capability.
 */
export const SitrepReinforcement = z.strictObject({
  kind: UnitKind.optional(),
  capability: CapabilityName.optional(),
  count: z.number().int().min(1).max(20),
  timeoutSeconds: z.number().int().min(REINFORCEMENT_TIMEOUT.min).max(REINFORCEMENT_TIMEOUT.max).default(REINFORCEMENT_TIMEOUT.default),
}).refine((b) => b.kind !== undefined || b.capability !== undefined, { message: 'name a unit kind, a capability, or both', path: ['kind'] });
export type SitrepReinforcement = z.infer<typeof SitrepReinforcement>;
export const SitrepBody = z.strictObject({
  situation: Text(10_000),
  resourcesCommitted: Resources,
  resourcesRequested: Resources,
  cordonStatus: Text(2000),
  nextSteps: Text(10_000),
  reinforcement: SitrepReinforcement.optional(),
});
export type SitrepBody = z.infer<typeof SitrepBody>;
export const Sitrep = z.object({
  id: Id,
  majorIncidentId: Id,
  seq: z.number().int(),
  submittedAt: Timestamp,
  submittedBy: z.string(),
  /** The commander's post it was submitted for, and whether its holder or someone above on its behalf sent it. */
  postTitle: z.string().nullable(),
  onBehalf: z.boolean(),
  dueAt: Timestamp.nullable(),
  late: z.boolean(),
  casualties: CasualtyTally,
  situation: z.string(),
  resourcesCommitted: Resources,
  resourcesRequested: Resources,
  cordonStatus: z.string(),
  nextSteps: z.string(),
  /** The reinforcement request this SITREP raised, as it stands now (asked of whom, granted so far). */
  reinforcement: z.object({
    requestId: Id, state: ReinforcementState, kind: UnitKind.nullable(), capability: z.string().nullable(), count: z.number().int(), granted: z.number().int(),
    targetPath: JurisdictionPath.nullable(),
  }).nullable(),
});
export type Sitrep = z.infer<typeof Sitrep>;

export const MajorIncidentListQuery = z.strictObject({
  state: z.enum(['active', 'stood_down']).optional(),
  /** Unset: both, each marked; `false` for live reports. */
  exercise: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const MajorTimelineEntry = z.object({ at: Timestamp, action: z.string(), actor: z.string().nullable(), detail: z.record(z.string(), z.unknown()).nullable() });
export const AfterActionReport = z.object({
  majorIncident: MajorIncident,
  generatedAt: Timestamp,
  clocks: z.object({ reportUp: z.array(ReportUpClock), sitreps: z.object({ submitted: z.number().int(), late: z.number().int(), missed: z.number().int() }) }),
  sitreps: z.array(Sitrep),
  /** Units per sector over time: each assignment with its start and end. */
  resources: z.array(z.object({ unitId: Id, callSign: z.string(), sector: z.string(), from: Timestamp, to: Timestamp.nullable() })),
  /** Every point of the ground the incident had (staging, traffic control, access, evacuation), removed ones with when. */
  points: z.array(MajorPointRecord),
  timeline: z.array(MajorTimelineEntry),
});
export type AfterActionReport = z.infer<typeof AfterActionReport>;

/**
 * Hospitals (`amenity=hospital` key places) by road travel time for an ambulance from the scene,
 * or from the staging or access point when the scene is inside a cordon that closes its roads.
 */
export const MajorHospitals = z.object({
  from: z.object({ kind: z.enum(['scene', 'staging', 'access']), name: z.string().nullable(), location: z.tuple([z.number(), z.number()]) }),
  hospitals: z.array(z.object({
    placeId: Id,
    name: z.string(),
    location: z.tuple([z.number(), z.number()]),
    /** As the crow flies, in metres. */
    straightMetres: z.number(),
    /** By road, in metres and seconds; null when no road reaches it. */
    roadMetres: z.number().nullable(),
    travelSeconds: z.number().nullable(),
  })),
});
export type MajorHospitals = z.infer<typeof MajorHospitals>;

/**
 * The SITREP roll-up of every active major incident in the caller's area, for a level above the
 * commands (a national duty officer): each with its latest SITREP, totals, and by area (the
 * jurisdictions one level below the caller's).
 */
export const SitrepRollupQuery = z.strictObject({
  /** Unset: live and exercises, each marked; `false` for live only. */
  exercise: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
const RollupFigures = z.object({
  active: z.number().int(),
  /** Casualties as the latest SITREPs report them. */
  casualties: CasualtyTally,
  /** Units committed and requested, as the latest SITREPs report them. */
  unitsCommitted: z.number().int(),
  unitsRequested: z.number().int(),
  /** Major incidents whose next SITREP is past due now. */
  sitrepsOverdue: z.number().int(),
  /** Major incidents without any SITREP yet. */
  withoutSitrep: z.number().int(),
});
export const SitrepRollup = z.object({
  generatedAt: Timestamp,
  totals: RollupFigures.extend({ byLevel: z.record(ResponseLevel, z.number().int()) }),
  areas: z.array(RollupFigures.extend({ path: JurisdictionPath, name: z.string() })),
  incidents: z.array(z.object({
    id: Id, title: z.string(), level: ResponseLevel, exercise: z.boolean(), jurisdictionPath: JurisdictionPath, sitrepDueAt: Timestamp.nullable(), overdue: z.boolean(),
    last: z.object({ seq: z.number().int(), submittedAt: Timestamp, late: z.boolean(), casualties: CasualtyTally, unitsCommitted: z.number().int(), unitsRequested: z.number().int(), situation: z.string() }).nullable(),
  })),
});
export type SitrepRollup = z.infer<typeof SitrepRollup>;
