import { can, canOnUnit, type Actor } from '../../platform/auth/access.js';
import type { MajorRow } from './major-incidents.queries.js';

/**
 * Who may do what with a major incident (see CONTEXT.md). Everything is decided on paths and on
 * who holds the posts of the command structure now; the commands fetch the holders.
 */

/** Seen by whoever reads incidents where it happened or above (its command and every level up). */
export function canSeeMajor(actor: Actor, m: Pick<MajorRow, 'jurisdictionPath'>): boolean {
  return can(actor, 'incidents:read', m.jurisdictionPath);
}

/** Declared by whoever may dispatch where it happened: dispatchers, duty officers, commanders, administrators there or above. */
export function mayDeclare(actor: Actor, jurisdictionPath: string): boolean {
  return can(actor, 'dispatch:assign', jurisdictionPath);
}

/**
 * Commanded (structure, level, report-up, stand-down) by the holder of the incident commander's
 * post, or by whoever issues directives at the commanding jurisdiction or above (its duty
 * officers, commanders, administrators), who may act for a commander not yet appointed or absent.
 */
export function mayCommand(actor: Actor, m: Pick<MajorRow, 'commandPath'>, commanderUserId: string | null): boolean {
  return actor.id === commanderUserId || can(actor, 'directives:issue', m.commandPath);
}

/** A sector's units and casualty counts: its own post's holder, or anyone who may command. */
export function mayRunSector(actor: Actor, m: Pick<MajorRow, 'commandPath'>, commanderUserId: string | null, sectorUserId: string | null): boolean {
  return actor.id === sectorUserId || mayCommand(actor, m, commanderUserId);
}

/**
 * A traffic control point is taken for a patrol by whoever may act for that unit (`dispatch:respond`
 * on it: its crew, a dispatcher of its jurisdiction), even one who does not read incidents where the
 * major incident happened: the offer names only the point.
 */
export function mayTakeFor(actor: Actor, unit: Parameters<typeof canOnUnit>[2]): boolean {
  return canOnUnit(actor, 'dispatch:respond', unit);
}
