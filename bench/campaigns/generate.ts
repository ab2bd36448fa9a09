// Generates a national-size world in an empty, migrated database: a 4-level tree of 3,000
// jurisdictions, 200,000 places, one national campaign issued through the real command,
// 1,000,000 inspections and 300,000 hazards. Set-based SQL; seeded, so runs are comparable.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../apps/server/src/platform/auth/access.js';
import type { Platform } from '../../apps/server/src/platform/kernel.js';
import { issueCampaign } from '../../apps/server/src/modules/campaigns/issue-campaign.js';
import { ensureStarterChecklists } from '../../apps/server/src/modules/checklists/index.js';

export const SIZE = { regions: 30, municipalitiesPerRegion: 10, stations: 2669, places: 200_000, inspections: 1_000_000, hazards: 300_000 };
export const CATEGORIES = ['school', 'kindergarten', 'hospital', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'crowded_place', 'road_black_spot', 'other'];
const DAY_MS = 86_400_000;

export interface World {
  campaignId: string;
  now: Date;
  seconds: Record<string, number>;
}

async function timed(seconds: Record<string, number>, step: string, job: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await job();
  seconds[step] = (performance.now() - start) / 1000;
}

export async function generate(platform: Platform, say: (s: string) => void): Promise<World> {
  const db = platform.db;
  const seconds: Record<string, number> = {};
  const now = platform.clock();
  await db.execute(sql`select setseed(0.42)`);

  say('  jurisdictions…');
  await timed(seconds, 'jurisdictions', async () => {
    await db.execute(sql`insert into jurisdictions (id, path, name, level) values (gen_random_uuid(), 'n', 'Nation', 'national')`);
    await db.execute(sql`insert into jurisdictions (id, parent_id, path, name, level)
      select gen_random_uuid(), (select id from jurisdictions where path = 'n'), ('n.r' || lpad(r::text, 2, '0'))::ltree, 'Region ' || r, 'region'
      from generate_series(1, ${SIZE.regions}) r`);
    await db.execute(sql`insert into jurisdictions (id, parent_id, path, name, level)
      select gen_random_uuid(), j.id, (j.path::text || '.m' || lpad(m::text, 2, '0'))::ltree, j.name || ' / municipality ' || m, 'municipality'
      from jurisdictions j, generate_series(1, ${SIZE.municipalitiesPerRegion}) m where j.level = 'region'`);
    await db.execute(sql`with m as (select id, path, row_number() over (order by path) - 1 as k, count(*) over () as n from jurisdictions where level = 'municipality')
      insert into jurisdictions (id, parent_id, path, name, level)
      select gen_random_uuid(), m.id, (m.path::text || '.s' || lpad(s::text, 4, '0'))::ltree, 'Station ' || s, 'station'
      from generate_series(0, ${SIZE.stations - 1}) s join m on m.k = s % m.n`);
  });

  say('  places…');
  await timed(seconds, 'places', async () => {
    // Nine in ten places belong to a station, one in ten directly to a municipality.
    await db.execute(sql`create temp table owners as select row_number() over (order by path) - 1 as k, id, path from jurisdictions where level in ('station', 'municipality')`);
    await db.execute(sql`insert into places (id, jurisdiction_id, jurisdiction_path, category, name, geom, location)
      select gen_random_uuid(), o.id, o.path, (${sql.raw(`ARRAY['${CATEGORIES.join("','")}']`)})[1 + (i % ${CATEGORIES.length})], 'Place ' || i, pt, pt
      from (select i, ST_SetSRID(ST_MakePoint(5 + random() * 10, 45 + random() * 8), 4326) as pt,
                   floor(random() * (select count(*) from owners))::int as k from generate_series(1, ${SIZE.places}) i) x
      join owners o on o.k = x.k`);
  });
  await ensureStarterChecklists(platform.command);
  await db.execute(sql`analyze`);

  say('  national campaign (issueCampaign, the real command)…');
  const starts = new Date(now.getTime() - 20 * DAY_MS);
  const actor: Actor = {
    id: '00000000-0000-7000-8000-000000000001', username: 'bench', displayName: 'bench', kind: 'staff', via: { kind: 'system' },
    grants: [{ id: '00000000-0000-7000-8000-000000000002', role: 'administrator', jurisdictionId: '00000000-0000-7000-8000-000000000003', path: 'n', jurisdictionName: 'Nation' }],
  };
  const [nation] = (await db.execute(sql`select id from jurisdictions where path = 'n'`) as unknown as { rows: { id: string }[] }).rows;
  let campaignId = '';
  await timed(seconds, 'issue campaign (200,000 assignments)', async () => {
    const campaign = await issueCampaign(platform.command, { actor, requestId: null }, {
      title: 'National campaign', jurisdictionId: nation!.id, categories: CATEGORIES as never,
      startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 30 * DAY_MS).toISOString(),
    });
    campaignId = campaign.id;
  });

  say('  inspections…');
  await timed(seconds, 'inspections', async () => {
    await db.execute(sql`create temp table place_ids as select row_number() over (order by id) - 1 as k, id, jurisdiction_path from places`);
    const template = (await db.execute(sql`select id from checklist_templates where key = 'fire_safety'`) as unknown as { rows: { id: string }[] }).rows[0]!.id;
    // Spread over the past year; about one in twelve falls inside the campaign's 30 days.
    await db.execute(sql`insert into inspections (id, place_id, jurisdiction_path, template_id, recorded_at, answers, score, max_score, failed_items, distance_m, far_from_place)
      select gen_random_uuid(), p.id, p.jurisdiction_path, ${template}, ${now}::timestamptz - random() * interval '365 days', '[]'::jsonb,
             (random() * 20)::int, 20, '{}', random() * 500, random() < 0.1
      from (select floor(random() * ${SIZE.places})::int as k from generate_series(1, ${SIZE.inspections})) x join place_ids p on p.k = x.k`);
    // What crediting did for these inspections: the first one in the campaign period closes the assignment.
    await db.execute(sql`update campaign_assignments a set status = 'done', inspection_id = f.id, done_at = f.recorded_at
      from (select distinct on (i.place_id) i.place_id, i.id, i.recorded_at from inspections i, campaigns c
            where c.id = ${campaignId} and i.recorded_at >= c.starts_at and i.recorded_at < c.missed_at order by i.place_id, i.recorded_at) f
      where a.campaign_id = ${campaignId} and a.place_id = f.place_id`);
    await db.execute(sql`update campaign_coverage c set inspected = d.n
      from (select jurisdiction_path, category, count(*)::int as n from campaign_assignments where campaign_id = ${campaignId} and status = 'done' group by 1, 2) d
      where c.campaign_id = ${campaignId} and c.jurisdiction_path = d.jurisdiction_path and c.category = d.category`);
  });

  say('  hazards…');
  await timed(seconds, 'hazards', async () => {
    await db.execute(sql`insert into hazards (id, place_id, jurisdiction_path, grade, state, title, raised_at, due_at, updated_at, supervised_by_path)
      select gen_random_uuid(), p.id, p.jurisdiction_path, g, s, 'Hazard ' || x.i, ${now}::timestamptz - interval '90 days',
             ${now}::timestamptz + (random() * 120 - 60) * interval '1 day', ${now},
             case when g = 'major' and random() < 0.05 then subpath(p.jurisdiction_path, 0, 2) end
      from (select i, floor(random() * ${SIZE.places})::int as k,
                   case when random() < 0.15 then 'major' else 'general' end as g,
                   (ARRAY['open', 'rectifying', 'rectifying', 'submitted', 'verified', 'closed', 'closed', 'closed', 'closed', 'closed'])[1 + floor(random() * 10)::int] as s
            from generate_series(1, ${SIZE.hazards}) i) x join place_ids p on p.k = x.k`);
  });
  await db.execute(sql`analyze`);
  return { campaignId, now, seconds };
}
