import { sql } from 'drizzle-orm';
import type { CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { sweepCommand } from '../../platform/jobs/sweep.js';
import { insertHazard } from '../hazards/index.js';
import { findSite } from './goods.queries.js';
import { announceSite } from './license-site.js';

const DAY_MS = 86_400_000;

/**
 * The licence watch: announces each licence entering its alert window once (per end date: a
 * renewal is announced again when it nears its own end), and each licence that has lapsed while
 * its site still holds stock raises a major hazard at the site, once (until a renewal clears it).
 * Rows are claimed `for update skip locked`: safe with several nodes sweeping. Runs every minute
 * in `firebreak serve` with the hazard escalation sweep (main.ts).
 */
export async function sweepLicences(deps: CommandDeps): Promise<{ expiring: number; lapsed: number }> {
  const now = deps.clock();
  let expiring = 0;
  let lapsed = 0;
  const due = await rows<{ id: string }>(deps.db, sql`select s.id from goods_sites s
    where (s.valid_until > ${now} and s.valid_until - make_interval(days => s.expiry_alert_days) <= ${now} and s.valid_from <= ${now} and s.expiry_alerted_for is distinct from s.valid_until)
       or (s.valid_until <= ${now} and s.lapse_hazard_id is null
           and exists (select 1 from goods_accounts a where a.site_id = s.id and a.kind = 'stock' and a.credits_posted > a.debits_posted))`);
  for (const { id } of due) {
    // Null (rolled back, nothing recorded) when another node holds the site or nothing is due any more.
    await sweepCommand(deps, 'licence-sweep', async (tx, record) => {
      const [row] = await rows<{ id: string }>(tx, sql`select id from goods_sites where id = ${id} for update skip locked`);
      const site = row ? await findSite(tx, id, now) : undefined;
      if (!site) return null;
      if (site.licence.state === 'expiring') {
        await tx.execute(sql`update goods_sites set expiry_alerted_for = valid_until where id = ${id}`);
        const days = Math.ceil((Date.parse(site.licence.validUntil) - now.getTime()) / DAY_MS);
        record.audit({ action: 'goods.licence_expiring', entityType: 'goods_site', entityId: id, jurisdictionPath: site.supervisingPath, after: { validUntil: site.licence.validUntil, days } });
        announceSite(record, 'goods.licence_expiring', site, { site, days });
        expiring++;
        return true;
      }
      const held = site.holdings.filter((h) => h.balance > 0);
      if (site.licence.state !== 'lapsed' || site.lapseHazardId || held.length === 0) return null;
      const hazard = await insertHazard(tx, record, {
        place: { id: site.place.id, jurisdictionPath: site.place.jurisdictionPath }, grade: 'major', raisedBy: null,
        title: `Licence ${site.licence.number} lapsed with goods held`,
        description: `The licence ended ${site.licence.validUntil}; the site still holds ${held.map((h) => `${h.balance} ${h.unit} of ${h.name} (${h.key})`).join(', ')}. Renew the licence or move the stock to a licensed site.`,
      }, now);
      await tx.execute(sql`update goods_sites set lapse_hazard_id = ${hazard.id} where id = ${id}`);
      record.audit({ action: 'goods.licence_lapsed', entityType: 'goods_site', entityId: id, jurisdictionPath: site.supervisingPath, after: { hazardId: hazard.id, held } });
      announceSite(record, 'goods.licence_lapsed', site, { site: { ...site, lapseHazardId: hazard.id }, hazardId: hazard.id });
      lapsed++;
      return true;
    });
  }
  return { expiring, lapsed };
}
