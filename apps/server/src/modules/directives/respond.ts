import type { DirectiveTarget } from '@firebreak/contracts';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { directiveRow, targetFor } from './directives.queries.js';
import { nextTargetState, type TargetAction } from './model.js';

/** The directive and the target the actor answers for, locked; unseen ones do not exist. */
export async function targetToAnswer(q: Queryable, actor: Actor, directiveId: string, jurisdictionId: string, action: TargetAction) {
  const d = await directiveRow(q, directiveId);
  const target = d ? await targetFor(q, directiveId, jurisdictionId) : undefined;
  if (!d || !target || !can(actor, 'directives:read', target.jurisdictionPath)) throw notFound('Directive target');
  if (!can(actor, 'directives:respond', target.jurisdictionPath)) throw new AppError('FORBIDDEN', `You may not answer for ${target.jurisdictionPath}`);
  const next = nextTargetState(target.state, action);
  if (typeof next !== 'string') throw new AppError('DIRECTIVE_TARGET_TRANSITION_NOT_ALLOWED', next.refused);
  return { directive: d, target, next };
}

export type Answered = DirectiveTarget & { directiveId: string };
