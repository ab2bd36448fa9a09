import type { IssuePermitBody, TransportPermit } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidField } from '../../errors.js';
import { can, mayBeTerminal, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandContext, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { RoadNetwork } from '../dispatch/index.js';
import { findStaff } from '../identity/index.js';
import { ledgerRefusal } from './ledger-errors.js';
import { mayTakeIn } from './model.js';
import { findPermitRecord } from './permit.queries.js';
import { planRoute, zonesFor } from './permit-route.js';
import { siteAccounts, visible } from './site-accounts.js';
import { CorridorIndex, Projector } from './corridor-index.js';
import { freshWatch, ZONE_TIME_ZONE } from './transport-model.js';

/** Route metres allowed outside the issuer's jurisdictions: a road drawn along a border wanders over it. */
const BORDER_SLACK_METRES = 100;

/** The nearest jurisdiction above (or at) both paths: the desk that supervises a transport between two sites. */
export function commonPath(a: string, b: string): string {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return x.slice(0, Math.max(1, n)).join('.');
}

/** The first approved stop lying outside the route's corridor (-1: none): standing there, the vehicle would be off its route. */
export function stopOffRoute(route: readonly [number, number][], corridorMeters: number, stops: IssuePermitBody['stops']): number {
  if (stops.length === 0) return -1;
  const projector = new Projector(route[0]![0], route[0]![1]);
  const index = new CorridorIndex([{ coords: Float64Array.from(route.flatMap(([lon, lat]) => [projector.x(lon), projector.y(lat)])), widthM: corridorMeters }]);
  return stops.findIndex((s) => index.distanceTo(0, projector.x(s.location[0]), projector.y(s.location[1])) === Infinity);
}

/**
 * Issues a transport permit (`goods:license` on the jurisdiction supervising both sites): checks
 * the sender holds the load and the receiver may take it in, plans the route around the protected
 * zones (outside the transaction: it is CPU work), refuses a route that leaves the issuer's
 * jurisdictions, then in one transaction moves the load from the sender's stock to its in-transit
 * account (the database holds the balance) and stores the permit with its audit row and events.
 */
export async function issuePermit(deps: CommandDeps, ctx: CommandContext & { actor: Actor }, input: IssuePermitBody, network: () => Promise<RoadNetwork>, timeZone = ZONE_TIME_ZONE): Promise<TransportPermit> {
  const now = deps.clock();
  const sites = await siteAccounts(deps.db, [input.fromSiteId, input.toSiteId], [input.itemKey], now);
  const from = sites.get(input.fromSiteId);
  const to = sites.get(input.toSiteId);
  if (!from || !visible(ctx.actor, from)) throw invalidField('body.fromSiteId', 'no such site in your scope');
  if (!to || !visible(ctx.actor, to)) throw invalidField('body.toSiteId', 'no such site in your scope');
  const supervising = commonPath(from.supervising, to.supervising);
  if (!can(ctx.actor, 'goods:license', supervising)) {
    throw new AppError('GOODS_PERMIT_OUTSIDE_SCOPE', `A transport from ${from.name} to ${to.name} is supervised by ${supervising}, where you may not issue permits`, { fields: [{ path: 'body.toSiteId', message: 'outside the jurisdictions you may issue permits for' }] });
  }
  if (input.terminalId !== undefined) {
    // A reference like any other: an account the issuer does not see is one that does not exist.
    const terminal = await findStaff(deps.db, input.terminalId);
    if (!terminal || !can(ctx.actor, 'staff:read', terminal.jurisdictionPath)) throw invalidField('body.terminalId', 'no such account in your scope');
    if (!mayBeTerminal(terminal, [supervising, from.path, to.path])) throw invalidField('body.terminalId', 'not an enabled device account holding avl:report where the transport is supervised or a site lies');
  }
  const stock = from.accounts.get(`${input.itemKey}:stock`);
  const target = to.accounts.get(`${input.itemKey}:stock`);
  if (!stock) throw new AppError('GOODS_NOT_LICENSED', `${from.name} holds no ${input.itemKey}`, { fields: [{ path: 'body.itemKey', message: 'not licensed at the sending site' }] });
  if (!target || target.maxBalance === 0) throw new AppError('GOODS_NOT_LICENSED', `${to.name} is not licensed for ${input.itemKey}`, { fields: [{ path: 'body.toSiteId', message: 'not licensed for this item' }] });
  if (!mayTakeIn(to.state)) throw new AppError('GOODS_LICENCE_NOT_VALID', `The licence of ${to.name} is ${to.state.replaceAll('_', ' ')}: it may not take goods in`, { fields: [{ path: 'body.toSiteId', message: `licence ${to.state.replaceAll('_', ' ')}` }] });
  const short = () => new AppError('GOODS_INSUFFICIENT_BALANCE', `${from.name} holds less than ${input.quantity} ${stock.unit} of ${input.itemKey}`, { fields: [{ path: 'body.quantity', message: 'more than the sending site holds' }] });
  if (stock.balance < input.quantity) throw short();
  if (target.maxBalance !== null && target.balance + input.quantity > target.maxBalance) {
    throw new AppError('GOODS_LICENCE_MAXIMUM_EXCEEDED', `${input.quantity} ${stock.unit} more of ${input.itemKey} would take ${to.name} above its licence's maximum`, { fields: [{ path: 'body.quantity', message: "above the receiving site's licence" }] });
  }

  const ends = await rows<{ id: string; lon: number; lat: number }>(deps.db, sql`select s.id, ST_X(p.location) as lon, ST_Y(p.location) as lat
    from goods_sites s join places p on p.id = s.place_id where s.id in (${from.siteId}::uuid, ${to.siteId}::uuid)`);
  const at = (id: string): [number, number] => { const e = ends.find((r) => r.id === id)!; return [Number(e.lon), Number(e.lat)]; };
  const window = { from: Date.parse(input.window.from), until: Date.parse(input.window.until) };
  const zones = await zonesFor(deps.db, at(from.siteId), at(to.siteId), window, timeZone);
  const planned = planRoute(await network(), at(from.siteId), at(to.siteId), zones);
  const offRoute = stopOffRoute(planned.coordinates, input.corridorMeters, input.stops);
  if (offRoute >= 0) throw invalidField(`body.stops.${offRoute}.location`, 'outside the approved route\'s corridor');
  const line = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: planned.coordinates })}), 4326)`;
  const roots = scopeRoots(ctx.actor, 'goods:license');
  // Jurisdictions drawn without a boundary cannot say where a road leaves them: no check then.
  const [outside] = await rows<{ m: number }>(deps.db, sql`select coalesce(ST_Length(ST_Difference(${line}, u)::geography), 0) as m
    from (select ST_Union(boundary) as u from jurisdictions where boundary is not null and path in (${sql.join(roots.map((r) => sql`${r}::ltree`), sql`, `)})) b`);
  if (Number(outside?.m ?? 0) > BORDER_SLACK_METRES) {
    throw new AppError('GOODS_PERMIT_OUTSIDE_SCOPE', `The approved route would run ${Math.round(Number(outside!.m))} m outside the jurisdictions you may issue permits for`, { fields: [{ path: 'body.toSiteId', message: 'the route leaves your jurisdictions' }] });
  }

  const id = uuidv7();
  const transferId = uuidv7();
  try {
    // The permit is the command's answer: a retry under the same Idempotency-Key gets the one first issued.
    const { result } = await runCommand(deps, ctx, async (tx, record) => {
      await tx.execute(sql`insert into goods_accounts (id, site_id, item_key, kind, debits_must_not_exceed_credits, max_balance)
        values (${uuidv7()}, ${from.siteId}, ${input.itemKey}, 'in_transit', true, null) on conflict (site_id, item_key, kind) do nothing`);
      const [transit] = await rows<{ id: string }>(tx, sql`select id from goods_accounts where site_id = ${from.siteId} and item_key = ${input.itemKey} and kind = 'in_transit'`);
      await tx.execute(sql`insert into goods_transfers (id, kind, item_key, debit_account_id, credit_account_id, amount, counterparty, note, recorded_by, recorded_by_name, at)
        values (${transferId}, 'dispatch', ${input.itemKey}, ${stock.id}, ${transit!.id}, ${input.quantity}::bigint, ${to.name}, ${`transport permit ${id}`}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${now})`);
      await tx.execute(sql`insert into goods_permits (id, state, item_key, quantity, vehicle, from_site_id, to_site_id, supervising_path, window_from, window_until,
          corridor_meters, max_stop_minutes, dark_after_minutes, stops, arrival_meters, arrival_minutes, time_zone, route, corridor, distance_meters, duration_seconds, zones, watch, dispatch_transfer_id, note,
          issued_by, issued_by_name, issued_at, terminal_id)
        values (${id}, 'issued', ${input.itemKey}, ${input.quantity}::bigint, ${input.vehicle}, ${from.siteId}, ${to.siteId}, ${supervising}::ltree,
          ${new Date(window.from)}, ${new Date(window.until)}, ${input.corridorMeters}, ${input.maxStopMinutes}, ${input.darkAfterMinutes},
          ${JSON.stringify(input.stops)}::jsonb, ${input.arrivalMeters}, ${input.arrivalMinutes}, ${timeZone},
          ${line}, ST_Buffer(${line}::geography, ${input.corridorMeters})::geometry, ${planned.distanceMeters}, ${planned.durationSeconds},
          ${JSON.stringify(planned.zones)}::jsonb, ${JSON.stringify(freshWatch())}::jsonb, ${transferId}, ${input.note ?? null},
          ${ctx.actor.id}, ${ctx.actor.displayName}, ${now}, ${input.terminalId ?? null})`);
      const permit = (await findPermitRecord(tx, id))!.permit;
      record.audit({ action: 'goods.permit_issued', entityType: 'goods_permit', entityId: id, jurisdictionPath: supervising, after: { ...permit, route: undefined, corridor: undefined, zones: permit.zones.map((z) => z.id) } });
      for (const path of new Set([supervising, from.path, to.path])) record.emit({ type: 'goods.permit_issued', jurisdictionPath: path, data: { permit: { id, vehicle: permit.vehicle, state: permit.state, from: permit.from, to: permit.to, item: permit.item, quantity: permit.quantity } } });
      return permit;
    });
    return result;
  } catch (err) {
    throw ledgerRefusal(err, { goods_accounts_no_negative_balance: { code: 'GOODS_INSUFFICIENT_BALANCE', detail: short().message, field: 'body.quantity' } }) ?? err;
  }
}
