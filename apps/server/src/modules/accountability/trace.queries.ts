import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';

/** A point and how far around it counts as near; the window the trace covers. */
export interface Around {
  lon: number;
  lat: number;
  radiusM: number;
  from: Date;
  to: Date;
}

const pointOf = (a: Around) => sql`ST_SetSRID(ST_MakePoint(${a.lon}, ${a.lat}), 4326)::geography`;
const listOf = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

export interface NearPlace { id: string; category: string; path: string }

export function placesNear(q: Queryable, a: Around): Promise<NearPlace[]> {
  return rows<NearPlace>(q, sql`select id, category, jurisdiction_path::text as path from places
    where ST_DWithin(location::geography, ${pointOf(a)}, ${a.radiusM}) order by id`);
}

export interface HazardCandidate {
  id: string; title: string; grade: 'general' | 'major'; place_id: string; place_name: string; path: string; raised_at: Date | string; distance_m: number;
}

/**
 * Hazards at places near the point that could have been open in the window: raised by its end and
 * not verified before its start (a fix is closed only after it is verified). Their audit entries decide.
 */
export function hazardCandidates(q: Queryable, a: Around): Promise<HazardCandidate[]> {
  return rows<HazardCandidate>(q, sql`select h.id, h.title, h.grade, h.place_id, p.name as place_name, h.jurisdiction_path::text as path, h.raised_at,
      ST_Distance(p.location::geography, ${pointOf(a)}) as distance_m
    from hazards h join places p on p.id = h.place_id
    where h.raised_at <= ${a.to} and (h.verified_at is null or h.verified_at >= ${a.from})
      and ST_DWithin(p.location::geography, ${pointOf(a)}, ${a.radiusM})
    order by distance_m, h.raised_at, h.id`);
}

export interface TaskCandidate {
  id: string; title: string; directive_id: string | null; place_id: string | null; category: string | null; path: string;
}

/**
 * Tasks created by the window's end that concerned the place: about a place near by; about the
 * category of one, owned at, above or below the reference jurisdiction; or about nothing narrower
 * than a jurisdiction responsible for the place (the reference jurisdiction or one above it).
 */
export function taskCandidates(q: Queryable, a: Around, refPath: string, near: readonly NearPlace[]): Promise<TaskCandidate[]> {
  const ids = near.map((p) => p.id);
  const categories = [...new Set(near.map((p) => p.category))];
  return rows<TaskCandidate>(q, sql`select t.id, t.title, t.directive_id, t.place_id, t.category, t.jurisdiction_path::text as path
    from tasks t
    where t.created_at <= ${a.to} and (
      ${ids.length > 0 ? sql`t.place_id in (${listOf(ids)})` : sql`false`}
      or (t.place_id is null and ${categories.length > 0 ? sql`t.category in (${listOf(categories)})` : sql`false`}
          and (t.jurisdiction_path @> ${refPath}::ltree or t.jurisdiction_path <@ ${refPath}::ltree))
      or (t.place_id is null and t.category is null and t.jurisdiction_path @> ${refPath}::ltree))
    order by t.created_at, t.id`);
}

export interface TargetRow {
  directive_id: string; title: string; path: string; ack_due_at: Date | string; report_due_at: Date | string;
  acknowledged_at: Date | string | null; reported_at: Date | string | null;
}

/**
 * Directive targets at or above the reference jurisdiction, delivered by the window's end: by the ids of
 * its ancestors (directive_targets has a B-tree on `jurisdiction_id`, no GiST on its path since migration 0046).
 */
export function targetsAbove(q: Queryable, a: Around, refPath: string): Promise<TargetRow[]> {
  return rows<TargetRow>(q, sql`select d.id as directive_id, d.title, t.jurisdiction_path::text as path, d.ack_due_at, d.report_due_at, t.acknowledged_at, t.reported_at
    from directive_targets t join directives d on d.id = t.directive_id
    where t.jurisdiction_id = any(array(select j.id from jurisdictions j where j.path @> ${refPath}::ltree)) and t.delivered_at <= ${a.to}
    order by d.issued_at, d.id, t.jurisdiction_path`);
}

export interface IncidentTiers { id: string; path: string; tiers: { tier: number; label: string; minutes?: number; requirement?: 'responded' | 'on_scene'; units?: number; deadlineAt: string; missedAt: string | null }[] }

/** Incidents received near the point within the window, with their response clocks. */
/** Simulated incidents are not part of the record a trace states facts from. */
export function incidentsNear(q: Queryable, a: Around): Promise<IncidentTiers[]> {
  return rows<IncidentTiers>(q, sql`select id, jurisdiction_path::text as path, tiers from incidents
    where origin <> 'simulated' and received_at >= ${a.from} and received_at <= ${a.to} and ST_DWithin(location::geography, ${pointOf(a)}, ${a.radiusM})
    order by received_at, id`);
}

export interface HoldingRow {
  post_id: string; title: string; kind: 'leader' | 'deputy' | 'head_of_department' | 'duty_post' | 'other'; path: string;
  user_id: string | null; display_name: string | null; from_at: Date | string | null; to_at: Date | string | null;
}

/** The posts of the given jurisdictions that existed by the window's end, with whoever held them at some instant of it. */
export function postsHeld(q: Queryable, a: Around, paths: readonly string[]): Promise<HoldingRow[]> {
  if (paths.length === 0) return Promise.resolve([]);
  return rows<HoldingRow>(q, sql`select p.id as post_id, p.title, p.kind, p.jurisdiction_path::text as path, h.user_id, u.display_name, h.from_at, h.to_at
    from posts p
    left join post_holdings h on h.post_id = p.id and h.from_at <= ${a.to} and (h.to_at is null or h.to_at > ${a.from})
    left join users u on u.id = h.user_id
    where p.jurisdiction_path::text in (${listOf(paths)}) and p.created_at <= ${a.to}
    order by nlevel(p.jurisdiction_path), p.jurisdiction_path, p.kind, p.id, h.from_at`);
}
