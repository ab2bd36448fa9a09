import type { CreateGoodsSiteBody, GoodsSite, RenewLicenceBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField, notFound } from '../../errors.js';
import { can, isWithin, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps, type CommandRecord } from '../../platform/command.js';
import { rows, type Tx } from '../../platform/db/client.js';
import { findPlace } from '../places/index.js';
import { findSite, siteOfPlace } from './goods.queries.js';
import { applyLicence, LICENCE_REFUSALS } from './licence-accounts.js';
import { ledgerRefusal } from './ledger-errors.js';

/** Announces a change of a site at its place's path and at the supervising path (when that is higher). */
export function announceSite(record: CommandRecord, type: 'goods.site_licensed' | 'goods.licence_renewed' | 'goods.licence_expiring' | 'goods.licence_lapsed' | 'goods.transferred' | 'goods.reversed' | 'goods.reconciled', site: GoodsSite, data: unknown = site): void {
  for (const path of new Set([site.place.jurisdictionPath, site.supervisingPath])) record.emit({ type, jurisdictionPath: path, data });
}

/** The supervising jurisdiction: the place's own unless named; it must be the place's or one above it. */
async function supervisingPath(tx: Tx, placePath: string, id: string | undefined): Promise<string> {
  if (id === undefined) return placePath;
  const [j] = await rows<{ path: string }>(tx, sql`select path::text as path from jurisdictions where id = ${id}`);
  if (!j || !isWithin(placePath, j.path)) throw invalidField('body.supervisingJurisdictionId', "the supervising jurisdiction is the place's own or one above it");
  return j.path;
}

const licenceColumns = (l: CreateGoodsSiteBody['licence']) => ({
  number: l.number, from: new Date(l.validFrom), until: new Date(l.validUntil), alert: l.expiryAlertDays,
  storage: l.storageConditions, name: l.responsiblePerson.name, role: l.responsiblePerson.role,
});

/** Licenses a key place to hold dangerous goods or controlled items (`goods:license` on the supervising jurisdiction). */
export async function licenseSite(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: CreateGoodsSiteBody, opts: { demo?: boolean } = {}): Promise<GoodsSite> {
  try {
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      const place = await findPlace(tx, input.placeId);
      if (!place || !can(ctx.actor, 'places:read', place.jurisdictionPath)) throw invalidField('body.placeId', 'no such place in your scope');
      const supervising = await supervisingPath(tx, place.jurisdictionPath, input.supervisingJurisdictionId);
      if (!can(ctx.actor, 'goods:license', supervising)) throw new AppError('FORBIDDEN', `You may not license sites supervised by ${supervising}`);
      if (await siteOfPlace(tx, place.id)) throw new AppError('GOODS_SITE_EXISTS', `${place.name} already holds a licence`);
      const id = uuidv7();
      const now = deps.clock();
      const l = licenceColumns(input.licence);
      await tx.execute(sql`insert into goods_sites (id, place_id, jurisdiction_path, supervising_path, licence_number, valid_from, valid_until, expiry_alert_days,
          storage_conditions, responsible_name, responsible_role, demo, created_at, updated_at)
        values (${id}, ${place.id}, ${place.jurisdictionPath}::ltree, ${supervising}::ltree, ${l.number}, ${l.from}, ${l.until}, ${l.alert},
          ${l.storage}, ${l.name}, ${l.role}, ${opts.demo ?? false}, ${now}, ${now})`);
      await applyLicence(tx, id, input.licence);
      const site = (await findSite(tx, id, now))!;
      record.audit({ action: 'goods.site_licensed', entityType: 'goods_site', entityId: id, jurisdictionPath: supervising, after: site });
      announceSite(record, 'goods.site_licensed', site);
      return site;
    });
    return result;
  } catch (err) {
    throw ledgerRefusal(err, { goods_sites_place_idx: { code: 'GOODS_SITE_EXISTS', detail: 'the place already holds a licence', field: 'body.placeId' } }) ?? err;
  }
}

/**
 * Renews or changes a site's licence (new validity, items, maxima). Lowering a maximum below the
 * stock held, or dropping an item still held, is refused by the database (GOODS_LICENCE_BELOW_STOCK).
 * A renewal clears the lapse hazard link (the hazard itself is closed through its own workflow).
 */
export async function renewLicence(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, siteId: string, input: RenewLicenceBody): Promise<GoodsSite> {
  try {
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      await tx.execute(sql`select 1 from goods_sites where id = ${siteId} for update`);
      const now = deps.clock();
      const before = await findSite(tx, siteId, now);
      if (!before || !(can(ctx.actor, 'places:read', before.place.jurisdictionPath) || can(ctx.actor, 'places:read', before.supervisingPath))) throw notFound('Site');
      if (!can(ctx.actor, 'goods:license', before.supervisingPath)) throw new AppError('FORBIDDEN', `You may not license sites supervised by ${before.supervisingPath}`);
      if (before.version !== input.version) throw new AppError('CONFLICT', `The site changed since version ${input.version} (now ${before.version}): reload and try again`);
      const l = licenceColumns(input.licence);
      await tx.execute(sql`update goods_sites set licence_number = ${l.number}, valid_from = ${l.from}, valid_until = ${l.until}, expiry_alert_days = ${l.alert},
          storage_conditions = ${l.storage}, responsible_name = ${l.name}, responsible_role = ${l.role}, lapse_hazard_id = null, version = version + 1, updated_at = ${now}
        where id = ${siteId}`);
      await applyLicence(tx, siteId, input.licence);
      const site = (await findSite(tx, siteId, now))!;
      record.audit({ action: 'goods.licence_renewed', entityType: 'goods_site', entityId: siteId, jurisdictionPath: site.supervisingPath, before, after: site });
      announceSite(record, 'goods.licence_renewed', site);
      return site;
    });
    return result;
  } catch (err) {
    throw ledgerRefusal(err, LICENCE_REFUSALS) ?? err;
  }
}
