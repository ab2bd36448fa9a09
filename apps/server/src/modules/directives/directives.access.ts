import type { Directive } from '@firebreak/contracts';
import { can, type Actor } from '../../platform/auth/access.js';

/** A directive is seen by the issuer's subtree and those above it, and by each target's. */
export function canSeeDirective(actor: Actor, d: Pick<Directive, 'issuerPath' | 'targets'>): boolean {
  return can(actor, 'directives:read', d.issuerPath) || d.targets.some((t) => can(actor, 'directives:read', t.jurisdictionPath));
}
