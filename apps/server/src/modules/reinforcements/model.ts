/**
 * The rules of reinforcement requests, pure: where a request goes next, what a unit must be to
 * fill it, what a grant leaves. No I/O.
 */

/** `path` is `ancestor` or below it (ltree `ancestor @> path`). */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function parentOf(path: string): string | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : path.slice(0, dot);
}

/** The deepest jurisdiction both paths lie in (null: different trees). */
export function commonAncestor(a: string, b: string): string | null {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n === 0 ? null : x.slice(0, n).join('.');
}

/**
 * Who is asked after `current` refused or let the time run out: from a level above the incident,
 * the level above that; from a neighbour, the first level above both (the one that commands the
 * two). Null at the top of the tree: nobody is left to ask.
 */
export function nextTarget(incidentPath: string, current: string): string | null {
  if (isWithin(incidentPath, current)) return parentOf(current);
  return commonAncestor(incidentPath, current);
}

/** The first level asked for "above": the incident jurisdiction's parent (null for a national incident). */
export function firstAbove(incidentPath: string): string | null {
  return parentOf(incidentPath);
}

/**
 * Can the request name this jurisdiction as a neighbour? Not the incident's own, not one above or
 * below it (those are the tree's, not a neighbour's), and beside it: the same parent, or a
 * boundary touching (`touching`, worked out in SQL).
 */
export function neighbourProblem(incidentPath: string, candidate: string, touching: boolean): string | null {
  if (isWithin(incidentPath, candidate) || isWithin(candidate, incidentPath)) return 'lies above, below or at the incident\'s jurisdiction: ask "above" instead';
  if (parentOf(candidate) === parentOf(incidentPath) || touching) return null;
  return 'is not a neighbour of the incident\'s jurisdiction (neither the same parent nor a touching boundary)';
}

export interface Need {
  kind: string | null;
  capability: string | null;
}

/** Does the unit fill the request: of its kind (when one is named), carrying its capability (when one is named)? */
export function fillsNeed(need: Need, unit: { kind: string; capabilities: readonly string[] }): boolean {
  return (need.kind === null || unit.kind === need.kind) && (need.capability === null || unit.capabilities.includes(need.capability));
}

export type State = 'open' | 'fulfilled' | 'exhausted' | 'cancelled';

/**
 * After a grant of `lending` units: fulfilled when every unit asked for is lent; else still open,
 * and the rest goes a level up at once (the level that answered gave what it had).
 */
export function afterGrant(r: { count: number; granted: number }, lending: number): { granted: number; state: State; escalate: boolean } {
  const granted = r.granted + lending;
  return granted >= r.count ? { granted, state: 'fulfilled', escalate: false } : { granted, state: 'open', escalate: true };
}

/** When the current target must answer by. */
export function answerDue(askedAt: Date, timeoutSeconds: number): Date {
  return new Date(askedAt.getTime() + timeoutSeconds * 1000);
}
