import { spreadFieldOf } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { toPublished } from '../../platform/events/relay.js';
import { viewFor, type UnitKindOf } from './visibility.js';

/** How far back a screen may catch up. */
export const RECENT_MAX_DAYS = 7;
/** Rows read per request before the visibility rule; the answer is at most `limit` of them. */
const SCAN = 2000;

/**
 * The published events of these types at or under my grants (or lending me units) since `since`,
 * newest first, each as the stream would deliver it to me (`viewFor`), at most `limit`.
 */
export async function recentEvents(q: Queryable, actor: Actor, kindOf: UnitKindOf, opts: { types: string[]; since: Date; limit: number }): Promise<PublishedEvent[]> {
  const roots = [...actor.grants.map((g) => g.path), ...(actor.aid ?? []).map((a) => a.providingPath)];
  // Events without a jurisdiction: viewFor decides (the national level only, as on the stream).
  // A spread event (a directive to many targets, at the issuer's path) also when one of its targets lies there.
  const spread = opts.types.filter((t) => spreadFieldOf(t) !== undefined);
  const targeted = spread.length === 0 || roots.length === 0 ? sql`false` : sql`(type = any(${`{${spread.join(',')}}`}::text[])
    and exists (select 1 from jsonb_array_elements(data -> ${spreadFieldOf(spread[0]!)}) s where ${withinRoots(sql`(s ->> 'jurisdictionPath')::ltree`, roots)}))`;
  const where = sql`(${withinRoots(sql`jurisdiction_path`, roots)} or jurisdiction_path is null or ${targeted})`;
  const list = await rows<Parameters<typeof toPublished>[0]>(q, sql`
    select id, type, occurred_at, jurisdiction_path::text as jurisdiction_path, data, position
    from outbox
    where type = any(${`{${opts.types.join(',')}}`}::text[]) and occurred_at >= ${opts.since} and position is not null and ${where}
    order by occurred_at desc, position desc limit ${SCAN}`);
  const out: PublishedEvent[] = [];
  for (const e of list.map(toPublished)) {
    const view = viewFor(actor, e, kindOf);
    if (view) out.push(view);
    if (out.length === opts.limit) break;
  }
  return out;
}
