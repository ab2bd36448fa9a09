import { PATROL_UNIT_KINDS, PRESENCE_CATEGORIES, type Jurisdiction } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { isWithin } from '../../platform/auth/access.js';
import { runCommand } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { outboxConsumer } from '../../platform/events/outbox-consumer.js';
import type { RepeatingPass } from '../../platform/jobs/repeating-pass.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { moveUpFor } from './move-up-for.js';

/** The moves a recommendation names, as a key: the same recommendation is pushed once, not after every dispatch. */
const signatureOf = (moves: readonly { unitId: string; to: readonly number[] }[]): string => moves.map((m) => `${m.unitId}>${m.to.join(',')}`).join('|');

/**
 * The jurisdictions whose area a dispatch at any of `paths` took units from: each one at or
 * above a dispatch path (the incident's and the unit's) that has a move-up threshold in force —
 * its own (`PUT /coverage/settings/:id`) or the nearest ancestor's, as the page reads it. A
 * threshold set at the country thus watches every municipality under it too, each pushed to its
 * own dispatchers (an event at the country's path is not seen by a municipality's dispatcher).
 * Widest first, so a country's push is not held up behind its municipalities'.
 */
async function watchedAbove(platform: Platform, paths: readonly string[]): Promise<Jurisdiction[]> {
  if (paths.length === 0) return [];
  const found = await rows<{ id: string }>(platform.db, sql`select j.id from jurisdictions j
    where j.path @> any(${`{${paths.map((p) => `"${p}"`).join(',')}}`}::ltree[])
      and exists (select 1 from coverage_settings s where s.jurisdiction_path @> j.path)
    order by nlevel(j.path), j.path`);
  const js = await Promise.all(found.map((r) => findJurisdiction(platform.db, r.id)));
  return js.filter((j): j is Jurisdiction => j !== undefined && j !== null);
}

/**
 * Pushes the move-up to the dispatchers' screens on every node: an outbox consumer of
 * `dispatch.unit_assigned` (after commit, at least once, one node at a time by its lease)
 * recomputes the move-up of each jurisdiction at or above the dispatch with a threshold in force
 * (its own or inherited: `watchedAbove`) —
 * schools and kindergartens open now, patrol units, as the page asks by default — and, when
 * coverage is below the threshold and a move helps, publishes `coverage.move_up_recommended` at
 * the jurisdiction's path (with its audit entry: who was told what, when). The stream brings it
 * to that jurisdiction's dispatchers (and those above it) on every node; the same moves are not
 * pushed twice in a row.
 */
export function startMoveUpWatch(platform: Platform): RepeatingPass {
  const pushed = new Map<string, string>();
  const consumer = outboxConsumer({
    name: 'coverage-move-up-watch',
    types: ['dispatch.unit_assigned'],
    db: platform.db,
    node: `${platform.config.nodeName}-${process.pid}`,
    pollMs: platform.config.outboxPollMs,
    log: platform.log,
    handle: async (events) => {
      const paths = [...new Set(events.flatMap((e) => (e.jurisdictionPath ? [e.jurisdictionPath] : [])))];
      for (const j of await watchedAbove(platform, paths)) {
        const rec = await moveUpFor(platform, {
          j, placeRoots: [''], unitRoots: [''], categories: PRESENCE_CATEGORIES, kinds: [...PATROL_UNIT_KINDS], window: null, maxMoves: 2,
          movable: (u) => isWithin(u.jurisdictionPath, j.path),
        });
        const signature = rec.below ? signatureOf(rec.moves) : '';
        if (signature === (pushed.get(j.id) ?? '')) continue;
        pushed.set(j.id, signature);
        if (!rec.below || rec.moves.length === 0) continue;
        const data = { ...rec, categories: [...PRESENCE_CATEGORIES] };
        await runCommand(platform.command, { actor: null, actorName: 'move-up watch', requestId: null }, async (_tx, record) => {
          record.audit({ action: 'coverage.move_up_recommended', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, after: data });
          record.emit({ type: 'coverage.move_up_recommended', jurisdictionPath: j.path, data });
        });
      }
    },
  });
  consumer.start();
  return consumer;
}
