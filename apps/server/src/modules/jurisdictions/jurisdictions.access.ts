import type { Jurisdiction, Permission } from '@firebreak/contracts';
import { notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import type { Queryable } from '../../platform/db/client.js';
import { findById } from './jurisdictions.queries.js';

/** A jurisdiction the actor holds `permission` on; any other does not exist for them (404). */
export async function visibleJurisdiction(q: Queryable, actor: Actor, permission: Permission, id: string): Promise<Jurisdiction> {
  const j = await findById(q, id);
  if (!j || !can(actor, permission, j.path)) throw notFound('Jurisdiction');
  return j;
}

/** The path of an optional `jurisdictionId` filter of a list, checked like visibleJurisdiction. */
export async function subtreeFilter(q: Queryable, actor: Actor, permission: Permission, id: string | undefined): Promise<string | undefined> {
  return id === undefined ? undefined : (await visibleJurisdiction(q, actor, permission, id)).path;
}
