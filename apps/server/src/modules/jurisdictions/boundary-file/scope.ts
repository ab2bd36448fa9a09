import { sql } from 'drizzle-orm';
import { can, type Actor } from '../../../platform/auth/access.js';
import { rows, type Queryable } from '../../../platform/db/client.js';

/** Whether a jurisdiction path exists and the actor may see it (a path outside their scope reads as unknown). */
export async function byPathVisible(q: Queryable, path: string, actor: Actor): Promise<boolean> {
  if (!can(actor, 'jurisdictions:read', path)) return false;
  const [row] = await rows<{ n: number }>(q, sql`select count(*)::int as n from jurisdictions where path::text = ${path}`);
  return (row?.n ?? 0) > 0;
}
