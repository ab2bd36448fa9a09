import type { Directive } from '@firebreak/contracts';
import { can, type Actor } from '../../platform/auth/access.js';

/** A directive is seen by the issuer's subtree and those above it, and by each target's. */
export function canSeeDirective(actor: Actor, d: Pick<Directive, 'issuerPath' | 'targets'>): boolean {
  return can(actor, 'directives:read', d.issuerPath) || d.targets.some((t) => can(actor, 'directives:read', t.jurisdictionPath));
}

/**
 * Which of a directive's targets the actor sees: all of them from the issuer's level or above; from
 * below it, only the targets within the actor's own subtrees. A municipality is not shown its
 * neighbours' acknowledgements and report-backs (their notes, reports and who gave them), as the
 * stream does not show them either (`spread: 'targets'`, CONTEXT.md).
 */
export function targetsSeenBy(actor: Actor, d: Pick<Directive, 'issuerPath'>): 'all' | 'own' {
  return can(actor, 'directives:read', d.issuerPath) ? 'all' : 'own';
}
