import { CreatePlaceBody, PlaceGeometry } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { rows } from '../../../platform/db/client.js';
import { createPlaceIn, deepestContaining, geometrySql } from '../../places/index.js';
import { RowRejected, numberCell, parseBody, type OnboardKindRules } from '../rows.js';

export const PLACE_COLUMNS: Record<string, string> = {
  name: 'name', category: 'category', geometry: 'lon', jurisdictionId: 'jurisdiction', operator: 'operator', contact: 'contact', responsiblePost: 'responsible_post',
};

const STATION_CATEGORIES = ['fire_station', 'police_station'];

type PlaceRow = CreatePlaceBody & { code?: string };

/**
 * Key places (schools, hospitals, …) and, as `stations`, the fire and police stations units are
 * based at. A point from `lon` / `lat` (or a GeoJSON feature, outlines too); the jurisdiction is
 * the one named, or the deepest whose boundary holds the place, as when a place is added by hand.
 * Known by a `code` column when the file has one (an official register number), else by name,
 * category and jurisdiction.
 */
export function placeRules(kind: 'places' | 'stations'): OnboardKindRules<PlaceRow> {
  return {
    entityType: 'place',
    columns: { required: ['name', 'category', 'lon', 'lat'], optional: ['jurisdiction', 'operator', 'contact', 'responsible_post', 'code'], geojson: true },

    async prepare(q, env, { values: v, geometry }) {
      if (kind === 'stations' && v.category !== undefined && !STATION_CATEGORIES.includes(v.category)) {
        throw new RowRejected('category', `a station is a fire_station or a police_station, not ${v.category} (load other key places with onboard places)`);
      }
      if (geometry === undefined && (v.lon === undefined || v.lat === undefined)) throw new RowRejected(v.lon === undefined ? 'lon' : 'lat', 'a place needs lon and lat');
      const j = v.jurisdiction === undefined ? undefined : env.jurisdictions.resolve(v.jurisdiction, 'jurisdiction');
      const body = parseBody(CreatePlaceBody, {
        name: v.name, category: v.category, jurisdictionId: j?.id, operator: v.operator, contact: v.contact, responsiblePost: v.responsible_post,
        geometry: geometry ?? { type: 'Point', coordinates: [numberCell(v.lon), numberCell(v.lat)] },
      }, PLACE_COLUMNS);
      if (v.code !== undefined) return { key: `code ${v.code}`, body: { ...body, code: v.code } };
      const where = j ?? (await deepestContaining(q, sql`ST_PointOnSurface(${geometrySql(body.geometry)})`));
      return { key: `${body.name} · ${body.category} · ${where?.path ?? 'outside every jurisdiction'}`, body };
    },

    async existing(q, _env, body) {
      const found = body.code !== undefined ? await byCode(q, body.code) : await byName(q, body);
      if (!found) return null;
      const differences = [
        found.name !== body.name && `name is ${found.name}, the file says ${body.name}`,
        found.category !== body.category && `category is ${found.category}, the file says ${body.category}`,
        found.metres > 25 && `it lies ${Math.round(found.metres)} m from the file's position`,
      ].filter((d): d is string => typeof d === 'string');
      return { id: found.id, difference: differences[0] ?? null };
    },

    async create(tx, record, env, body) {
      const { code: _code, ...input } = body;
      const place = await createPlaceIn(tx, record, { actor: env.actor }, input);
      return { id: place.id, path: place.jurisdictionPath };
    },
  };

  type Found = { id: string; name: string; category: string; metres: number };

  async function byCode(q: Parameters<OnboardKindRules<PlaceRow>['existing']>[0], code: string): Promise<Found | undefined> {
    // The code lives with the batch that created the place: a place added by hand has none.
    const [p] = await rows<Found>(q, sql`select p.id, p.name, p.category, 0 as metres from onboarding_items i
      join onboarding_batches b on b.id = i.batch_id and b.undone_at is null and b.kind = ${kind}
      join places p on p.id = i.entity_id where i.natural_key = ${`code ${code}`} limit 1`);
    return p;
  }

  async function byName(q: Parameters<OnboardKindRules<PlaceRow>['existing']>[0], body: PlaceRow): Promise<Found | undefined> {
    const g = geometrySql(PlaceGeometry.parse(body.geometry));
    // Named jurisdiction: the place is there. Otherwise the deepest one holding it, or one above (an outline across a border moves up).
    const within = body.jurisdictionId !== undefined
      ? sql`p.jurisdiction_id = ${body.jurisdictionId}`
      : sql`p.jurisdiction_path @> (select path from jurisdictions where boundary is not null and ST_Intersects(boundary, ST_PointOnSurface(${g})) order by nlevel(path) desc limit 1)`;
    const [p] = await rows<Found>(q, sql`select p.id, p.name, p.category, ST_Distance(p.location::geography, ST_PointOnSurface(${g})::geography) as metres from places p
      where lower(p.name) = lower(${body.name}) and p.category = ${body.category} and ${within}
      order by metres limit 1`);
    return p ? { ...p, metres: Number(p.metres) } : undefined;
  }
}
