import type { ReinforcementRequest } from '@firebreak/contracts';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';

/**
 * Who sees a request: whoever may dispatch for its incident (the requesting side), for the
 * jurisdiction asked now, or for one that answered it before. Others get a 404.
 */
export function mayView(actor: Actor, r: ReinforcementRequest): boolean {
  const paths = [r.incident.jurisdictionPath, r.targetPath, ...r.steps.map((s) => s.jurisdictionPath)];
  return paths.some((p) => p !== null && can(actor, 'dispatch:assign', p));
}

export function assertVisible(actor: Actor, r: ReinforcementRequest | undefined): asserts r is ReinforcementRequest {
  if (!r || !mayView(actor, r)) throw notFound('Reinforcement request');
}

/**
 * Who answers a request (grants or refuses): whoever may dispatch the units of the jurisdiction
 * asked now (`dispatch:assign` there: its dispatchers and duty officers, and those above them).
 */
export function assertAddressed(actor: Actor, r: ReinforcementRequest): void {
  if (r.state !== 'open') throw new AppError('REINFORCEMENT_NOT_OPEN', `The request is ${r.state}`);
  if (r.targetPath === null || !can(actor, 'dispatch:assign', r.targetPath)) {
    throw new AppError('REINFORCEMENT_NOT_ADDRESSED', `The request is addressed to ${r.targetPath ?? 'nobody'}, where you may not send units`);
  }
}
