import { z } from 'zod';
import type { Permission } from './auth.js';
import { Id, JurisdictionPath, Timestamp } from './common.js';

/**
 * The event catalogue: every fact the platform publishes, named in the past tense, with the
 * permission a stream client needs (on an ancestor of the event's jurisdiction) to receive it.
 */
export const EVENT_CATALOGUE = {
  'jurisdictions.created': { visibleWith: 'jurisdictions:read' },
  'jurisdictions.updated': { visibleWith: 'jurisdictions:read' },
  'jurisdictions.imported': { visibleWith: 'jurisdictions:read' },
  // Bulk onboarding: a file's batch of stations, units, staff or places written, or undone.
  'onboarding.imported': { visibleWith: 'jurisdictions:read' },
  'onboarding.undone': { visibleWith: 'jurisdictions:read' },
  'staff.created': { visibleWith: 'staff:read' },
  'staff.updated': { visibleWith: 'staff:read' },
  'staff.grant_added': { visibleWith: 'staff:read' },
  'staff.grant_revoked': { visibleWith: 'staff:read' },
  'auth.login_failed': { visibleWith: 'staff:read' },
  'auth.token_created': { visibleWith: 'staff:read' },
  'auth.token_revoked': { visibleWith: 'staff:read' },
  // A session ended by its holder; every node closes that session's open streams when it arrives.
  'auth.logged_out': { visibleWith: 'staff:read' },
  'mfa.enrolled': { visibleWith: 'staff:read' },
  'mfa.failed': { visibleWith: 'staff:read' },
  'mfa.locked': { visibleWith: 'staff:read' },
  'mfa.recovery_used': { visibleWith: 'staff:read' },
  'mfa.recovery_codes_regenerated': { visibleWith: 'staff:read' },
  'mfa.disabled': { visibleWith: 'staff:read' },
  'mfa.reset': { visibleWith: 'staff:read' },
  // A signed tree head of the audit log (AuditCheckpoint), for witnesses; national scope (no jurisdiction).
  'audit.checkpoint': { visibleWith: 'audit:read' },
  'places.created': { visibleWith: 'places:read' },
  'places.updated': { visibleWith: 'places:read' },
  'places.imported': { visibleWith: 'places:read' },
  'hazards.raised': { visibleWith: 'hazards:read' },
  'hazards.state_changed': { visibleWith: 'hazards:read' },
  'hazards.extension_requested': { visibleWith: 'hazards:read' },
  'hazards.extension_decided': { visibleWith: 'hazards:read' },
  'hazards.escalated': { visibleWith: 'hazards:read' },
  'hazards.supervision_listed': { visibleWith: 'hazards:read' },
  'hazards.evidence_added': { visibleWith: 'hazards:read' },
  'hazards.deadline_policy_set': { visibleWith: 'hazards:read' },
  'checklists.published': { visibleWith: 'places:read' },
  'inspections.recorded': { visibleWith: 'places:read' },
  'campaigns.issued': { visibleWith: 'places:read' },
  'campaigns.assignments_missed': { visibleWith: 'places:read' },
  'units.registered': { visibleWith: 'units:read' },
  'units.updated': { visibleWith: 'units:read' },
  'units.terminal_bound': { visibleWith: 'units:read' },
  'units.status_changed': { visibleWith: 'units:read' },
  'units.positions_reported': { visibleWith: 'units:read' },
  'incidents.opened': { visibleWith: 'incidents:read' },
  'incidents.history_imported': { visibleWith: 'incidents:read' },
  'incidents.history_undone': { visibleWith: 'incidents:read' },
  'incidents.caller_purged': { visibleWith: 'incidents:read' },
  'incidents.closed': { visibleWith: 'incidents:read' },
  'incidents.tier_met': { visibleWith: 'incidents:read' },
  'incidents.tier_missed': { visibleWith: 'incidents:read' },
  // Published at the parent jurisdiction's path: its duty officers receive it, the incident's own command does not.
  'incidents.escalated': { visibleWith: 'incidents:read' },
  'dispatch.unit_assigned': { visibleWith: 'incidents:read' },
  'dispatch.assignment_changed': { visibleWith: 'incidents:read' },
  /** An on-scene status that does not fit the unit's last fix or its ETA (`ArrivalDoubt` and the assignment). */
  'dispatch.arrival_doubted': { visibleWith: 'incidents:read' },
  'dispatch.response_plan_set': { visibleWith: 'units:read' },
  // Coverage (issue 16): a jurisdiction's default opening hours and move-up threshold; a move-up accepted (`CoverageMove`, at the unit's and the jurisdiction's paths).
  'coverage.settings_set': { visibleWith: 'units:read' },
  'coverage.closed_days_set': { visibleWith: 'places:read' },
  'coverage.move_up_ordered': { visibleWith: 'units:read' },
  // A move-up order cancelled or completed (`CoverageMove`); a recommendation pushed when dispatches took a jurisdiction below its threshold.
  'coverage.move_up_ended': { visibleWith: 'units:read' },
  'coverage.move_up_recommended': { visibleWith: 'units:read' },
  // Patrol plans (`PatrolPlan`): created, units assigned to its posts (also at each assigned unit's path, for its crew).
  'coverage.patrol_plan_created': { visibleWith: 'units:read' },
  'coverage.patrol_units_assigned': { visibleWith: 'units:read' },
  // Edited (title, shift, posts and windows) and cancelled (with who, when, why): at the plan's path and each of its units' paths.
  'coverage.patrol_plan_edited': { visibleWith: 'units:read' },
  'coverage.patrol_plan_cancelled': { visibleWith: 'units:read' },
  // At both incidents' paths (and the unit's): the unit left one incident for another in one step.
  'dispatch.unit_reassigned': { visibleWith: 'incidents:read' },
  'incidents.duplicate_linked': { visibleWith: 'incidents:read' },
  'incidents.duplicate_unlinked': { visibleWith: 'incidents:read' },
  // At both jurisdictions' paths.
  'mutual_aid.agreement_created': { visibleWith: 'units:read' },
  'mutual_aid.agreement_revoked': { visibleWith: 'units:read' },
  // At the providing jurisdiction's path: its command (duty officers, commanders) learns a neighbour sent one of its units.
  'mutual_aid.unit_sent': { visibleWith: 'units:manage' },
  // Reinforcement requests (data: the whole ReinforcementRequest), at the incident's path and the
  // path of the jurisdiction asked (requested, escalated: the new one; granted, refused: the one answering).
  'reinforcements.requested': { visibleWith: 'dispatch:assign' },
  'reinforcements.escalated': { visibleWith: 'dispatch:assign' },
  'reinforcements.granted': { visibleWith: 'dispatch:assign' },
  'reinforcements.refused': { visibleWith: 'dispatch:assign' },
  'reinforcements.closed': { visibleWith: 'dispatch:assign' },
  'posts.created': { visibleWith: 'jurisdictions:read' },
  'posts.handed_over': { visibleWith: 'jurisdictions:read' },
  // The directive (as the 201 answers it) with its `targetCount`; the targets are in `directives.delivered`.
  'directives.issued': { visibleWith: 'directives:read' },
  // One per directive (per 2,000 targets), at the issuer's path; `data.targets` lists each target as `{ jurisdictionId, jurisdictionPath }`
  // (its duty posts are the posts' own records: GET /posts?jurisdictionId=, GET /posts/:id/holder?at=).
  // Spread over its targets: a reader receives it when it may see one of them, with only those (`spreadFieldOf`).
  'directives.delivered': { visibleWith: 'directives:read', spread: 'targets' },
  'directives.acknowledged': { visibleWith: 'directives:read' },
  'directives.reported': { visibleWith: 'directives:read' },
  // At the parent's path of a target that missed its acknowledgement or report deadline.
  'directives.escalated': { visibleWith: 'directives:read' },
  'tasks.created': { visibleWith: 'directives:read' },
  'standing_duties.created': { visibleWith: 'directives:read' },
  'tasks.progress_reported': { visibleWith: 'directives:read' },
  'tasks.overdue': { visibleWith: 'directives:read' },
  'tasks.reassigned': { visibleWith: 'directives:read' },
  'tasks.redecomposed': { visibleWith: 'directives:read' },
  // At the parent jurisdiction's path of an overdue task, naming the parent's duty posts (as directives escalate).
  'tasks.escalated': { visibleWith: 'directives:read' },
  // Its required corrections are published as hazards.raised at the same path.
  'supervision.visit_recorded': { visibleWith: 'hazards:read' },
  // Major-incident command (issue 15), at the place's jurisdiction path: its command and every level above see them.
  'major_incidents.declared': { visibleWith: 'incidents:read' },
  'major_incidents.level_changed': { visibleWith: 'incidents:read' },
  'major_incidents.reported_up': { visibleWith: 'incidents:read' },
  'major_incidents.clock_missed': { visibleWith: 'incidents:read' },
  // At the informed level's path (above the command): a missed report-up or SITREP.
  'major_incidents.escalated': { visibleWith: 'incidents:read' },
  'major_incidents.position_created': { visibleWith: 'incidents:read' },
  'major_incidents.position_handed': { visibleWith: 'incidents:read' },
  'major_incidents.unit_assigned': { visibleWith: 'incidents:read' },
  'major_incidents.unit_released': { visibleWith: 'incidents:read' },
  'major_incidents.casualties_updated': { visibleWith: 'incidents:read' },
  'major_incidents.sitrep_submitted': { visibleWith: 'incidents:read' },
  'major_incidents.stood_down': { visibleWith: 'incidents:read' },
  'major_incidents.cordon_set': { visibleWith: 'incidents:read' },
  // A cordon removed: the roads it closed open again on every node.
  'major_incidents.cordon_lifted': { visibleWith: 'incidents:read' },
  // A staging area, traffic control point, access point or evacuation point added or removed.
  'major_incidents.point_added': { visibleWith: 'incidents:read' },
  'major_incidents.point_removed': { visibleWith: 'incidents:read' },
  // The outer cordon's traffic control points recomputed where roads cross it (drawn or redrawn).
  'major_incidents.traffic_points_computed': { visibleWith: 'incidents:read' },
  // A traffic control point given to a patrol unit (or taken off it).
  'major_incidents.traffic_point_assigned': { visibleWith: 'incidents:read' },
  // A patrol took an open traffic control point offered to it (its crew or a dispatcher for it).
  'major_incidents.traffic_point_taken': { visibleWith: 'incidents:read' },
  // Public warnings (CAP 1.2): each message as issued, with its identifier and XML address.
  'major_incidents.alert_issued': { visibleWith: 'incidents:read' },
  'major_incidents.alert_updated': { visibleWith: 'incidents:read' },
  'major_incidents.alert_cancelled': { visibleWith: 'incidents:read' },
  // Two-person approval: a message composed, then published by a second person or rejected.
  'major_incidents.alert_drafted': { visibleWith: 'incidents:read' },
  'major_incidents.alert_approved': { visibleWith: 'incidents:read' },
  'major_incidents.alert_draft_rejected': { visibleWith: 'incidents:read' },
  // Controlled goods (issue 18), at the site's path and its supervising jurisdiction's path.
  'goods.site_licensed': { visibleWith: 'places:read' },
  'goods.licence_renewed': { visibleWith: 'places:read' },
  'goods.transferred': { visibleWith: 'places:read' },
  'goods.reversed': { visibleWith: 'places:read' },
  'goods.reconciled': { visibleWith: 'hazards:read' },
  // The licence ends within its alert days, or has ended (with stock: a hazard is raised too).
  'goods.licence_expiring': { visibleWith: 'places:read' },
  'goods.licence_lapsed': { visibleWith: 'places:read' },
  // Transport permits: issued, a position of the vehicle, a geofence alert (to the supervising desk), received, cancelled.
  'goods.permit_issued': { visibleWith: 'places:read' },
  'goods.transport_position': { visibleWith: 'places:read' },
  'goods.transport_alert': { visibleWith: 'places:read' },
  'goods.permit_received': { visibleWith: 'places:read' },
  'goods.permit_cancelled': { visibleWith: 'places:read' },
  'goods.permit_terminal_bound': { visibleWith: 'places:read' },
} as const satisfies Record<string, { visibleWith: Permission; spread?: 'targets' }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/**
 * A spread event concerns many jurisdictions at once: its `data.targets` is a list of objects,
 * each with its own `jurisdictionPath`. It is stored and published once, and each reader receives
 * it when the permission reaches one of the targets, with `data.targets` cut down to those
 * (the event's own `jurisdictionPath` is the common ancestor, e.g. a directive's issuer).
 */
export function spreadFieldOf(type: string): 'targets' | undefined {
  const entry = (EVENT_CATALOGUE as Record<string, { spread?: 'targets' }>)[type];
  return entry?.spread;
}

/** What a stream client receives: one committed fact, in delivery order. */
export const StreamEvent = z.object({
  id: Id,
  /**
   * The delivery position; 0 for a broadcast (`units.positions_reported`: a passing state, never
   * stored as an event nor replayed). Resume (`?after=`) from the last event with a position > 0.
   */
  position: z.number().int(),
  type: z.string(),
  occurredAt: Timestamp,
  jurisdictionPath: JurisdictionPath.nullable(),
  data: z.unknown(),
});
export type StreamEvent = z.infer<typeof StreamEvent>;

/**
 * Control messages on the stream: `hello` first (with the event resumed from, if any), then the
 * replayed events, then `caught_up`; live events follow.
 */
export const StreamControl = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), resumedFrom: Id.nullable() }),
  z.object({ kind: z.literal('caught_up'), replayed: z.number().int() }),
  z.object({ kind: z.literal('error'), code: z.string(), detail: z.string() }),
]);

/**
 * `GET /events/recent`: the events of these types I may see since a moment (at most 7 days back),
 * newest first — what a screen opened now catches up on (e.g. escalations while signed out).
 */
export const RecentEventsQuery = z.strictObject({
  types: z.string().max(2000).refine((s) => s.split(',').every((t) => Object.hasOwn(EVENT_CATALOGUE, t)), 'event types of the catalogue, separated by commas'),
  since: Timestamp,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type RecentEventsQuery = z.infer<typeof RecentEventsQuery>;
