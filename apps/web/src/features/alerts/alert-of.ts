import type { StreamEvent } from '@firebreak/contracts';

export type AlertSeverity = 'critical' | 'warning' | 'info';

/** What happened, in words the alerts panel has a title and a text for (`alerts.<kind>.*`). */
export type AlertKind = 'incidentEscalated' | 'unitLent' | 'directiveDelivered' | 'directiveEscalated' | 'taskEscalated' | 'hazardEscalated' | 'assignmentsMissed' | 'reinforcementAsked' | 'reinforcementGranted' | 'majorEscalated' | 'transportAlert';

/** The event types that may make an alert (what a screen opened now catches up on). */
export const ALERT_EVENT_TYPES = ['incidents.escalated', 'mutual_aid.unit_sent', 'directives.delivered', 'directives.escalated', 'tasks.escalated', 'hazards.escalated', 'campaigns.assignments_missed', 'reinforcements.requested', 'reinforcements.escalated', 'reinforcements.granted', 'major_incidents.escalated', 'goods.transport_alert'] as const;

export const ALERT_KINDS: readonly AlertKind[] = ['incidentEscalated', 'unitLent', 'directiveDelivered', 'directiveEscalated', 'taskEscalated', 'hazardEscalated', 'assignmentsMissed', 'reinforcementAsked', 'reinforcementGranted', 'majorEscalated', 'transportAlert'];

/**
 * One thing a person must notice, made from one stream event. It keeps raw values (paths, enum
 * values, ISO times), not sentences: it is stored per user and shown in whatever language is on.
 */
export interface Alert {
  /** The event's id: the same event never alerts twice (a replay after a reconnect). */
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** When it happened (the event's `occurredAt`). */
  at: string;
  /** From a simulated incident: an exercise, and it must say so. */
  simulated: boolean;
  /** Where opening the alert goes (an app route). */
  link: string;
  params: Record<string, string | number>;
}

/** Who is looking: the part of `/auth/me` that decides what is addressed to them. */
export interface AlertViewer {
  id: string;
  grants: readonly { jurisdictionPath: string }[];
}

/** `path` is `root` or below it. */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

const withinMyGrants = (me: AlertViewer, path: string) => me.grants.some((g) => isWithin(path, g.jurisdictionPath));
const atMyLevel = (me: AlertViewer, path: string) => me.grants.some((g) => g.jurisdictionPath === path);

type Data = Record<string, unknown>;
const str = (d: Data, key: string): string | undefined => (typeof d[key] === 'string' && d[key] !== '' ? d[key] : undefined);
const num = (d: Data, key: string): number | undefined => (typeof d[key] === 'number' && Number.isFinite(d[key]) ? d[key] : undefined);
const obj = (d: Data, key: string): Data => (typeof d[key] === 'object' && d[key] !== null ? (d[key] as Data) : {});

/**
 * The alert an event calls for, for this user, or null. Only what is addressed to the user's level
 * alerts: an escalation that went up to a jurisdiction within their grants, a directive delivered
 * to a jurisdiction they hold, missed inspections of a campaign issued at their level, one of
 * their units lent to a neighbour by someone else. Routine events (an incident opened, a tier
 * missed on the incident's own board, a task overdue at its own post) only refresh the screens.
 */
export function alertOf(event: StreamEvent, me: AlertViewer): Alert | null {
  const d = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
  const base = { id: event.id, at: event.occurredAt, simulated: false };
  switch (event.type) {
    case 'incidents.escalated': {
      const [incidentId, to, place, priority, type, tier, label, due] = [
        str(d, 'incidentId'), str(d, 'escalatedToPath'), str(d, 'jurisdictionPath'), str(d, 'priority'), str(d, 'type'), num(d, 'tier'), str(d, 'label'), str(d, 'deadlineAt'),
      ];
      if (!incidentId || !to || !place || !priority || !type || tier === undefined || !label || !due || !withinMyGrants(me, to)) return null;
      // What the tier asked for, so the reader's language can word it (`describeAlert`); an event from before it was sent keeps the label.
      const requirement = str(d, 'requirement');
      const goal: Record<string, string | number> = (requirement === 'responded' || requirement === 'on_scene') ? { requirement, units: num(d, 'units') ?? 1 } : {};
      return {
        ...base, kind: 'incidentEscalated', severity: priority === 'P1' || priority === 'P2' ? 'critical' : 'warning',
        simulated: d.origin === 'simulated', link: `/incidents/${incidentId}`,
        params: { priority, type, tier, label, place, to, due, ...goal },
      };
    }
    case 'mutual_aid.unit_sent': {
      const [incident, sentBy] = [obj(d, 'incident'), obj(d, 'sentBy')];
      const [callSign, providing, requesting, priority, type, by] = [
        str(d, 'callSign'), str(d, 'providingJurisdictionPath'), str(d, 'requestingJurisdictionPath'), str(incident, 'priority'), str(incident, 'type'), str(sentBy, 'name'),
      ];
      if (!callSign || !providing || !requesting || !priority || !type || !by) return null;
      // The lending side's command, not the one who sent it (they know), nor a bystander elsewhere.
      if (str(sentBy, 'id') === me.id) return null;
      if (!me.grants.some((g) => isWithin(providing, g.jurisdictionPath) || isWithin(g.jurisdictionPath, providing))) return null;
      // The unit board shows where the unit is and what it does now.
      return { ...base, kind: 'unitLent', severity: 'warning', link: '/units', params: { callSign, to: requesting, priority, type, by } };
    }
    case 'directives.delivered': {
      // One event lists the targets I may see: the one I hold alerts; those above see the delivery, but it is not theirs to acknowledge.
      const targets = Array.isArray(d.targets) ? (d.targets as unknown[]).map((t) => str(typeof t === 'object' && t !== null ? (t as Data) : {}, 'jurisdictionPath')) : [];
      const place = targets.find((p) => p !== undefined && atMyLevel(me, p));
      const [directiveId, title, from, due] = [str(d, 'directiveId'), str(d, 'title'), str(d, 'issuerPath'), str(d, 'acknowledgeBy')];
      if (!directiveId || !place || !title || !from || !due) return null;
      return { ...base, kind: 'directiveDelivered', severity: 'info', link: `/directives/${directiveId}`, params: { title, place, from, due } };
    }
    case 'directives.escalated': {
      const [directiveId, place, to, missed] = [str(d, 'directiveId'), str(d, 'jurisdictionPath'), str(d, 'escalatedTo'), str(d, 'missed')];
      if (!directiveId || !place || !to || (missed !== 'acknowledgement' && missed !== 'report') || !withinMyGrants(me, to)) return null;
      return { ...base, kind: 'directiveEscalated', severity: 'warning', link: `/directives/${directiveId}`, params: { place, to, missed } };
    }
    case 'tasks.escalated': {
      const [taskId, place, to, title, due, percent] = [str(d, 'id'), str(d, 'jurisdictionPath'), str(d, 'escalatedTo'), str(d, 'title'), str(d, 'dueAt'), num(d, 'percent')];
      if (!taskId || !place || !to || !title || !due || percent === undefined || !withinMyGrants(me, to)) return null;
      return { ...base, kind: 'taskEscalated', severity: 'warning', link: `/tasks/${taskId}`, params: { title, place, to, due, percent } };
    }
    case 'hazards.escalated': {
      const [hazardId, to, place, level, due] = [str(d, 'id'), str(d, 'escalatedTo'), event.jurisdictionPath, num(d, 'level'), str(d, 'dueAt')];
      if (!hazardId || !to || !place || level === undefined || !due || !withinMyGrants(me, to)) return null;
      // The hazard board opens the hazard's detail.
      return { ...base, kind: 'hazardEscalated', severity: 'warning', link: `/hazards?hazard=${hazardId}`, params: { place, to, level, due } };
    }
    case 'campaigns.assignments_missed': {
      const [campaignId, count, issuer] = [str(d, 'campaignId'), num(d, 'missed'), event.jurisdictionPath];
      if (!campaignId || !count || !issuer || !atMyLevel(me, issuer)) return null;
      return { ...base, kind: 'assignmentsMissed', severity: 'warning', link: `/campaigns/${campaignId}`, params: { count, place: issuer } };
    }
    case 'reinforcements.requested':
    case 'reinforcements.escalated':
    case 'reinforcements.granted':
      return reinforcementAlert(event.type, d, me, base);
    case 'major_incidents.escalated': {
      // A major incident's report-up or SITREP clock missed: for the level above its command.
      const [majorId, to, place, title, level, clock, due] = [
        str(d, 'majorIncidentId'), str(d, 'escalatedToPath'), str(d, 'jurisdictionPath'), str(d, 'title'), str(d, 'level'), str(d, 'clock'), str(d, 'deadlineAt'),
      ];
      if (!majorId || !to || !place || !title || !level || !clock || !due || !withinMyGrants(me, to)) return null;
      return { ...base, kind: 'majorEscalated', severity: 'critical', simulated: d.exercise === true, link: `/major-incidents/${majorId}`, params: { title, level, clock, place, to, due } };
    }
    case 'goods.transport_alert': {
      // A dangerous-goods transport left its corridor, entered a protected zone, stood, went dark or arrived: for the supervising desk.
      const [alertData, permit] = [obj(d, 'alert'), obj(d, 'permit')];
      const [what, vehicle, place, permitId, item] = [str(alertData, 'kind'), str(permit, 'vehicle'), event.jurisdictionPath, str(permit, 'id'), str(obj(permit, 'item'), 'name')];
      if (!what || !vehicle || !place || !permitId || !atMyLevel(me, place)) return null;
      const detail = obj(alertData, 'detail');
      const severity = what === 'arrived' || what === 'rejoined_corridor' ? 'info' : what === 'entered_zone' || what === 'dark' ? 'critical' : 'warning';
      return {
        ...base, kind: 'transportAlert', severity, link: `/goods?permit=${permitId}`,
        params: { what, vehicle, item: item ?? '', place, zone: str(detail, 'zoneName') ?? '', minutes: num(detail, 'minutes') ?? 0 },
      };
    }
    default:
      return null;
  }
}

/**
 * A reinforcement request asked of my level (when it is made, or goes up to me): mine to answer;
 * or units lent for a request I made. The place is the incident's path, named on screen by the one
 * naming helper (in the UI language; a path outside my tree is asked of the server).
 */
function reinforcementAlert(type: string, d: Data, me: AlertViewer, base: Pick<Alert, 'id' | 'at' | 'simulated'>): Alert | null {
  const [incident, requestedBy] = [obj(d, 'incident'), obj(d, 'requestedBy')];
  const [id, incidentPath, priority, incidentType, count, target] = [str(d, 'id'), str(incident, 'jurisdictionPath'), str(incident, 'priority'), str(incident, 'type'), num(d, 'count'), str(d, 'targetPath')];
  if (!id || !incidentPath || !priority || !incidentType || count === undefined) return null;
  const what = str(d, 'kind') ?? str(d, 'capability')?.replaceAll('_', ' ');
  if (!what) return null;
  const place = incidentPath;
  if (type === 'reinforcements.granted') {
    if (str(requestedBy, 'id') !== me.id) return null;
    const lent = Array.isArray(d.lent) ? (d.lent as Data[]).map((u) => str(u, 'callSign')).filter(Boolean).join(', ') : '';
    return { ...base, kind: 'reinforcementGranted', severity: 'info', link: `/incidents/${str(incident, 'id') ?? ''}`, params: { place, units: lent, granted: num(d, 'granted') ?? 0, count } };
  }
  if (!target || !atMyLevel(me, target) || str(requestedBy, 'id') === me.id) return null;
  return {
    ...base, kind: 'reinforcementAsked', severity: priority === 'P1' || priority === 'P2' ? 'critical' : 'warning', link: `/reinforcements?request=${id}`,
    params: { count, what, priority, type: incidentType, place, by: str(requestedBy, 'name') ?? '' },
  };
}
