import type { Unit, UnitKind, UnitStatus } from '@firebreak/contracts';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { withinRoots, withinUnitScope } from '../../platform/auth/scope-sql.js';
import type { Queryable } from '../../platform/db/client.js';
import type { LivePositions } from './live-positions.js';
import { units } from './units.tables.js';

const columns = {
  id: units.id,
  callSign: units.callSign,
  kind: units.kind,
  jurisdictionId: units.jurisdictionId,
  jurisdictionPath: sql<string>`${units.jurisdictionPath}::text`,
  homeStationId: units.homeStationId,
  homeLon: sql<number>`ST_X(${units.homeLocation})`,
  homeLat: sql<number>`ST_Y(${units.homeLocation})`,
  crewSize: units.crewSize,
  capabilities: units.capabilities,
  status: units.status,
  statusChangedAt: units.statusChangedAt,
  onDuty: units.onDuty,
  dutyChangedAt: units.dutyChangedAt,
  incidentId: units.incidentId,
  terminalId: units.terminalId,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

export interface UnitRow {
  id: string; callSign: string; kind: UnitKind; jurisdictionId: string; jurisdictionPath: string; homeStationId: string | null;
  homeLon: number; homeLat: number; crewSize: number; capabilities: string[]; status: UnitStatus; statusChangedAt: Date;
  onDuty: boolean; dutyChangedAt: Date; incidentId: string | null; terminalId: string | null; version: number; createdAt: Date; updatedAt: Date;
}

/** A unit as the API shows it; its position comes from the live AVL store. */
export function presentUnit(r: UnitRow, live: LivePositions | null, now: Date): Unit {
  return {
    id: r.id,
    callSign: r.callSign,
    kind: r.kind,
    jurisdictionId: r.jurisdictionId,
    jurisdictionPath: r.jurisdictionPath,
    homeStationId: r.homeStationId,
    homeLocation: [Number(r.homeLon), Number(r.homeLat)],
    crewSize: r.crewSize,
    capabilities: r.capabilities,
    status: r.status,
    statusChangedAt: r.statusChangedAt.toISOString(),
    onDuty: r.onDuty,
    dutyChangedAt: r.dutyChangedAt.toISOString(),
    incidentId: r.incidentId,
    terminalId: r.terminalId,
    position: live?.view(r.id, now) ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findUnitRow(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<UnitRow | undefined> {
  const query = q.select(columns).from(units).where(eq(units.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as UnitRow | undefined;
}

export async function findUnitRows(q: Queryable, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return (await q.select(columns).from(units).where(inArray(units.id, ids))) as UnitRow[];
}

/** Is the account bound as the terminal of some unit (`units.terminal_id`)? */
export async function isTerminalOfAnyUnit(q: Queryable, accountId: string): Promise<boolean> {
  const [row] = await q.select({ id: units.id }).from(units).where(eq(units.terminalId, accountId)).limit(1);
  return row !== undefined;
}

export async function callSignTaken(q: Queryable, callSign: string, exceptId?: string): Promise<boolean> {
  const [row] = await q.select({ id: units.id }).from(units).where(sql`lower(${units.callSign}) = lower(${callSign})`);
  return row !== undefined && row.id !== exceptId;
}

export interface UnitFilter {
  roots: string[];
  /** Subtrees whose units of these kinds are lent by mutual aid agreements (`unitScope`). */
  lent?: { path: string; kinds: readonly string[] }[];
  underPath?: string | undefined;
  status?: UnitStatus[] | undefined;
  onDuty?: boolean | undefined;
  kind?: UnitKind | undefined;
  /** Only units of these kinds. */
  kinds?: readonly UnitKind[] | undefined;
  /** Only units that can be sent now: on duty, available or at their station. */
  dispatchable?: boolean;
  limit: number;
  cursor?: string | undefined;
}

export async function listUnitRows(q: Queryable, f: UnitFilter): Promise<{ rows: UnitRow[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [
    f.lent?.length ? withinUnitScope(units.jurisdictionPath, units.kind, { roots: f.roots, lent: f.lent }) : withinRoots(units.jurisdictionPath, f.roots),
    f.underPath ? withinRoots(units.jurisdictionPath, [f.underPath]) : undefined,
    f.status ? inArray(units.status, f.status) : undefined,
    f.onDuty !== undefined ? eq(units.onDuty, f.onDuty) : undefined,
    f.kind ? eq(units.kind, f.kind) : undefined,
    f.kinds ? inArray(units.kind, [...f.kinds]) : undefined,
    f.dispatchable ? sql`${units.onDuty} and ${units.status} in ('available', 'at_station')` : undefined,
    f.cursor ? gt(units.id, f.cursor) : undefined,
  ];
  const list = (await q.select(columns).from(units).where(and(...where)).orderBy(asc(units.id)).limit(f.limit + 1)) as UnitRow[];
  const page = list.slice(0, f.limit);
  return { rows: page, nextCursor: list.length > f.limit ? page.at(-1)!.id : null };
}
