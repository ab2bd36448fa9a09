import { UNIT_DISPATCHABLE_STATUSES, type ReinforcementCandidate, type ReinforcementRequest, type UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { can, type Actor } from '../../platform/auth/access.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { travelTimes, type ProfileGraphs } from '../dispatch/index.js';
import type { LivePositions } from '../units/index.js';
import { fillsNeed } from './model.js';

/**
 * The units the granter could lend for the request: of the jurisdiction asked, theirs to send,
 * of the kind / capability asked for, on duty and available, not yet lent for the incident;
 * fastest by road to the incident first (from their live position, else home).
 */
export async function grantCandidates(q: Queryable, graphs: ProfileGraphs | null, live: LivePositions, actor: Actor, r: ReinforcementRequest): Promise<ReinforcementCandidate[]> {
  if (r.targetPath === null) return [];
  const list = await rows<{ id: string; callSign: string; kind: UnitKind; path: string; capabilities: string[]; lon: number; lat: number }>(q, sql`
    select u.id, u.call_sign as "callSign", u.kind, u.jurisdiction_path::text as path, u.capabilities, ST_X(u.home_location) as lon, ST_Y(u.home_location) as lat
    from units u
    where u.jurisdiction_path <@ ${r.targetPath}::ltree and u.on_duty and u.status in (${sql.join(UNIT_DISPATCHABLE_STATUSES.map((st) => sql`${st}`), sql`, `)})
      and not exists (select 1 from unit_loans l where l.unit_id = u.id and l.incident_id = ${r.incident.id} and l.released_at is null)
    order by u.call_sign limit 500`);
  const mine = list.filter((u) => can(actor, 'dispatch:assign', u.path) && fillsNeed(r, u));
  const to = r.incident.location;
  const from = mine.map((u) => {
    const fix = live.get(u.id);
    const at = fix ? ([fix.lon, fix.lat] as [number, number]) : ([Number(u.lon), Number(u.lat)] as [number, number]);
    return { at, kind: u.kind };
  });
  const etas = graphs && to ? travelTimes(graphs, from, to) : mine.map(() => null);
  return mine
    .map((u, i) => ({ unitId: u.id, callSign: u.callSign, kind: u.kind, jurisdictionPath: u.path, capabilities: u.capabilities, etaSeconds: etas[i] ?? null }))
    .sort((a, b) => (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity) || a.callSign.localeCompare(b.callSign));
}
