import type { AvlFix, Incident, StreamEvent, Unit } from '@firebreak/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { keys } from '../api/queries';
import { markShared } from '../api/unit-list';

type Patch = Partial<Unit> & { id: string };

/**
 * Applies a batch of stream events to the query cache. Positions and unit status are patched in
 * place (they arrive every second for thousands of units); everything else marks the affected
 * queries stale once per batch, and TanStack Query refetches what is on screen.
 */
export function applyEvents(client: QueryClient, events: readonly StreamEvent[], fetchUnit?: (id: string) => Promise<Unit>): void {
  const fixes = new Map<string, AvlFix>();
  const unitPatches = new Map<string, Patch>();
  const unitUpserts = new Map<string, Unit>();
  const incidentUpserts = new Map<string, Incident>();
  const stale = new Map<string, QueryKey>();
  const refetchUnits = new Set<string>();
  const mark = (key: QueryKey) => stale.set(JSON.stringify(key), key);

  for (const e of events) {
    const d = (e.data ?? {}) as Record<string, unknown>;
    switch (e.type) {
      case 'units.positions_reported':
        for (const f of (d.fixes as AvlFix[] | undefined) ?? []) {
          const held = fixes.get(f.unitId);
          if (!held || held.at < f.at) fixes.set(f.unitId, f);
        }
        break;
      case 'units.status_changed': {
        const { id, status, onDuty, incidentId, statusChangedAt } = d as Partial<Unit> & { id: string };
        const patch: Patch = { id, ...(status && { status }), ...(onDuty !== undefined && { onDuty }), ...(incidentId !== undefined && { incidentId }), ...(statusChangedAt && { statusChangedAt }) };
        unitPatches.set(id, { ...unitPatches.get(id), ...patch });
        if (typeof incidentId === 'string') mark(keys.incident(incidentId));
        break;
      }
      case 'units.terminal_bound': {
        const { unitId, terminalId } = d as { unitId: string; terminalId: string | null };
        unitPatches.set(unitId, { ...unitPatches.get(unitId), id: unitId, terminalId });
        mark(['units', 'terminal-choices', unitId]);
        break;
      }
      case 'units.registered':
      case 'units.updated':
        unitUpserts.set((d as Unit).id, d as unknown as Unit);
        break;
      case 'incidents.opened':
        incidentUpserts.set((d as Incident).id, d as unknown as Incident);
        break;
      case 'incidents.tier_met':
      case 'incidents.tier_missed':
      case 'incidents.closed':
      case 'incidents.caller_purged':
      case 'incidents.escalated': {
        const id = (d.incidentId ?? d.id) as string | undefined;
        if (id) {
          mark(keys.incident(id));
          mark(keys.timeline(id));
        }
        mark(keys.openIncidents);
        mark(['reports']);
        break;
      }
      case 'dispatch.unit_assigned':
      case 'dispatch.assignment_changed': {
        const id = d.incidentId as string | undefined;
        if (typeof d.unitId === 'string') refetchUnits.add(d.unitId);
        if (id) {
          mark(keys.incident(id));
          mark(keys.assignments(id));
          mark(keys.recommendations(id));
          mark(keys.timeline(id));
        }
        mark(keys.openIncidents);
        break;
      }
      case 'dispatch.unit_reassigned':
      case 'incidents.duplicate_linked':
      case 'incidents.duplicate_unlinked': {
        // Both incidents change: the one the unit (or link) left and the one it joined.
        for (const id of [d.fromIncidentId, d.toIncidentId, d.incidentId, d.duplicateOf]) {
          if (typeof id !== 'string') continue;
          mark(keys.incident(id));
          mark(keys.assignments(id));
          mark(keys.recommendations(id));
          mark(keys.timeline(id));
        }
        for (const step of [d.ended, d.started]) {
          const unitId = (step as { unitId?: unknown } | undefined)?.unitId;
          if (typeof unitId === 'string') refetchUnits.add(unitId);
        }
        mark(keys.openIncidents);
        break;
      }
      case 'reinforcements.requested':
      case 'reinforcements.escalated':
      case 'reinforcements.granted':
      case 'reinforcements.refused':
      case 'reinforcements.closed': {
        // Every request list, and the incident's recommendations (units lent, or given back).
        mark(['reinforcements']);
        const incidentId = (d.incident as { id?: unknown } | undefined)?.id;
        if (typeof incidentId === 'string') {
          mark(keys.recommendations(incidentId));
          mark(keys.timeline(incidentId));
        }
        break;
      }
      case 'dispatch.response_plan_set':
        mark(['settings', 'response-plans']);
        break;
      default:
        if (e.type.startsWith('hazards.')) {
          mark(['hazards']); // the map's open hazards and every board
          // A hazard fixed or raised moves campaign progress (hazards found / rectified).
          mark(['campaigns']);
          if (typeof d.placeId === 'string') mark(['place', d.placeId]);
        } else if (e.type.startsWith('places.')) {
          mark(keys.places);
          if (typeof d.id === 'string') mark(['place', d.id]);
        } else if (e.type.startsWith('inspections.') || e.type.startsWith('campaigns.')) {
          // An inspection credits every running campaign with the place pending: coverage and assignments move.
          mark(['campaigns']);
          if (typeof d.placeId === 'string') mark(['place', d.placeId]);
        } else if (e.type.startsWith('directives.')) mark(['directives']);
        // A report rolls up the whole tree, a reassignment moves a task between posts: every task query.
        else if (e.type.startsWith('tasks.')) mark(['tasks']);
        else if (e.type.startsWith('posts.')) {
          mark(['posts']);
          mark(['tasks']); // task screens show each owner post's holder
        }
        else if (e.type.startsWith('jurisdictions.')) mark(keys.jurisdictions);
        else if (e.type.startsWith('mutual_aid.')) mark(['settings', 'mutual-aid']);
        // Every board of a major incident (list, detail, SITREPs, after-action) at every level above it.
        else if (e.type.startsWith('major_incidents.')) mark(['major-incidents']);
        // Sites, ledgers, transport permits, their positions and alerts: every goods query.
        else if (e.type.startsWith('goods.')) mark(['goods']);
    }
  }

  if (fixes.size || unitPatches.size || unitUpserts.size) {
    client.setQueryData<Unit[]>(keys.units, (units) => (units ? patchUnits(units, fixes, unitPatches, unitUpserts) : units));
  }
  if (incidentUpserts.size) {
    client.setQueryData<Incident[]>(keys.openIncidents, (list) => {
      if (!list) return list;
      const known = new Set(list.map((i) => i.id));
      return [...[...incidentUpserts.values()].filter((i) => !known.has(i.id)), ...list.map((i) => incidentUpserts.get(i.id) ?? i)];
    });
    for (const i of incidentUpserts.values()) client.setQueryData(keys.incident(i.id), i);
  }
  // Recommendations depend on where units are and what they do: refresh the ones on screen.
  if (unitPatches.size) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'incident' && q.queryKey[2] === 'recommendations' });
  for (const key of stale.values()) void client.invalidateQueries({ queryKey: key });
  // A dispatch step changes the unit too: fetch just those units rather than the whole list.
  if (fetchUnit && client.getQueryData(keys.units)) {
    for (const id of refetchUnits) {
      void fetchUnit(id).then((unit) => client.setQueryData<Unit[]>(keys.units, (units) => units && patchUnits(units, new Map(), new Map(), new Map([[unit.id, unit]]))), () => undefined);
    }
  }
}

/**
 * A new array in which only the changed units are new objects: the map diffs by identity and
 * sends MapLibre only those features.
 */
export function patchUnits(units: readonly Unit[], fixes: ReadonlyMap<string, AvlFix>, patches: ReadonlyMap<string, Patch>, upserts: ReadonlyMap<string, Unit>): Unit[] {
  const seen = new Set<string>();
  const out = units.map((u) => {
    seen.add(u.id);
    let next = upserts.get(u.id) ?? u;
    const patch = patches.get(u.id);
    if (patch) next = { ...next, ...patch };
    const f = fixes.get(u.id);
    if (f && (!next.position || next.position.at <= f.at)) {
      next = { ...next, position: { location: f.location, at: f.at, speedKmh: f.speedKmh ?? null, heading: f.heading ?? next.position?.heading ?? null, stale: false } };
    }
    return next;
  });
  for (const u of upserts.values()) if (!seen.has(u.id)) out.push(u);
  // The query stores it as it is (`unitListSharing`): it already shares every unchanged unit.
  return markShared(out);
}
