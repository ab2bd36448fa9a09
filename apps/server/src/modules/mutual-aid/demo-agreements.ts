import type { MutualAidAgreement, UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows } from '../../platform/db/client.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { findAgreement } from './mutual-aid.queries.js';

/** What neighbours lend each other in the demo: the first alarm's fire and medical units. */
export const DEMO_AID_KINDS: readonly UnitKind[] = ['fire_engine', 'ladder', 'ambulance'];
/** Boundaries this close (degrees, about 50 m) count as neighbours: OSM outlines rarely touch exactly. */
const NEIGHBOUR_DEGREES = 0.0005;
/** The demo country's municipalities are at depth 3 (country > region > municipality), whatever FIREBREAK_LEVELS calls that level. */
const MUNICIPALITY_DEPTH = 3;

/**
 * The demo country's mutual aid: one mutual agreement per pair of neighbouring municipalities of
 * the same region (boundaries within ~50 m), lending fire engines, ladders and ambulances both ways,
 * so Vaduz (no fire station in the extract) gets Schaan's and Triesen's engines, marked mutual aid.
 * Only into a database without any agreement, so a second start, or a deployment that made its
 * own, gets nothing. One command, each agreement audited and announced like a
 * `POST /mutual-aid-agreements` by the system.
 */
export async function ensureDemoAgreements(deps: CommandDeps): Promise<number> {
  // Checked before the command: a command that records nothing is refused (every later start).
  if (await hasAnyAgreement(deps.db)) return 0;
  const pairs = await rows<{ aId: string; aPath: string; bId: string; bPath: string }>(deps.db, sql`
    select a.id as "aId", a.path::text as "aPath", b.id as "bId", b.path::text as "bPath"
    from jurisdictions a join jurisdictions b
      on nlevel(a.path) = ${MUNICIPALITY_DEPTH} and nlevel(b.path) = ${MUNICIPALITY_DEPTH} and a.path < b.path
      and subpath(a.path, 0, nlevel(a.path) - 1) = subpath(b.path, 0, nlevel(b.path) - 1)
      and a.boundary is not null and b.boundary is not null
      and ST_DWithin(a.boundary, b.boundary, ${NEIGHBOUR_DEGREES})
    order by a.path, b.path`);
  if (pairs.length === 0) return 0;
  const { result } = await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    const now = deps.clock();
    for (const p of pairs) {
      const id = uuidv7();
      await tx.execute(sql`insert into mutual_aid_agreements (id, providing_jurisdiction_id, providing_path, requesting_jurisdiction_id, requesting_path, unit_kinds, mutual, note, created_by, created_at)
        values (${id}, ${p.aId}, ${p.aPath}::ltree, ${p.bId}, ${p.bPath}::ltree, array(select jsonb_array_elements_text(${JSON.stringify(DEMO_AID_KINDS)}::jsonb)),
          true, 'Demo: neighbouring municipalities lend fire engines, ladders and ambulances both ways', null, ${now})`);
      const agreement: MutualAidAgreement = (await findAgreement(tx, id))!;
      record.audit({ action: 'mutual_aid.agreement_created', entityType: 'mutual_aid_agreement', entityId: id, jurisdictionPath: p.aPath, after: { ...agreement, demo: true } });
      for (const path of [p.aPath, p.bPath]) record.emit({ type: 'mutual_aid.agreement_created', jurisdictionPath: path, data: agreement });
    }
    return pairs.length;
  });
  return result;
}

async function hasAnyAgreement(q: CommandDeps['db']): Promise<boolean> {
  const [any] = await rows<{ n: number }>(q, sql`select count(*)::int as n from mutual_aid_agreements`);
  return Number(any!.n) > 0;
}
