import { sql } from 'drizzle-orm';
import { rows, type Db } from '../src/platform/db/client.js';

/**
 * What each table contributes to a snapshot: the columns a write would change, and an order.
 * Tests compare snapshots before and after a refused request: nothing may have changed.
 */
export const DIGESTS = {
  users: ['id, username, display_name, kind, disabled_at, password_hash, jurisdiction_id', 'id'],
  grants: ['id, user_id, role, jurisdiction_id', 'id'],
  jurisdictions: ['id, path, name, level, md5(ST_AsEWKB(boundary))', 'id'],
  api_tokens: ['id, revoked_at, user_id', 'id'],
  sessions: ['id, revoked_at, user_id', 'id'],
  places: ['id, version, name, category, jurisdiction_path, operator, contact, responsible_post, md5(ST_AsEWKB(geom))', 'id'],
  checklist_templates: ['id, key, version', 'id'],
  hazards: ['id, version, state, due_at, stop_use, escalated_to_path, jurisdiction_path', 'id'],
  hazard_extensions: ['id, state, requested_due_at', 'id'],
  hazard_evidence: ['id, hazard_id, sha256', 'id'],
  hazard_deadline_policies: ['jurisdiction_id, general_days, major_days, updated_at', 'jurisdiction_id'],
  inspections: ['id, place_id', 'id'],
  inspection_attachments: ['id, inspection_id, sha256', 'id'],
  campaigns: ['id, issuer_path, assignment_count', 'id'],
  campaign_assignments: ['id, status, inspection_id', 'id'],
  campaign_coverage: ['campaign_id, jurisdiction_path, category, total, inspected, missed', 'campaign_id, jurisdiction_path, category'],
  units: ['id, version, call_sign, kind, jurisdiction_path, home_station_id, md5(ST_AsEWKB(home_location)), crew_size, capabilities, status, on_duty, incident_id', 'id'],
  unit_track: ['unit_id, at, md5(ST_AsEWKB(location)), speed_kmh, heading', 'unit_id, at'],
  incidents: ['id, version, state, jurisdiction_path, address, caller_number, caller_purged_at, narrative, received_at, md5(tiers::text), duplicate_of', 'id'],
  assignments: ['id, state, unit_id, acknowledged_at, en_route_at, on_scene_at, cleared_at, cancelled_at', 'id'],
  response_plans: ['id, version, jurisdiction_path, incident_type, priority, md5(tiers::text)', 'id'],
  posts: ['id, jurisdiction_path, kind, title', 'id'],
  post_holdings: ['id, post_id, user_id, from_at, to_at', 'id'],
  directives: ['id, issuer_path, title, content, ack_due_at, report_due_at', 'id'],
  directive_targets: ['id, directive_id, jurisdiction_path, state, acknowledgement_note, report, version', 'id'],
  tasks: ['id, version, parent_task_id, owner_post_id, jurisdiction_path, title, place_id, category, due_at, weight, percent, status, overdue_at', 'id'],
  task_reports: ['id, task_id, percent, note', 'id'],
  standing_duties: ['id, owner_post_id, jurisdiction_path, title, every_days, starts_at, ends_at, next_period_at', 'id'],
  task_report_evidence: ['id, report_id, sha256', 'id'],
  supervision_visits: ['id, subject_type, subject_id, jurisdiction_path, visited_at, summary, verified_hazard_ids', 'id'],
  supervision_findings: ['id, visit_id, description, correction_hazard_id', 'id'],
  mutual_aid_agreements: ['id, version, providing_path, requesting_path, unit_kinds, mutual, revoked_at', 'id'],
  coverage_settings: ['jurisdiction_id, version, category_hours, move_up_threshold, move_up_minutes', 'jurisdiction_id'],
  closed_day_lists: ['jurisdiction_id, year, version', 'jurisdiction_id, year'],
  closed_days: ['id, jurisdiction_id, from_date, to_date, kind, name, categories', 'id'],
  coverage_moves: ['id, state, unit_id, ended_at', 'id'],
  patrol_plans: ['id, version, state, jurisdiction_path, shift_start, shift_end', 'id'],
  patrol_posts: ['id, plan_id, unit_id, assigned_at, md5(windows::text)', 'id'],
  major_incidents: ['id, version, level, state, command_path', 'id'],
  major_incident_positions: ['id, major_incident_id, role, name', 'id'],
  import_batches: ['id, undone_at', 'id'],
  major_incident_points: ['id, kind, name, md5(ST_AsEWKB(location)), removed_at, cordon_kind, unit_id, assigned_at', 'id'],
  major_incident_sitreps: ['id, major_incident_id, seq, reinforcement_request_id', 'id'],
  reinforcement_requests: ['id, state, target_path, count, granted', 'id'],
  goods_sites: ['id, version, place_id, supervising_path, licence_number, valid_until', 'id'],
  goods_accounts: ['id, credits_posted, debits_posted, max_balance', 'id'],
  goods_transfers: ['id, kind, amount, reverses', 'id'],
  goods_reconciliations: ['id, site_id', 'id'],
  goods_permits: ['id, version, state, md5(watch::text), last_fix_at', 'id'],
  goods_transport_trail: ['permit_id, at', 'permit_id, at'],
} as const;
export type DigestTable = keyof typeof DIGESTS;

/** Everything a refused request must leave untouched: the audit trail, the outbox, and `tables`. */
export async function snapshot(db: Db, tables: readonly DigestTable[]): Promise<Record<string, unknown>> {
  const digest = (table: DigestTable) => {
    const [columns, order] = DIGESTS[table];
    return sql.raw(`(select md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' order by ${order}), '')) from ${table}) as ${table}`);
  };
  // Audit rows are identified by their time-ordered UUIDv7 id: seq is assigned after commit by the chainer.
  const [row] = await rows<Record<string, unknown>>(db, sql`select
    (select coalesce(max(id::text), '') from audit_log) as audit_seq,
    (select count(*)::int from outbox) as outbox,
    (select count(*)::int from idempotency_keys) as idempotency_keys
    ${sql.join(tables.map((table) => sql`, ${digest(table)}`))}`);
  return row!;
}

/** Actions of the audit rows written after a snapshot's `audit_seq`, oldest first. */
export async function auditActionsAfter(db: Db, seq: unknown): Promise<string[]> {
  const list = await rows<{ action: string }>(db, sql`select action from audit_log where id::text > ${String(seq)} order by id`);
  return list.map((r) => r.action);
}
