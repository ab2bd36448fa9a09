import { EVENT_CATALOGUE, spreadFieldOf, type EventType, type Permission, type UnitKind } from '@firebreak/contracts';
import { can, canOnUnit, type Actor } from '../../platform/auth/access.js';
import type { PublishedEvent } from '../../platform/events/bus.js';

/** The kind of a unit, from this node's memory (unit events that do not carry it). */
export type UnitKindOf = (unitId: string) => UnitKind | undefined;

/**
 * What this actor receives of this event: all of it when it lies where the actor may see such
 * events; the part about units lent to the actor by a mutual aid agreement (units:read reaches
 * them, as it does in the API); of a spread event, the targets the actor may see; or nothing.
 * Unknown event types are never delivered.
 */
export function viewFor(actor: Actor, event: PublishedEvent, kindOf: UnitKindOf): PublishedEvent | null {
  const entry = (EVENT_CATALOGUE as Record<string, { visibleWith: (typeof EVENT_CATALOGUE)[EventType]['visibleWith'] }>)[event.type];
  if (entry === undefined) return null;
  if (can(actor, entry.visibleWith, event.jurisdictionPath)) return event;
  if (spreadFieldOf(event.type)) return spreadView(actor, event, entry.visibleWith);
  if (entry.visibleWith !== 'units:read' || event.jurisdictionPath === null || !actor.aid?.length) return null;
  return lentView(actor, event, event.jurisdictionPath, kindOf);
}

/** A spread event (`spreadFieldOf`) with only the targets the actor may see, or nothing when it may see none. */
function spreadView(actor: Actor, event: PublishedEvent, permission: Permission): PublishedEvent | null {
  const d = event.data as { targets?: unknown };
  if (!Array.isArray(d?.targets)) return null;
  const targets = (d.targets as { jurisdictionPath?: unknown }[]).filter((t) => typeof t?.jurisdictionPath === 'string' && can(actor, permission, t.jurisdictionPath));
  if (targets.length === 0) return null;
  return targets.length === d.targets.length ? event : { ...event, data: { ...d, targets } };
}

function lentView(actor: Actor, event: PublishedEvent, path: string, kindOf: UnitKindOf): PublishedEvent | null {
  const lent = (unitId: string, kind: UnitKind | undefined = kindOf(unitId)) => kind !== undefined && canOnUnit(actor, 'units:read', { jurisdictionPath: path, kind });
  switch (event.type) {
    case 'units.registered':
    case 'units.updated':
    case 'units.status_changed': {
      const d = event.data as { id: string; kind?: UnitKind };
      return lent(d.id, d.kind) ? event : null;
    }
    case 'units.positions_reported': {
      // One event carries the fixes of a whole jurisdiction: only the lent units' go out.
      const d = event.data as { fixes: { unitId: string }[] };
      const fixes = d.fixes.filter((f) => lent(f.unitId));
      return fixes.length === 0 ? null : { ...event, data: { ...d, fixes } };
    }
    default:
      return null;
  }
}
