import { EVENT_CATALOGUE, type EventType } from '@firebreak/contracts';
import { can, type Actor } from '../../platform/auth/access.js';
import type { PublishedEvent } from '../../platform/events/bus.js';

/** May this actor receive this event? Unknown event types are never delivered. */
export function isVisibleTo(actor: Actor, event: Pick<PublishedEvent, 'type' | 'jurisdictionPath'>): boolean {
  const entry = (EVENT_CATALOGUE as Record<string, { visibleWith: (typeof EVENT_CATALOGUE)[EventType]['visibleWith'] }>)[event.type];
  return entry !== undefined && can(actor, entry.visibleWith, event.jurisdictionPath);
}
