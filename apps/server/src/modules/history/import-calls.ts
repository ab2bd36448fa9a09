import type { CallsImportSummary, ResponseTier } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows, type Tx } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { settle, startClock } from '../incidents/index.js';
import type { CallsMapping } from './mapping.js';
import { readCalls, type ImportedCall } from './read-calls.js';

/** Calls per transaction: one audit row and one event each; small enough to keep locks short. */
export const IMPORT_CHUNK = 500;

export type { CallsImportSummary };


const latest = (dates: (Date | null)[]): Date | null => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

/**
 * Imports past calls from a CAD export as historical incidents of one jurisdiction: closed, with
 * their external number, their units' timing chains (`imported_responses`) and their response
 * clock settled from those times. Calls already imported (same number, same jurisdiction) are
 * skipped, so a re-import adds nothing. Historical incidents never enter the clock sweep.
 */
export async function importCalls(
  deps: CommandDeps,
  ctx: CommandContext,
  input: { text: string; file: string; mapping: CallsMapping; jurisdiction: { id: string; path: string }; tiers: readonly ResponseTier[]; onChunk?: (done: number, total: number) => void },
): Promise<CallsImportSummary> {
  const read = readCalls(input.text, input.mapping);
  const summary: CallsImportSummary = {
    file: input.file, mapping: input.mapping.name, jurisdictionPath: input.jurisdiction.path,
    rows: read.rows, calls: read.calls.length, created: 0, alreadyImported: 0, responses: 0, rejected: read.rejected,
  };
  for (let i = 0; i < read.calls.length; i += IMPORT_CHUNK) {
    const chunk = read.calls.slice(i, i + IMPORT_CHUNK);
    const held = new Set((await rows<{ ref: string }>(deps.db, sql`select external_ref as ref from incidents
      where jurisdiction_id = ${input.jurisdiction.id} and origin = 'historical'
        and external_ref in (${sql.join(chunk.map((c) => sql`${c.externalRef}`), sql`, `)})`)).map((r) => r.ref));
    const fresh = chunk.filter((c) => !held.has(c.externalRef));
    summary.alreadyImported += chunk.length - fresh.length;
    if (fresh.length > 0) {
      const { result } = await runCommand(deps, ctx, (tx, record) => insertChunk(tx, record, deps.clock(), fresh, input));
      summary.created += result.created;
      summary.alreadyImported += fresh.length - result.created;
      summary.responses += result.responses;
    }
    input.onChunk?.(Math.min(i + IMPORT_CHUNK, read.calls.length), read.calls.length);
  }
  return summary;
}

async function insertChunk(tx: Tx, record: CommandRecord, now: Date, calls: ImportedCall[], input: Parameters<typeof importCalls>[2]) {
  const j = input.jurisdiction;
  const values = calls.map((c) => {
    const { clock } = settle(startClock(input.tiers, c.receivedAt), c.responses.map((r) => ({ respondedAt: r.respondedAt, onSceneAt: r.onSceneAt })), now);
    const closedAt = latest([c.receivedAt, ...c.responses.flatMap((r) => [r.dispatchedAt, r.respondedAt, r.onSceneAt, r.clearedAt])]);
    return sql`(${uuidv7()}, ${c.type}, ${c.priority}, 'closed', ${j.id}, ${j.path}::ltree, ST_SetSRID(ST_MakePoint(${c.location[0]}, ${c.location[1]}), 4326),
      ${c.address}, ${c.typeText || null}, ${c.receivedAt}, ${JSON.stringify(clock)}::jsonb, null, ${closedAt}, 'historical', ${c.externalRef}, ${now}, ${now})`;
  });
  // `on conflict do nothing`: a concurrent import of the same file loses nothing and doubles nothing.
  const created = await rows<{ id: string; ref: string }>(tx, sql`insert into incidents (id, type, priority, state, jurisdiction_id, jurisdiction_path,
      location, address, narrative, received_at, tiers, next_deadline_at, closed_at, origin, external_ref, created_at, updated_at)
    values ${sql.join(values, sql`, `)}
    on conflict (jurisdiction_id, origin, external_ref) where external_ref is not null do nothing
    returning id, external_ref as ref`);
  const idOf = new Map(created.map((r) => [r.ref, r.id]));
  const responses = calls.flatMap((c) => (idOf.has(c.externalRef) ? c.responses.map((r) => sql`(${uuidv7()}, ${idOf.get(c.externalRef)!}, ${r.unitLabel}, ${r.unitType},
      ${r.dispatchedAt}, ${r.respondedAt}, ${r.onSceneAt}, ${r.clearedAt}, ${r.sequence})`) : []));
  if (responses.length > 0) {
    await tx.execute(sql`insert into imported_responses (id, incident_id, unit_label, unit_type, dispatched_at, responded_at, on_scene_at, cleared_at, sequence)
      values ${sql.join(responses, sql`, `)}`);
  }
  const done = created.length > 0 ? calls.filter((c) => idOf.has(c.externalRef)) : [];
  const data = {
    file: input.file, mapping: input.mapping.name, origin: 'historical', created: created.length, responses: responses.length,
    firstRef: done[0]?.externalRef ?? null, lastRef: done.at(-1)?.externalRef ?? null,
    receivedFrom: done[0] ? new Date(Math.min(...done.map((c) => c.receivedAt.getTime()))).toISOString() : null,
    receivedTo: done[0] ? new Date(Math.max(...done.map((c) => c.receivedAt.getTime()))).toISOString() : null,
  };
  record.audit({ action: 'incidents.history_imported', entityType: 'jurisdiction', entityId: j.id, jurisdictionPath: j.path, after: data });
  record.emit({ type: 'incidents.history_imported', jurisdictionPath: j.path, data });
  return { created: created.length, responses: responses.length };
}
