import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../db/client.js';

/**
 * The key the nodes of one deployment share on a NATS server: derived from the database they
 * share (the cluster's system identifier and the database's name), so no node needs to be told,
 * and a second deployment on the same NATS (another database, or a copy under another name)
 * gets its own subjects.
 */
export async function deploymentKey(db: Queryable): Promise<string> {
  const [r] = await rows<{ sys: string; name: string }>(db, sql`
    select (select system_identifier::text from pg_control_system()) as sys, current_database() as name`);
  return createHash('sha256').update(`${r!.sys}/${r!.name}`).digest('hex').slice(0, 16);
}
