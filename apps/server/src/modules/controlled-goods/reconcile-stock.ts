import type { GoodsSite, ReconcileBody, Reconciliation, StockCounts } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { insertHazard } from '../hazards/index.js';
import { discrepanciesOf, findSite, siteOfPlace } from './goods.queries.js';
import { announceSite } from './license-site.js';
import { discrepancySeverity } from './model.js';

/**
 * Stock counted on site (by an inspection) against the ledger at that moment: one discrepancy per
 * item counted, and for each one above tolerance a hazard of its grade at the site's place, with
 * the grade's deadline there, in the hazard workflow (rectified, verified and escalated like any).
 * The stock accounts are share-locked for the count, so no movement slips between ledger and count.
 */
export async function reconcileStock(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, siteId: string, input: ReconcileBody): Promise<Reconciliation> {
  const { result } = await runCommand(deps, ctx, async (tx, record) => {
    const now = deps.clock();
    const site = await findSite(tx, siteId, now);
    if (!site || !(can(ctx.actor, 'places:read', site.place.jurisdictionPath) || can(ctx.actor, 'places:read', site.supervisingPath))) throw notFound('Site');
    if (!can(ctx.actor, 'inspections:record', site.place.jurisdictionPath) && !can(ctx.actor, 'inspections:record', site.supervisingPath)) {
      throw new AppError('FORBIDDEN', `You may not record inspections of ${site.place.name}`);
    }
    if (input.inspectionId) {
      const [insp] = await rows<{ placeId: string }>(tx, sql`select place_id as "placeId" from inspections where id = ${input.inspectionId}`);
      if (!insp || insp.placeId !== site.place.id) throw invalidField('body.inspectionId', 'no inspection of this site with that id');
    }
    return reconcileSite(tx, record, ctx.actor, site, input, now, 'body.counts');
  });
  return result;
}

/**
 * The counted-stock item of an inspection checklist (`stock_count`): its counts reconciled in the
 * inspection's own transaction, tied to it (each hazard names the inspection and `goods:<item>`).
 * The place must be a licensed site; `field` names the answer's counts for a refusal.
 */
export async function reconcileInspectionCounts(tx: Tx, record: CommandRecord, actor: Actor, inspection: { id: string; placeId: string; counts: StockCounts }, now: Date, field: string): Promise<Reconciliation> {
  const siteId = await siteOfPlace(tx, inspection.placeId);
  const site = siteId ? await findSite(tx, siteId, now) : undefined;
  if (!site) throw invalidField(field, 'this place holds no goods licence: there is no ledger to count against');
  return reconcileSite(tx, record, actor, site, { inspectionId: inspection.id, counts: inspection.counts }, now, field);
}

async function reconcileSite(tx: Tx, record: CommandRecord, actor: Actor, site: GoodsSite, input: ReconcileBody, now: Date, field: string): Promise<Reconciliation> {
  const siteId = site.id;
  const id = uuidv7();
  await tx.execute(sql`insert into goods_reconciliations (id, site_id, inspection_id, note, recorded_by, at) values (${id}, ${siteId}, ${input.inspectionId ?? null}, ${input.note ?? null}, ${actor.id}, ${now})`);
  for (const [i, c] of input.counts.entries()) {
    const [acc] = await rows<{ ledger: number; kind: 'chemical' | 'controlled'; name: string; unit: string }>(tx, sql`select (a.credits_posted - a.debits_posted)::float8 as ledger, i.kind, i.name, i.unit
      from goods_accounts a join goods_items i on i.key = a.item_key where a.site_id = ${siteId} and a.item_key = ${c.itemKey} and a.kind = 'stock' for share of a`);
    if (!acc) throw invalidField(`${field}.${i}.itemKey`, 'the site has no account of this item');
    const ledger = Number(acc.ledger);
    const severity = discrepancySeverity(acc.kind, ledger, c.counted);
    let hazardId: string | null = null;
    if (severity === 'general' || severity === 'major') {
      const diff = c.counted - ledger;
      const hazard = await insertHazard(tx, record, {
        place: { id: site.place.id, jurisdictionPath: site.place.jurisdictionPath }, grade: severity,
        title: `Stock discrepancy: ${acc.name} (${c.itemKey}) ${diff > 0 ? '+' : ''}${diff} ${acc.unit}`,
        description: `Counted ${c.counted} ${acc.unit}, the ledger holds ${ledger} ${acc.unit} (${diff < 0 ? 'missing' : 'unrecorded'}: ${Math.abs(diff)} ${acc.unit}).${input.note ? ` ${input.note}` : ''}`,
        raisedBy: actor.id, ...(input.inspectionId ? { inspection: { id: input.inspectionId, itemKey: `goods:${c.itemKey}` } } : {}),
      }, now);
      hazardId = hazard.id;
    }
    await tx.execute(sql`insert into goods_discrepancies (id, reconciliation_id, site_id, jurisdiction_path, item_key, ledger, counted, severity, hazard_id, at)
      values (${uuidv7()}, ${id}, ${siteId}, ${site.place.jurisdictionPath}::ltree, ${c.itemKey}, ${ledger}, ${c.counted}, ${severity}, ${hazardId}, ${now})`);
  }
  const reconciliation: Reconciliation = { id, siteId, at: now.toISOString(), discrepancies: await discrepanciesOf(tx, sql`d.reconciliation_id = ${id}`) };
  record.audit({ action: 'goods.reconciled', entityType: 'goods_site', entityId: siteId, jurisdictionPath: site.supervisingPath, after: reconciliation });
  announceSite(record, 'goods.reconciled', site, reconciliation);
  return reconciliation;
}
