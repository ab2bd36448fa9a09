import type { PermitActionBody, TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { ledgerRefusal } from './ledger-errors.js';
import { licenceState, mayTakeIn } from './model.js';
import { findPermitRecord } from './permit.queries.js';
import { isFinished } from './hold-fixes.js';

type Finish = 'receive' | 'cancel';

/**
 * Ends a permit. `receive` (`goods:record` where the receiving site lies or is supervised): the
 * load moves from the sender's in-transit account into the receiver's stock (`delivery`), if its
 * licence is in force and has room. `cancel` (`goods:license` where the permit is supervised,
 * before it is received): the dispatch is reversed, the load is back in the sender's stock.
 * Either way the permit takes no more fixes. The database holds the balances (its CHECKs name the refusal).
 */
export async function finishPermit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, id: string, how: Finish, input: PermitActionBody): Promise<TransportPermit> {
  const now = deps.clock();
  try {
    await runCommand(deps, ctx, async (tx, record) => {
      const rec = await findPermitRecord(tx, id, true);
      if (!rec || !(can(ctx.actor, 'places:read', rec.permit.supervisingPath) || can(ctx.actor, 'places:read', rec.toSitePath))) throw notFound('Transport permit');
      const p = rec.permit;
      if (p.state === 'received' || p.state === 'cancelled') throw new AppError('GOODS_PERMIT_FINISHED', `The permit of ${p.vehicle} is already ${p.state}`);
      const [accounts] = await rows<{ transit: string; fromStock: string; toStock: string; validFrom: Date; validUntil: Date; alert: number }>(tx, sql`
        select (select id from goods_accounts where site_id = ${p.from.siteId} and item_key = ${p.item.key} and kind = 'in_transit') as transit,
          (select id from goods_accounts where site_id = ${p.from.siteId} and item_key = ${p.item.key} and kind = 'stock') as "fromStock",
          (select id from goods_accounts where site_id = ${p.to.siteId} and item_key = ${p.item.key} and kind = 'stock') as "toStock",
          s.valid_from as "validFrom", s.valid_until as "validUntil", s.expiry_alert_days as alert from goods_sites s where s.id = ${p.to.siteId}`);
      const a = accounts!;
      const transferId = uuidv7();
      if (how === 'receive') {
        if (!can(ctx.actor, 'goods:record', rec.toSitePath) && !can(ctx.actor, 'goods:record', p.supervisingPath)) throw new AppError('FORBIDDEN', `You may not record receipts at ${p.to.name}`);
        const state = licenceState({ validFrom: new Date(a.validFrom), validUntil: new Date(a.validUntil), expiryAlertDays: a.alert }, now);
        if (!mayTakeIn(state)) throw new AppError('GOODS_LICENCE_NOT_VALID', `The licence of ${p.to.name} is ${state.replaceAll('_', ' ')}: it may not take goods in`);
        await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, counterparty, note, recorded_by, recorded_by_name, at)
          values (${transferId}, 'delivery', ${p.item.key}, ${a.transit}, ${a.toStock}, ${p.quantity}::bigint, ${p.from.name}, ${input.note ?? `transport permit ${p.id}`}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${now})`);
        await tx.execute(sql`update goods_permits set state = 'received', delivery_transfer_id = ${transferId}, version = version + 1 where id = ${id}`);
      } else {
        if (!can(ctx.actor, 'goods:license', p.supervisingPath)) throw new AppError('FORBIDDEN', `You may not cancel permits supervised by ${p.supervisingPath}`);
        await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, reverses, counterparty, note, recorded_by, recorded_by_name, at)
          values (${transferId}, 'reversal', ${p.item.key}, ${a.transit}, ${a.fromStock}, ${p.quantity}::bigint, ${p.dispatchTransferId}, ${null}, ${input.note ?? `transport permit ${p.id} cancelled`}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${now})`);
        await tx.execute(sql`update goods_permits set state = 'cancelled', version = version + 1 where id = ${id}`);
      }
      const action = how === 'receive' ? 'goods.permit_received' : 'goods.permit_cancelled';
      record.audit({ action, entityType: 'goods_permit', entityId: id, jurisdictionPath: p.supervisingPath, before: { state: p.state }, after: { transferId, note: input.note ?? null, wasFinished: isFinished(p.state) } });
      for (const path of new Set([p.supervisingPath, rec.fromSitePath, rec.toSitePath])) record.emit({ type: action, jurisdictionPath: path, data: { permitId: id, vehicle: p.vehicle, transferId } });
    });
  } catch (err) {
    throw ledgerRefusal(err, {
      goods_accounts_within_licence: { code: 'GOODS_LICENCE_MAXIMUM_EXCEEDED', detail: "the load would take the site above its licence's maximum" },
      goods_transfers_reverses_idx: { code: 'GOODS_PERMIT_FINISHED', detail: 'the dispatch was already reversed' },
    }) ?? err;
  }
  return (await findPermitRecord(deps.db, id))!.permit;
}
