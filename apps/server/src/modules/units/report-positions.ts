import type { AvlBatchBody, AvlFix } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';
import { mayReportUnit, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import type { Tx } from '../../platform/db/client.js';
import { textColumn } from '../../platform/db/columns.js';
import type { LivePositions, UnitLive } from './live-positions.js';
import { findUnitRows, isTerminalOfAnyUnit } from './units.queries.js';

/** Fixes stamped further ahead of the server clock than this are refused (a device clock gone wrong). */
const MAX_FUTURE_MS = 60_000;

/**
 * A batch of AVL fixes from a device: every unit must be one the caller may report for
 * (`mayReportUnit`: a bound unit only from its terminal, a bound terminal only for its units), or the
 * whole batch is refused, naming the fix. The newest fix per unit becomes its live position on every node (an
 * event per jurisdiction); the track keeps a downsampled selection. One audit entry per batch.
 */
export async function reportPositions(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: AvlBatchBody, live: LivePositions) {
  const now = deps.clock();
  const unitIds = [...new Set(input.fixes.map((f) => f.unitId))];
  const rows = await findUnitRows(deps.db, unitIds);
  const unitOf = new Map(rows.map((u) => [u.id, u]));
  // Asked only when the batch holds an unbound unit: a bound terminal may not report for it.
  const actorIsTerminal = rows.some((u) => u.terminalId === null) && await isTerminalOfAnyUnit(deps.db, ctx.actor.id);
  const fields = input.fixes.flatMap((f, i) => {
    const unit = unitOf.get(f.unitId);
    if (!unit || !mayReportUnit(ctx.actor, unit, actorIsTerminal)) return [{ path: `body.fixes.${i}.unitId`, message: 'no such unit that you may report for' }];
    if (Date.parse(f.at) > now.getTime() + MAX_FUTURE_MS) return [{ path: `body.fixes.${i}.at`, message: 'lies in the future' }];
    return [];
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', `${fields[0]!.path}: ${fields[0]!.message}`, { fields });

  // Every fix's unit is a row (checked above): its record, with the jurisdiction the row gives.
  const units = input.fixes.map((f) => {
    const u = live.unit(f.unitId);
    u.path ??= unitOf.get(f.unitId)!.jurisdictionPath;
    return u;
  });
  return storeFixes(deps, ctx, input.fixes, units, live);
}

/** Which `storeFixes` call a unit's `batch` mark belongs to. */
let batches = 0;

/**
 * Stores fixes already checked (`units[i]`: the record of `fixes[i]`'s unit, its jurisdiction
 * known): the downsampled track and one audit entry in one transaction; then the live store, and
 * each unit's newest fix to every node (`LivePositions.share`, a broadcast, not an outbox event).
 * The MQTT ingest calls it for what the broker delivered, with each fix's time (`times[i]`, ms)
 * parsed as it arrived: every step after reads the number, none parses the text again; and every
 * step finds the unit's state in its record, none in a map.
 */
export async function storeFixes(deps: CommandDeps, ctx: CommandContext, fixes: readonly AvlFix[], units: readonly UnitLive[], live: LivePositions, times: ArrayLike<number> = timesOf(fixes)) {
  const n = fixes.length;
  // The newest fix per unit, marked in the units' records (this call's number tells its marks from
  // an earlier call's), then read out before the first await: a call running meanwhile remarks them.
  const batch = ++batches;
  let units1 = 0;
  let inTimeOrder = true;
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (i > 0 && t < times[i - 1]!) inTimeOrder = false;
    const u = units[i]!;
    if (u.batch !== batch) {
      u.batch = batch;
      u.newest = i;
      units1++;
    } else if (t > times[u.newest]!) u.newest = i;
  }
  const newestFixes: AvlFix[] = new Array<AvlFix>(units1);
  const newestUnits: UnitLive[] = new Array<UnitLive>(units1);
  const newestTimes = new Float64Array(units1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (u.newest !== i) continue;
    newestFixes[k] = fixes[i]!;
    newestUnits[k] = u;
    newestTimes[k++] = times[i]!;
  }
  // A device's batch, and the MQTT ingest's, is nearly always in time order already: sort only when not.
  const order = inTimeOrder ? null : Array.from(fixes.keys()).sort((a, b) => times[a]! - times[b]!);
  const track: AvlFix[] = [];
  for (let j = 0; j < n; j++) {
    const i = order ? order[j]! : j;
    if (live.keepInTrack(fixes[i]!, times[i], units[i])) track.push(fixes[i]!);
  }
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    if (track.length) await insertTrack(tx, track);
    record.audit({ action: 'units.positions_reported', entityType: 'avl_batch', entityId: uuidv7(), jurisdictionPath: null, after: { fixes: n, units: units1, stored: track.length } });
    return { stored: track.length };
  });
  let outOfOrder = n - units1;
  for (let j = 0; j < units1; j++) if (!live.apply(newestFixes[j]!, newestTimes[j], newestUnits[j])) outOfOrder++;
  live.share(newestFixes, newestTimes, newestUnits, deps.clock());
  return { accepted: n, outOfOrder, stored: result.stored };
}

function timesOf(fixes: readonly AvlFix[]): Float64Array {
  const times = new Float64Array(fixes.length);
  for (let i = 0; i < fixes.length; i++) times[i] = Date.parse(fixes[i]!.at);
  return times;
}

/**
 * The track points as one text parameter per column (`textColumn`), unnested in SQL: on both
 * backends one statement.
 */
async function insertTrack(tx: Tx, track: readonly AvlFix[]): Promise<void> {
  await tx.execute(sql`insert into unit_track (unit_id, at, location, speed_kmh, heading)
    select u, t, ST_SetSRID(ST_MakePoint(x, y), 4326), s, h
    from unnest(
      string_to_array(${textColumn(track.map((f) => f.unitId))}, ',')::uuid[],
      string_to_array(${textColumn(track.map((f) => f.at))}, ',')::timestamptz[],
      string_to_array(${textColumn(track.map((f) => f.location[0]))}, ',')::float8[],
      string_to_array(${textColumn(track.map((f) => f.location[1]))}, ',')::float8[],
      string_to_array(${textColumn(track.map((f) => f.speedKmh))}, ',', '')::float8[],
      string_to_array(${textColumn(track.map((f) => f.heading))}, ',', '')::float8[]
    ) as p(u, t, x, y, s, h)
    on conflict (unit_id, at) do nothing`);
}
