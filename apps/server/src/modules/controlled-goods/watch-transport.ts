import type { TransportFix, TransportFixesResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.js';
import { mayReportTransport, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { sweepCommand } from '../../platform/jobs/sweep.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { isFinished, lockPermits, planOf, positionEvents, storeAlerts, storeHeld, watchFixes, type LockedPermit } from './hold-fixes.js';
import { findPermitRecord } from './permit.queries.js';
import { watchSilence } from './transport-model.js';

/** Fixes stamped further ahead of the server clock than this are refused (a device clock gone wrong), as for units. */
export const MAX_FUTURE_MS = 60_000;

/**
 * Fixes of a permitted vehicle (HTTP with a device token holding `avl:report` where the permit is
 * supervised or where a site lies, or the MQTT ingest with no actor): held in time order against
 * the corridor, the protected zones, the stop allowance and the destination, under the permit's
 * row lock so two batches never interleave. Alerts are stored numbered, once per excursion, each
 * an event to the supervising desk. Fixes not newer than the last held are ignored (a retry is
 * harmless). Unknown permits 404; finished ones 409 `GOODS_PERMIT_FINISHED`.
 */
export async function reportTransportFixes(deps: CommandDeps, ctx: CommandContext & { actor: Actor | null }, permitId: string, fixes: readonly TransportFix[], share: (events: PublishedEvent[]) => void = () => undefined): Promise<TransportFixesResult> {
  const now = deps.clock().getTime();
  const ahead = fixes.findIndex((f) => Date.parse(f.at) > now + MAX_FUTURE_MS);
  if (ahead >= 0) throw new AppError('VALIDATION_FAILED', `body.fixes.${ahead}.at: lies in the future`, { fields: [{ path: `body.fixes.${ahead}.at`, message: 'lies in the future' }] });
  let positions: PublishedEvent[] = [];
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const rec = (await lockPermits(tx, [permitId])).get(permitId);
    if (!rec || (ctx.actor && !mayReport(ctx.actor, rec))) throw notFound('Transport permit');
    const p = rec.permit;
    if (isFinished(p.state)) throw new AppError('GOODS_PERMIT_FINISHED', `The permit of ${p.vehicle} is ${p.state}: it takes no more fixes`);
    const held = watchFixes(rec, fixes);
    const alerts = (await storeHeld(tx, record, [held])).get(p.id) ?? [];
    positions = positionEvents([held], deps.clock());
    record.audit({ action: 'goods.transport_fixes', entityType: 'goods_permit', entityId: p.id, jurisdictionPath: p.supervisingPath, after: { fixes: fixes.length, accepted: held.taken.length, alerts: alerts.length } });
    return { accepted: held.taken.length, ignored: fixes.length - held.taken.length, alerts, state: held.state };
  });
  if (positions.length) share(positions);
  return result;
}

/** The permit's bound terminal (or, unbound, whoever reports where the transport is supervised or one of its sites lies): access.ts. */
const mayReport = (actor: Actor, rec: LockedPermit): boolean =>
  mayReportTransport(actor, { terminalId: rec.permit.terminalId, paths: [rec.permit.supervisingPath, rec.fromSitePath, rec.toSitePath] });

/**
 * The dark watch: a permit under way (or due to start) whose vehicle sent no fix for its allowance
 * is reported dark to the supervising desk, once per silence (the next fix re-arms it). Rows are
 * locked `skip locked`: safe with several nodes sweeping. Runs every minute in `firebreak serve`.
 */
export async function sweepTransports(deps: CommandDeps): Promise<{ dark: number }> {
  const now = deps.clock();
  const due = await rows<{ id: string }>(deps.db, sql`select id from goods_permits
    where state in ('issued', 'in_transit') and not coalesce((watch->>'dark')::boolean, false)
      and coalesce(last_fix_at, window_from) + make_interval(mins => dark_after_minutes) <= ${now}`);
  let dark = 0;
  for (const { id } of due) {
    // Null (rolled back, nothing recorded) when another node holds the permit or the silence ended meanwhile.
    await sweepCommand(deps, 'transport-watch', async (tx, record) => {
      const [row] = await rows<{ id: string }>(tx, sql`select id from goods_permits where id = ${id} for update skip locked`);
      const rec = row ? await findPermitRecord(tx, id) : undefined;
      const silence = rec && !isFinished(rec.permit.state) ? watchSilence(planOf(rec.permit), rec.watch, now.getTime(), Date.parse(rec.permit.window.from)) : null;
      if (!rec || !silence) return null;
      await tx.execute(sql`update goods_permits set watch = ${JSON.stringify(rec.watch)}::jsonb, version = version + 1 where id = ${id}`);
      await storeAlerts(tx, record, [{ permit: rec.permit, raised: [silence] }]);
      dark++;
      return true;
    });
  }
  return { dark };
}
