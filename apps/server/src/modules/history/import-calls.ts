import type { CallsImportSummary, ResponseTier } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows, type Tx } from '../../platform/db/client.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { settle, startClock } from '../incidents/index.js';
import type { CallsMapping } from './mapping.js';
import { jurisdictionCells, type Target } from './jurisdiction-cells.js';
import { dropCalls, readCalls, type ImportedCall } from './read-calls.js';
import { coveredIndexes, drawPlaces, type Demand } from '../simulation/index.js';

/** Calls per transaction: one audit row and one event each; small enough to keep locks short. */
export const IMPORT_CHUNK = 500;

export type { CallsImportSummary };


const latest = (dates: (Date | null)[]): Date | null => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

export interface ImportCallsInput {
  text: string;
  file: string;
  mapping: CallsMapping;
  jurisdiction: { id: string; path: string };
  tiers: readonly ResponseTier[];
  /** Read and check only: nothing is written. */
  dryRun?: boolean;
  /** Import the readable calls even when rows were rejected; without it such a file is refused whole. */
  allowPartial?: boolean;
  /**
   * Place every call into the jurisdiction: its time, type, priority, units and durations are
   * the export's, its place is drawn (seeded) from the jurisdiction's demand (`jurisdictionDemand`),
   * and it is marked relocated from the file.
   */
  relocate?: { seed: number; demand: Demand } | undefined;
  onChunk?: (done: number, total: number) => void;
}

/** Rows per rejection reason. */
export function countReasons(rejected: readonly { code: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rejected) out[r.code] = (out[r.code] ?? 0) + 1;
  return out;
}

async function hasBoundary(deps: CommandDeps, path: string): Promise<boolean> {
  const [j] = await rows<{ b: boolean }>(deps.db, sql`select boundary is not null as b from jurisdictions where path = ${path}::ltree`);
  return j?.b === true;
}

/** The calls' numbers already held by the jurisdiction each call goes to. */
async function heldRefs(deps: CommandDeps, root: Target, calls: ImportedCall[], targetOf: (c: ImportedCall) => Target): Promise<Set<string>> {
  if (calls.length === 0) return new Set();
  const held = new Set((await rows<{ j: string; ref: string }>(deps.db, sql`select jurisdiction_id as j, external_ref as ref from incidents
    where jurisdiction_path <@ ${root.path}::ltree and origin = 'historical'
      and external_ref in (${sql.join(calls.map((c) => sql`${c.externalRef}`), sql`, `)})`)).map((r) => `${r.j} ${r.ref}`));
  return new Set(calls.filter((c) => held.has(`${targetOf(c).id} ${c.externalRef}`)).map((c) => c.externalRef));
}

/**
 * Imports past calls from a CAD export as historical incidents of one jurisdiction: closed, with
 * their external number, their units' timing chains (`imported_responses`) and their response
 * clock settled from those times, all in one batch (`import_batches`) that can be undone. Calls
 * already imported (same number, same jurisdiction) are skipped, so a re-import adds nothing.
 * A file with rejected rows writes nothing unless `allowPartial`; `dryRun` never writes.
 * Historical incidents never enter the clock sweep.
 */
export async function importCalls(deps: CommandDeps, ctx: CommandContext, input: ImportCallsInput): Promise<CallsImportSummary> {
  let read = readCalls(input.text, input.mapping);
  // A jurisdiction column: each call to the jurisdiction it names under the one imported into.
  const targets = new Map<ImportedCall, Target>();
  const column = input.mapping.columns.jurisdiction;
  if (column !== undefined) {
    const lookup = await jurisdictionCells(deps.db, input.jurisdiction);
    read = dropCalls(read, (c) => {
      if (c.jurisdictionText === null) return null;
      const found = lookup(c.jurisdictionText);
      if (typeof found !== 'string') { targets.set(c, found); return null; }
      return { code: 'unknown_jurisdiction', reason: `${column} "${c.jurisdictionText}" ${found === 'unknown' ? 'is no jurisdiction under' : 'names more than one jurisdiction under'} ${input.jurisdiction.path}` };
    });
  }
  const targetOf = (c: ImportedCall): Target => targets.get(c) ?? input.jurisdiction;
  let outside = 0;
  if (input.relocate) {
    // The i-th call of the file at the i-th draw: the same file, demand and seed place the same calls the same way.
    const places = drawPlaces(input.relocate.demand, input.relocate.seed, read.calls.length);
    read = { ...read, calls: read.calls.map((c, i) => {
      const moved = { ...c, location: places[i]!.at, address: places[i]!.address, relocatedFrom: input.file };
      const to = targets.get(c);
      if (to) targets.set(moved, to);
      return moved;
    }) };
  } else {
    // Calls outside the jurisdiction's boundary are imported, but counted in the answer: a replay
    // cannot place them on its roads, while a response-times report needs no place (so no refusal).
    const located = read.calls.flatMap((c) => (c.location ? [c.location] : []));
    if (located.length > 0 && (await hasBoundary(deps, input.jurisdiction.path))) outside = located.length - (await coveredIndexes(deps.db, input.jurisdiction.path, located)).length;
  }
  const write = !input.dryRun && (read.rejected.length === 0 || input.allowPartial === true);
  const summary: CallsImportSummary = {
    batchId: null, dryRun: !write, file: input.file, mapping: input.mapping.name, jurisdictionPath: input.jurisdiction.path,
    rows: read.rows, calls: read.calls.length, created: 0, alreadyImported: 0, responses: 0, withoutLocation: 0,
    outsideJurisdiction: outside, relocated: input.relocate ? read.calls.length : 0,
    rejectedCalls: read.rejectedCalls, rejectedByReason: countReasons(read.rejected), doubtfulTimes: 0, rejected: read.rejected,
  };
  for (let i = 0; i < read.calls.length; i += IMPORT_CHUNK) {
    const chunk = read.calls.slice(i, i + IMPORT_CHUNK);
    const held = await heldRefs(deps, input.jurisdiction, chunk, targetOf);
    const fresh = chunk.filter((c) => !held.has(c.externalRef));
    summary.alreadyImported += chunk.length - fresh.length;
    if (!write) {
      summary.created += fresh.length;
      summary.responses += fresh.reduce((n, c) => n + c.responses.length, 0);
      summary.doubtfulTimes += fresh.filter((c) => c.timeDoubt !== null).length;
      summary.withoutLocation += fresh.filter((c) => c.location === null).length;
    } else if (fresh.length > 0) {
      const batchId = summary.batchId ?? uuidv7();
      const first = summary.batchId === null;
      const { result } = await runCommand(deps, ctx, (tx, record) => insertChunk(tx, record, deps.clock(), fresh, input, targetOf, { id: batchId, first, by: ctx.actor?.username ?? ctx.actorName ?? 'system' }));
      summary.batchId = batchId;
      summary.created += result.created;
      summary.alreadyImported += fresh.length - result.created;
      summary.responses += result.responses;
      summary.doubtfulTimes += result.doubtful;
      summary.withoutLocation += result.withoutLocation;
    }
    input.onChunk?.(Math.min(i + IMPORT_CHUNK, read.calls.length), read.calls.length);
  }
  return summary;
}

async function insertChunk(tx: Tx, record: CommandRecord, now: Date, calls: ImportedCall[], input: ImportCallsInput, targetOf: (c: ImportedCall) => Target, batch: { id: string; first: boolean; by: string }) {
  const j = input.jurisdiction;
  if (batch.first) {
    await tx.execute(sql`insert into import_batches (id, jurisdiction_id, jurisdiction_path, file, mapping, imported_at, imported_by)
      values (${batch.id}, ${j.id}, ${j.path}::ltree, ${input.file}, ${input.mapping.name}, ${now}, ${batch.by})`);
  }
  const values = calls.map((c) => {
    const { clock } = settle(startClock(input.tiers, c.receivedAt), c.responses.map((r) => ({ respondedAt: r.respondedAt, onSceneAt: r.onSceneAt })), now);
    const closedAt = latest([c.receivedAt, ...c.responses.flatMap((r) => [r.dispatchedAt, r.respondedAt, r.onSceneAt, r.clearedAt])]);
    const to = targetOf(c);
    return sql`(${uuidv7()}, ${c.type}, ${c.priority}, 'closed', ${to.id}, ${to.path}::ltree, ${c.location ? sql`ST_SetSRID(ST_MakePoint(${c.location[0]}, ${c.location[1]}), 4326)` : null},
      ${c.address}, ${c.typeText || null}, ${c.receivedAt}, ${JSON.stringify(clock)}::jsonb, null, ${closedAt}, 'historical', ${c.externalRef}, ${now}, ${now})`;
  });
  // `on conflict do nothing`: a concurrent import of the same file loses nothing and doubles nothing.
  const created = await rows<{ id: string; ref: string }>(tx, sql`insert into incidents (id, type, priority, state, jurisdiction_id, jurisdiction_path,
      location, address, narrative, received_at, tiers, next_deadline_at, closed_at, origin, external_ref, created_at, updated_at)
    values ${sql.join(values, sql`, `)}
    on conflict (jurisdiction_id, origin, external_ref) where external_ref is not null do nothing
    returning id, external_ref as ref`);
  const idOf = new Map(created.map((r) => [r.ref, r.id]));
  const done = calls.filter((c) => idOf.has(c.externalRef));
  const responses = done.flatMap((c) => c.responses.map((r) => sql`(${uuidv7()}, ${idOf.get(c.externalRef)!}, ${r.unitLabel}, ${r.unitType}, ${r.unitKind},
      ${r.dispatchedAt}, ${r.respondedAt}, ${r.onSceneAt}, ${r.clearedAt}, ${r.sequence})`));
  if (done.length > 0) {
    await tx.execute(sql`insert into imported_calls (incident_id, batch_id, time_doubt, relocated_from)
      values ${sql.join(done.map((c) => sql`(${idOf.get(c.externalRef)!}, ${batch.id}, ${c.timeDoubt}, ${c.relocatedFrom ?? null})`), sql`, `)}`);
  }
  if (responses.length > 0) {
    await tx.execute(sql`insert into imported_responses (id, incident_id, unit_label, unit_type, unit_kind, dispatched_at, responded_at, on_scene_at, cleared_at, sequence)
      values ${sql.join(responses, sql`, `)}`);
  }
  const doubtful = done.filter((c) => c.timeDoubt !== null).length;
  await tx.execute(sql`update import_batches set calls = calls + ${done.length}, responses = responses + ${responses.length},
    doubtful_times = doubtful_times + ${doubtful} where id = ${batch.id}`);
  const data = {
    batchId: batch.id, file: input.file, mapping: input.mapping.name, origin: 'historical', created: created.length, responses: responses.length, doubtfulTimes: doubtful,
    relocated: done.filter((c) => c.relocatedFrom).length,
    firstRef: done[0]?.externalRef ?? null, lastRef: done.at(-1)?.externalRef ?? null,
    receivedFrom: done[0] ? new Date(Math.min(...done.map((c) => c.receivedAt.getTime()))).toISOString() : null,
    receivedTo: done[0] ? new Date(Math.max(...done.map((c) => c.receivedAt.getTime()))).toISOString() : null,
  };
  record.audit({ action: 'incidents.history_imported', entityType: 'import_batch', entityId: batch.id, jurisdictionPath: j.path, after: data });
  record.emit({ type: 'incidents.history_imported', jurisdictionPath: j.path, data });
  return { created: created.length, responses: responses.length, doubtful, withoutLocation: done.filter((c) => c.location === null).length };
}
