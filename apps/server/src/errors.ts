/**
 * The error catalogue: every error a client can see, with a stable code, its HTTP status and
 * a title. docs/errors.md is generated from this table and a test keeps the two in step.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_REQUEST: { status: 400, title: 'The request could not be read' },
  AUTH_REQUIRED: { status: 401, title: 'Authentication is required' },
  AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password' },
  AUTH_SESSION_IDLE: { status: 401, title: 'The session ended after a period without activity; sign in again' },
  AUTH_LOGIN_THROTTLED: { status: 429, title: 'Too many failed sign-ins from this address; wait before trying again' },
  AUTH_ACCOUNT_DISABLED: { status: 403, title: 'The account is disabled' },
  AUTH_MFA_CODE_INVALID: { status: 401, title: 'The one-time code is wrong, expired or already used' },
  AUTH_MFA_TICKET_INVALID: { status: 401, title: 'The sign-in step has expired or is no longer valid; sign in again' },
  AUTH_MFA_LOCKED: { status: 423, title: 'Too many wrong one-time codes; try again later' },
  MFA_REQUIRED_FOR_ROLE: { status: 409, title: 'Two-factor sign-in is required for your role and cannot be turned off' },
  FORBIDDEN: { status: 403, title: 'Not allowed in your jurisdiction scope' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'Requests from that web origin are not accepted' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  GRANT_OWN_ACCOUNT: { status: 403, title: 'Your own roles are granted and revoked by another administrator' },
  DUTIES_NOT_SEPARATED: { status: 409, title: 'One account may not hold the administrator and the auditor role over the same jurisdictions' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'The Idempotency-Key was already used with a different request',
  },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  GEOMETRY_INVALID: { status: 400, title: 'The geometry is not valid' },
  JURISDICTION_BOUNDARY_OUTSIDE_PARENT: { status: 422, title: "The boundary reaches beyond its parent jurisdiction's boundary" },
  JURISDICTION_BOUNDARY_OVERLAPS: { status: 422, title: 'The boundary overlaps the area of another jurisdiction' },
  JURISDICTION_BOUNDARY_CUTS_CHILD: { status: 422, title: 'The boundary would leave part of a jurisdiction under it outside' },
  JURISDICTION_LEVEL_INVALID: { status: 422, title: "The level is not one of the organisation's configured levels, or not deeper than the parent's" },
  PLACE_OUTSIDE_JURISDICTION: { status: 422, title: "The place's geometry lies outside its jurisdiction" },
  NO_JURISDICTION_AT_POINT: { status: 404, title: 'No jurisdiction contains that point' },
  HAZARD_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The hazard is not in a state that allows this step' },
  UNIT_CALL_SIGN_TAKEN: { status: 409, title: 'Another unit already has that call sign' },
  UNIT_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The unit is not in a state that allows this step' },
  DISPATCH_UNIT_UNAVAILABLE: { status: 409, title: 'The unit is not available for dispatch' },
  ASSIGNMENT_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The assignment is not in a state that allows this step' },
  INCIDENT_CLOSED: { status: 409, title: 'The incident is closed' },
  INCIDENT_UNITS_COMMITTED: { status: 409, title: 'Units are still committed to the incident' },
  INCIDENT_IS_DUPLICATE: { status: 409, title: 'The incident is linked as a duplicate; act on the incident it duplicates' },
  INCIDENT_DUPLICATE_NOT_ALLOWED: { status: 409, title: 'The incident cannot be linked as a duplicate of that one' },
  INCIDENT_NOT_DUPLICATE: { status: 409, title: 'The incident is not linked as a duplicate' },
  DISPATCH_REASSIGN_NOT_ALLOWED: { status: 409, title: 'The assignment cannot be reassigned that way' },
  MUTUAL_AID_NESTED: { status: 422, title: 'The two jurisdictions lie one inside the other and need no agreement' },
  MUTUAL_AID_REVOKED: { status: 409, title: 'The mutual aid agreement was already ended' },
  REINFORCEMENT_TARGET_INVALID: { status: 422, title: 'A reinforcement request goes to the level above the incident or to a neighbour of its jurisdiction' },
  REINFORCEMENT_NOT_OPEN: { status: 409, title: 'The reinforcement request is no longer open (fulfilled, exhausted or cancelled)' },
  REINFORCEMENT_NOT_ADDRESSED: { status: 403, title: 'The reinforcement request is not addressed to a jurisdiction where you may send units' },
  REINFORCEMENT_UNIT_NOT_LENDABLE: { status: 422, title: 'A unit granted is not yours to lend, or not of the kind or capability asked for' },
  REINFORCEMENT_UNIT_UNAVAILABLE: { status: 409, title: 'A unit granted is not available (busy, off duty, or already lent for the incident)' },
  REINFORCEMENT_TOO_MANY: { status: 422, title: 'More units granted than the request still asks for' },
  DIRECTIVE_TARGET_OUTSIDE_SUBTREE: { status: 422, title: "A directive's target is not in the issuer's subtree" },
  DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The directive target is not in a state that allows this step' },
  TASK_OWNER_OUTSIDE_SUBTREE: { status: 422, title: "The task's owner post is not under the task it breaks down (or the directive's targets, the campaign's issuer or scope)" },
  TASK_HAS_SUBTASKS: { status: 409, title: 'The progress of a task with subtasks is rolled up from them' },
  TASK_CHANGE_NOT_ALLOWED: { status: 409, title: "The task cannot be changed that way (same owner, nothing changed, a move under itself, or a standing duty's period task moved from the top)" },
  MAJOR_INCIDENT_ALREADY_DECLARED: { status: 409, title: 'A major incident is already declared for that incident' },
  MAJOR_INCIDENT_STOOD_DOWN: { status: 409, title: 'The major incident has been stood down' },
  MAJOR_INCIDENT_POSITION_TAKEN: { status: 409, title: 'The command structure already has that position (one commander, one of each section, sector names unique)' },
  MAJOR_INCIDENT_NOT_A_SECTOR: { status: 422, title: 'Units and casualties are recorded on a sector of the command structure' },
  MAJOR_INCIDENT_UNIT_ELSEWHERE: { status: 409, title: 'The unit is assigned to another major incident; release it there first' },
  MAJOR_INCIDENT_NO_COMMANDER: { status: 409, title: 'The major incident has no incident commander yet; appoint one first' },
  MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE: { status: 422, title: "The cordon reaches beyond the commanding jurisdiction's area, or the inner cordon beyond the outer one" },
  MAJOR_INCIDENT_NO_CORDON: { status: 409, title: 'The major incident has no such cordon drawn' },
  MAJOR_INCIDENT_NOT_A_TRAFFIC_POINT: { status: 422, title: 'Patrol units are given traffic control points only' },
  MAJOR_INCIDENT_POINT_HELD: { status: 409, title: 'Another patrol already holds that traffic control point; it is no longer offered' },
  MAJOR_INCIDENT_PATROL_NOT_NEAR: { status: 422, title: "The patrol is neither in the commanding jurisdiction nor working in one of the incident's sectors; the command gives it a point instead" },
  MAJOR_INCIDENT_EXERCISE_RUNNING: { status: 409, title: 'A scripted exercise is already playing on this server; let it finish first' },
  MAJOR_INCIDENT_NOT_A_PATROL: { status: 422, title: 'A traffic control point is held by a patrol unit (patrol car, foot, bicycle or motorcycle patrol)' },
  MAJOR_INCIDENT_NO_INCIDENT: { status: 422, title: 'A major incident declared at a point has no incident to lend reinforcements to; declare it from the incident' },
  MAJOR_INCIDENT_ALERT_LANGUAGES: { status: 422, title: "A public alert carries one text in each of the agency's alert languages, and no other" },
  MAJOR_INCIDENT_ALERT_NOT_FOUND: { status: 404, title: 'No such public alert of this major incident' },
  MAJOR_INCIDENT_ALERT_CANCELLED: { status: 409, title: 'The public alert has been cancelled; issue a new one' },
  MAJOR_INCIDENT_ALERT_SELF_APPROVAL: { status: 403, title: 'A public alert needs a second person: its composer cannot approve it' },
  MAJOR_INCIDENT_ALERT_DRAFT_NOT_FOUND: { status: 404, title: 'No such public alert draft of this major incident' },
  MAJOR_INCIDENT_ALERT_DRAFT_DECIDED: { status: 409, title: 'The public alert draft has already been published or rejected' },
  MAJOR_INCIDENT_CHANGE_NOT_ALLOWED: { status: 409, title: 'The major incident cannot be changed that way (same level, post already holding the position, report already sent, or unit not assigned)' },
  GOODS_SITE_EXISTS: { status: 409, title: 'The place already holds a licence; renew or change that one' },
  GOODS_NOT_LICENSED: { status: 422, title: 'The site is not licensed to hold that item' },
  GOODS_LICENCE_NOT_VALID: { status: 409, title: 'The licence is not valid now (lapsed or not yet in force): the site may not take goods in' },
  GOODS_INSUFFICIENT_BALANCE: { status: 409, title: 'The movement takes more than the site holds of that item (no balance may go below zero)' },
  GOODS_LICENCE_MAXIMUM_EXCEEDED: { status: 409, title: "The movement would bring the site's stock of the item above its licence's maximum" },
  GOODS_LICENCE_BELOW_STOCK: { status: 409, title: 'The licence would allow less than the site holds now (or drop an item it holds): move the stock out first' },
  GOODS_ITEM_CONFLICT: { status: 422, title: 'The item is already known with another unit, class or kind (an item is measured the same everywhere)' },
  GOODS_TRANSFER_EXISTS: { status: 409, title: 'A different movement was already recorded with that id' },
  GOODS_TRANSFER_REVERSED: { status: 409, title: 'The movement was already reversed (or is itself a reversal)' },
  GOODS_ROUTE_NONE: { status: 422, title: 'No road route between the sites keeps out of the protected zones (schools and kindergartens in their hours, cordons)' },
  GOODS_PERMIT_OUTSIDE_SCOPE: { status: 422, title: 'The approved route would leave the jurisdictions you may issue permits for' },
  GOODS_PERMIT_FINISHED: { status: 409, title: 'The transport permit is finished (arrived, received or cancelled): it takes no more fixes or changes' },
  BOUNDARY_FEATURES_REJECTED: { status: 422, title: 'Features of the boundary file cannot be imported; nothing was imported (fix them, or import the rest with allowPartial)' },
  HISTORY_ROWS_REJECTED: { status: 422, title: 'Rows of the CAD export cannot be read; nothing was imported (fix them, or import the rest with allowPartial)' },
  ONBOARD_ROWS_REJECTED: { status: 422, title: 'Rows of the onboarding file were rejected; nothing was written (fix them, or load the rest with allowPartial)' },
  TRACE_WINDOW_INVALID: { status: 400, title: 'The accountability trace needs an incident, or a place with a time window of at most 366 days' },
  UPLOAD_TOO_LARGE: { status: 413, title: 'The uploaded file is larger than allowed' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, title: 'The uploaded file is not of an allowed type' },
  PLACEMENT_MODEL_INVALID: { status: 422, title: 'The placement model cannot be solved as given (more posts than candidates, no demand, a negative weight, a time limit of zero, or demand no candidate reaches)' },
  PLACEMENT_TOO_LARGE: { status: 413, title: 'The placement model is larger than the configured limits' },
  COVERAGE_HOURS_INVALID: { status: 422, title: 'Opening hours that cannot be read (OSM opening_hours syntax, e.g. "Mo-Fr 07:30-16:30")' },
  PATROL_UNIT_CLASH: { status: 409, title: 'The unit already holds a post of another active patrol plan in an overlapping window' },
  PATROL_PLAN_CANCELLED: { status: 409, title: 'The patrol plan is cancelled: it takes no assignments or edits' },
  PATROL_PLAN_BEGUN: { status: 409, title: 'That part of the patrol plan has begun (or the shift is over): only what has not yet begun may change' },
  PATROL_PLAN_STALE: { status: 409, title: 'The patrol plan was changed since you read it (another version); reload it and edit again' },
  MOVE_UP_UNIT_UNAVAILABLE: { status: 409, title: 'A unit of the move-up is no longer available, on duty or yours to move; ask for a new recommendation' },
  REPLAY_DEPLOYMENT_INVALID: { status: 422, title: 'The deployment to replay cannot be used as given (a call sign it does not hold, one named twice, an unknown time zone, or no unit left)' },
  REPLAY_TOO_LARGE: { status: 413, title: 'The replay is larger than the limits (calls of the period, units, days, or calls x units)' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'A backing service is unavailable' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  /** Where the problem is, e.g. `body.grants.0.role` or `query.lon`. */
  path: string;
  message: string;
}

/** The one error type of the application: everything a handler throws on purpose is an AppError. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly options: { fields?: FieldError[]; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
    this.title = ERROR_CATALOGUE[code].title;
  }

  get fields(): FieldError[] | undefined {
    return this.options.fields;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail?: string): AppError => new AppError('FORBIDDEN', detail);
export const invalidField = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, { fields: [{ path, message }] });
