import type { LicensedItemInput } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import type { Actor } from '../../platform/auth/access.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import { createPlaceIn } from '../places/index.js';
import { licenseSite } from './license-site.js';
import { recordTransfers } from './record-transfer.js';

const DEMO_ACTOR_ID = '00000000-0000-7000-8000-00000000600d';
/** Namespace for the demo's opening receipts: the same ids on every start, so a rerun never doubles them. */
const DEMO_NS = '6f0d5a52-8c1e-4a53-9d5e-1f6f0e4b2a18';
const DAY_MS = 86_400_000;
const LITRE = 1000;

const FUEL: LicensedItemInput[] = [
  { kind: 'chemical', unNumber: 'UN1203', hazardClass: '3', name: 'Petrol (gasoline)', unit: 'ml', maxQuantity: 60_000 * LITRE },
  { kind: 'chemical', unNumber: 'UN1202', hazardClass: '3', name: 'Diesel fuel', unit: 'ml', maxQuantity: 50_000 * LITRE },
  { kind: 'chemical', unNumber: 'UN1965', hazardClass: '2.1', name: 'LPG (hydrocarbon gas mixture, liquefied)', unit: 'g', maxQuantity: 2_000_000 },
];

/**
 * Plausible licensed sites at industrial areas of the demo country's OSM extract (landuse=industrial
 * ways, centroid of their outline; © OpenStreetMap contributors, ODbL). Invented holdings, named "Demo:".
 */
const INDUSTRIAL: { name: string; category: 'hazardous_chemicals' | 'explosives_magazine'; at: [number, number]; osmWay: number; items: LicensedItemInput[]; stock: number[] }[] = [
  { name: 'Demo: chemicals store, Vaduz-Triesen industrial area', category: 'hazardous_chemicals', at: [9.51737, 47.12072], osmWay: 25209064, items: [
    { kind: 'chemical', unNumber: 'UN1791', hazardClass: '8', name: 'Hypochlorite solution', unit: 'ml', maxQuantity: 20_000 * LITRE },
    { kind: 'chemical', unNumber: 'UN1830', hazardClass: '8', name: 'Sulphuric acid', unit: 'ml', maxQuantity: 10_000 * LITRE },
    { kind: 'chemical', unNumber: 'UN1005', hazardClass: '2.3', name: 'Ammonia, anhydrous', unit: 'g', maxQuantity: 1_000_000 },
  ], stock: [12_500 * LITRE, 4_000 * LITRE, 640_000] },
  { name: 'Demo: industrial gases depot, Balzers', category: 'hazardous_chemicals', at: [9.51014, 47.07716], osmWay: 125664867, items: [
    { kind: 'chemical', unNumber: 'UN1072', hazardClass: '2.2', name: 'Oxygen, compressed', unit: 'g', maxQuantity: 3_000_000 },
    { kind: 'chemical', unNumber: 'UN1001', hazardClass: '2.1', name: 'Acetylene, dissolved', unit: 'g', maxQuantity: 500_000 },
  ], stock: [1_800_000, 220_000] },
  { name: 'Demo: blasting materials magazine, Eschen industrial area', category: 'explosives_magazine', at: [9.52989, 47.20822], osmWay: 126753521, items: [
    { kind: 'controlled', category: 'explosives', name: 'Explosive, blasting, type E (emulsion)', unit: 'g', maxQuantity: 2_000_000 },
    { kind: 'controlled', category: 'detonators', name: 'Detonators, electric', unit: 'item', maxQuantity: 5_000 },
  ], stock: [750_000, 1_200] },
  { name: 'Demo: gun dealer and range store, Schaan industrial area', category: 'explosives_magazine', at: [9.52437, 47.18025], osmWay: 47203014, items: [
    { kind: 'controlled', category: 'firearms', name: 'Firearms', unit: 'item', maxQuantity: 150 },
    { kind: 'controlled', category: 'ammunition', name: 'Small-arms cartridges', unit: 'round', maxQuantity: 200_000 },
  ], stock: [64, 48_000] },
];

/**
 * Demo data (first start with FIREBREAK_DEMO): a licence for each of the country's fuel stations
 * (one of them expiring within its alert window) and four invented sites at OSM industrial areas,
 * each with an opening stock received from "Demo supplier". Returns the sites licensed (0 on a rerun).
 */
export async function ensureDemoGoods(deps: CommandDeps): Promise<number> {
  const [done] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from goods_sites where demo`);
  if (done!.n > 0) return 0;
  const [root] = await rows<{ id: string; path: string; name: string }>(deps.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path limit 1`);
  if (!root) return 0;
  const actor: Actor = { id: DEMO_ACTOR_ID, username: 'demo', displayName: 'Demo data', kind: 'staff', via: { kind: 'system' }, grants: [{ id: DEMO_ACTOR_ID, role: 'administrator', jurisdictionId: root.id, path: root.path, jurisdictionName: root.name }] };
  const ctx = { actor, requestId: null };
  const now = deps.clock();
  const licence = (n: number, items: LicensedItemInput[], untilDays: number) => ({
    number: `DEMO-${String(n).padStart(4, '0')}`, validFrom: new Date(now.getTime() - 365 * DAY_MS).toISOString(), validUntil: new Date(now.getTime() + untilDays * DAY_MS).toISOString(),
    expiryAlertDays: 30, storageConditions: 'Demo data. Underground tanks with leak detection; dispensing area with interceptor; no storage above ground beyond the licence.',
    responsiblePerson: { name: 'Demo site manager', role: 'Station manager' }, items,
  });
  const stations = await rows<{ id: string }>(deps.db, sql`select id from places where category = 'fuel_station' order by osm_type nulls last, osm_id nulls last, id`);
  let n = 0;
  // One batch per site: the opening receipts of all its items.
  const open = (siteId: string, items: LicensedItemInput[], stock: number[]) => recordTransfers(deps, ctx, items.map((item, i) => {
    const itemKey = item.kind === 'chemical' ? item.unNumber : item.category;
    return { id: uuidv5(`${siteId}:${itemKey}`, DEMO_NS), kind: 'receipt' as const, siteId, itemKey, quantity: stock[i]!, counterparty: 'Demo supplier', note: 'Opening stock (demo data)' };
  }), (i) => `opening.${i}`);
  for (const s of stations) {
    n++;
    const site = await licenseSite(deps, ctx, { placeId: s.id, licence: licence(n, FUEL, n === 1 ? 20 : 400 + n * 30) }, { demo: true });
    await open(site.id, FUEL, [Math.round(FUEL[0]!.maxQuantity * (0.3 + (n % 5) / 10)), Math.round(FUEL[1]!.maxQuantity * (0.25 + (n % 4) / 10)), 400_000 + (n % 3) * 250_000]);
  }
  for (const d of INDUSTRIAL) {
    n++;
    const { result: place } = await runCommand(deps, ctx, (tx, record) => createPlaceIn(tx, record, ctx, { name: d.name, category: d.category, geometry: { type: 'Point', coordinates: d.at }, operator: `Demo data (at OSM way ${d.osmWay})` }));
    const l = { ...licence(n, d.items, 500), storageConditions: 'Demo data. Locked store with intrusion alarm; segregation by class; quantities within the licence.', responsiblePerson: { name: 'Demo licence holder', role: 'Responsible person under the licence' } };
    const site = await licenseSite(deps, ctx, { placeId: place.id, licence: l }, { demo: true });
    await open(site.id, d.items, d.stock);
  }
  return n;
}
