import type { CommandPosition, MajorIncident, MajorIncidentSummary, ReportUpClock, Sitrep, SitrepBody } from '@firebreak/contracts';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { independentReads, rows, type Queryable } from '../../platform/db/client.js';
import { postHoldings, posts } from '../posts/index.js';
import { units } from '../units/index.js';
import { findStaff } from '../identity/index.js';
import { reinforcementRequests } from '../reinforcements/index.js';
import {
  majorIncidentCasualties, majorIncidentPositionHolds, majorIncidentPositions, majorIncidentSectorUnits, majorIncidentSitreps,
} from './major-incidents.tables.js';
import { cordonsOf, pointsOf } from './cordons.queries.js';
import { tally } from './model.js';

export interface MajorRow {
  id: string; incidentId: string | null; title: string; level: MajorIncident['level']; levelName: string; exercise: boolean; state: 'active' | 'stood_down';
  lon: number; lat: number; jurisdictionId: string; jurisdictionPath: string; jurisdictionName: string;
  commandJurisdictionId: string; commandPath: string; commandName: string; informJurisdictionId: string; informPath: string; informName: string;
  declaredAt: Date; declaredBy: string | null; declaredByName: string | null; stoodDownAt: Date | null; reportUp: ReportUpClock[];
  sitrepIntervalMin: number; sitrepDueAt: Date | null; sitrepEscalatedFor: Date | null; sitrepMissed: number; nextDeadlineAt: Date | null; version: number;
}

const select = sql`select m.id, m.incident_id as "incidentId", m.title, m.level, m.level_name as "levelName", m.exercise, m.state,
  ST_X(m.location) as lon, ST_Y(m.location) as lat,
  m.jurisdiction_id as "jurisdictionId", m.jurisdiction_path::text as "jurisdictionPath", j.name as "jurisdictionName",
  m.command_jurisdiction_id as "commandJurisdictionId", m.command_path::text as "commandPath", c.name as "commandName",
  m.inform_jurisdiction_id as "informJurisdictionId", m.inform_path::text as "informPath", i.name as "informName",
  m.declared_at as "declaredAt", m.declared_by as "declaredBy", m.declared_by_name as "declaredByName", m.stood_down_at as "stoodDownAt",
  m.report_up as "reportUp", m.sitrep_interval_min as "sitrepIntervalMin", m.sitrep_due_at as "sitrepDueAt",
  m.sitrep_escalated_for as "sitrepEscalatedFor", m.sitrep_missed as "sitrepMissed", m.next_deadline_at as "nextDeadlineAt", m.version
  from major_incidents m join jurisdictions j on j.id = m.jurisdiction_id join jurisdictions c on c.id = m.command_jurisdiction_id
  join jurisdictions i on i.id = m.inform_jurisdiction_id`;

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
function normalise(r: MajorRow): MajorRow {
  return {
    ...r, lon: Number(r.lon), lat: Number(r.lat), declaredAt: asDate(r.declaredAt)!, stoodDownAt: asDate(r.stoodDownAt), sitrepDueAt: asDate(r.sitrepDueAt),
    sitrepEscalatedFor: asDate(r.sitrepEscalatedFor), nextDeadlineAt: asDate(r.nextDeadlineAt),
  };
}

export async function majorRow(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<MajorRow | undefined> {
  const [r] = await rows<MajorRow>(q, sql`${select} where m.id = ${id} ${opts.forUpdate ? sql`for update of m` : sql``}`);
  return r ? normalise(r) : undefined;
}

async function tallies(q: Queryable, ids: string[]): Promise<Map<string, MajorIncidentSummary['casualties']>> {
  if (ids.length === 0) return new Map();
  const list = await q.select().from(majorIncidentCasualties).where(inArray(majorIncidentCasualties.majorIncidentId, ids));
  return new Map(ids.map((id) => [id, tally(list.filter((c) => c.majorIncidentId === id))]));
}

async function sitrepStats(q: Queryable, ids: string[]): Promise<Map<string, { count: number; lastAt: Date | null }>> {
  if (ids.length === 0) return new Map();
  const list = await q.select({ id: majorIncidentSitreps.majorIncidentId, count: sql<number>`count(*)::int`, lastAt: sql<string | null>`max(${majorIncidentSitreps.submittedAt})` })
    .from(majorIncidentSitreps).where(inArray(majorIncidentSitreps.majorIncidentId, ids)).groupBy(majorIncidentSitreps.majorIncidentId);
  return new Map(list.map((s) => [s.id, { count: s.count, lastAt: asDate(s.lastAt) }]));
}

function summary(r: MajorRow, casualties: MajorIncidentSummary['casualties'], stats: { count: number; lastAt: Date | null } | undefined): MajorIncidentSummary {
  return {
    id: r.id, incidentId: r.incidentId, title: r.title, level: r.level, levelName: r.levelName, exercise: r.exercise, state: r.state, location: [r.lon, r.lat],
    jurisdiction: { id: r.jurisdictionId, path: r.jurisdictionPath, name: r.jurisdictionName },
    command: { id: r.commandJurisdictionId, path: r.commandPath, name: r.commandName },
    inform: { id: r.informJurisdictionId, path: r.informPath, name: r.informName },
    declaredAt: r.declaredAt.toISOString(), declaredBy: r.declaredByName, stoodDownAt: r.stoodDownAt?.toISOString() ?? null, reportUp: r.reportUp,
    sitrep: { intervalMinutes: r.sitrepIntervalMin, dueAt: r.sitrepDueAt?.toISOString() ?? null, lastAt: stats?.lastAt?.toISOString() ?? null, count: stats?.count ?? 0, missed: r.sitrepMissed },
    casualties, version: r.version,
  };
}

/** Major incidents in the given subtrees, newest first. */
export async function listMajorIncidents(q: Queryable, roots: string[], f: { state?: 'active' | 'stood_down' | undefined; exercise?: boolean | undefined; limit: number }): Promise<MajorIncidentSummary[]> {
  const where: SQL[] = [withinRoots(sql`m.jurisdiction_path`, roots)];
  if (f.state) where.push(sql`m.state = ${f.state}`);
  if (f.exercise !== undefined) where.push(sql`m.exercise = ${f.exercise}`);
  const list = (await rows<MajorRow>(q, sql`${select} where ${sql.join(where, sql` and `)} order by m.id desc limit ${f.limit}`)).map(normalise);
  const ids = list.map((r) => r.id);
  const [t, s] = await independentReads(q, [() => tallies(q, ids), () => sitrepStats(q, ids)]);
  return list.map((r) => summary(r, t.get(r.id)!, s.get(r.id)));
}

/** The command structure now: each position with the post holding it and that post's present holder, sectors with their units and counts. */
export async function positionsOf(q: Queryable, majorId: string, now: Date): Promise<CommandPosition[]> {
  const list = await q.select().from(majorIncidentPositions).where(eq(majorIncidentPositions.majorIncidentId, majorId)).orderBy(asc(majorIncidentPositions.createdAt), asc(majorIncidentPositions.id));
  if (list.length === 0) return [];
  const ids = list.map((p) => p.id);
  const holds = await q.select({ positionId: majorIncidentPositionHolds.positionId, postId: posts.id, title: posts.title, path: sql<string>`${posts.jurisdictionPath}::text`, from: majorIncidentPositionHolds.fromAt, userId: postHoldings.userId })
    .from(majorIncidentPositionHolds).innerJoin(posts, eq(posts.id, majorIncidentPositionHolds.postId))
    .leftJoin(postHoldings, and(eq(postHoldings.postId, posts.id), isNull(postHoldings.toAt), sql`${postHoldings.fromAt} <= ${now}`))
    .where(and(inArray(majorIncidentPositionHolds.positionId, ids), isNull(majorIncidentPositionHolds.toAt)));
  const names = new Map<string, string>();
  for (const userId of new Set(holds.map((h) => h.userId).filter((u): u is string => u !== null))) names.set(userId, (await findStaff(q, userId))?.displayName ?? '');
  const assigned = await q.select({ positionId: majorIncidentSectorUnits.positionId, unitId: units.id, callSign: units.callSign, kind: units.kind, since: majorIncidentSectorUnits.fromAt })
    .from(majorIncidentSectorUnits).innerJoin(units, eq(units.id, majorIncidentSectorUnits.unitId))
    .where(and(eq(majorIncidentSectorUnits.majorIncidentId, majorId), isNull(majorIncidentSectorUnits.toAt))).orderBy(asc(units.callSign));
  const counts = await q.select().from(majorIncidentCasualties).where(eq(majorIncidentCasualties.majorIncidentId, majorId));
  return list.map((p) => {
    const h = holds.find((x) => x.positionId === p.id);
    const c = counts.find((x) => x.positionId === p.id);
    return {
      id: p.id, role: p.role, section: p.section, name: p.name, createdAt: p.createdAt.toISOString(),
      holder: h ? { postId: h.postId, postTitle: h.title, postJurisdictionPath: h.path, person: h.userId ? { userId: h.userId, displayName: names.get(h.userId)! } : null, since: h.from.toISOString() } : null,
      units: assigned.filter((u) => u.positionId === p.id).map((u) => ({ unitId: u.unitId, callSign: u.callSign, kind: u.kind, since: u.since.toISOString() })),
      casualties: p.role === 'sector' ? tally(c ? [c] : []) : null,
    };
  });
}

export async function presentMajor(q: Queryable, r: MajorRow, now: Date): Promise<MajorIncident> {
  // Inside a command (q a transaction) one after another: one connection runs one statement at a time.
  const [t, s, positions, cordons, points] = await independentReads(q, [() => tallies(q, [r.id]), () => sitrepStats(q, [r.id]), () => positionsOf(q, r.id, now), () => cordonsOf(q, r.id), () => pointsOf(q, r.id)]);
  return { ...summary(r, t.get(r.id)!, s.get(r.id)), positions, cordons, points };
}

export async function findMajor(q: Queryable, id: string, now: Date): Promise<MajorIncident | undefined> {
  const r = await majorRow(q, id);
  return r ? presentMajor(q, r, now) : undefined;
}

type SitrepRow = typeof majorIncidentSitreps.$inferSelect;
type RequestRow = Pick<typeof reinforcementRequests.$inferSelect, 'id' | 'state' | 'kind' | 'capability' | 'count' | 'granted' | 'targetPath'>;
export function presentSitrep(s: SitrepRow & { postTitle: string | null }, request: RequestRow | null): Sitrep {
  const b: SitrepBody = s.body;
  return {
    id: s.id, majorIncidentId: s.majorIncidentId, seq: s.seq, submittedAt: s.submittedAt.toISOString(), submittedBy: s.submittedByName, postTitle: s.postTitle,
    onBehalf: s.onBehalf, dueAt: s.dueAt?.toISOString() ?? null, late: s.late, casualties: s.casualties,
    situation: b.situation, resourcesCommitted: b.resourcesCommitted, resourcesRequested: b.resourcesRequested, cordonStatus: b.cordonStatus, nextSteps: b.nextSteps,
    reinforcement: request
      ? { requestId: request.id, state: request.state, kind: request.kind, capability: request.capability, count: request.count, granted: request.granted, targetPath: request.targetPath }
      : null,
  };
}

/** SITREPs newest first, each with the reinforcement request it raised as that request stands now. */
export async function sitrepsOf(q: Queryable, majorId: string, limit = 500): Promise<Sitrep[]> {
  const r = reinforcementRequests;
  const list = await q.select({
    s: majorIncidentSitreps, postTitle: posts.title,
    request: { id: r.id, state: r.state, kind: r.kind, capability: r.capability, count: r.count, granted: r.granted, targetPath: sql<string | null>`${r.targetPath}::text` },
  }).from(majorIncidentSitreps).leftJoin(posts, eq(posts.id, majorIncidentSitreps.postId))
    .leftJoin(r, eq(r.id, majorIncidentSitreps.reinforcementRequestId))
    .where(eq(majorIncidentSitreps.majorIncidentId, majorId)).orderBy(desc(majorIncidentSitreps.seq)).limit(limit);
  return list.map(({ s, postTitle, request }) => presentSitrep({ ...s, postTitle }, request));
}

/** Every unit assignment of the major incident, open or ended, for the after-action report. */
export async function resourcesOf(q: Queryable, majorId: string): Promise<{ unitId: string; callSign: string; sector: string; from: string; to: string | null }[]> {
  const list = await q.select({ unitId: units.id, callSign: units.callSign, sector: majorIncidentPositions.name, from: majorIncidentSectorUnits.fromAt, to: majorIncidentSectorUnits.toAt })
    .from(majorIncidentSectorUnits).innerJoin(units, eq(units.id, majorIncidentSectorUnits.unitId)).innerJoin(majorIncidentPositions, eq(majorIncidentPositions.id, majorIncidentSectorUnits.positionId))
    .where(eq(majorIncidentSectorUnits.majorIncidentId, majorId)).orderBy(asc(majorIncidentSectorUnits.fromAt), asc(units.callSign));
  return list.map((r) => ({ unitId: r.unitId, callSign: r.callSign, sector: r.sector ?? '', from: r.from.toISOString(), to: r.to?.toISOString() ?? null }));
}
