import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../../apps/server/src/config.js';
import { bootstrapAccounts } from '../../apps/server/src/modules/identity/bootstrap.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-db.js';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';

export interface FleetUnitSeed {
  home: readonly [number, number];
  /** A live position, stored as the unit's latest track point (loaded by the server at start). */
  fix?: readonly [number, number] | undefined;
  kind?: string;
}

export interface FleetDatabase extends ScratchDatabase {
  unitIds: string[];
  jurisdictionPath: string;
  jurisdictionId: string;
}

/**
 * A scratch database migrated like a real deployment, with one national jurisdiction whose
 * boundary is the box around `box`, the administrator, and the units (inserted in one statement,
 * as a bulk import would; the server reads them at start).
 */
export async function fleetDatabase(serverUrl: string, prefix: string, box: { minLon: number; minLat: number; maxLon: number; maxLat: number }, units: FleetUnitSeed[]): Promise<FleetDatabase> {
  const scratch = await createScratchDatabase(serverUrl, prefix);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'false' }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  const path = 'bench';
  const unitIds = units.map(() => uuidv7());
  const jurisdictionId = uuidv7();
  try {
    const db = platform.db;
    await db.execute(sql`insert into jurisdictions (id, path, name, level, boundary)
      values (${jurisdictionId}, ${path}::ltree, 'Bench', 'national', ST_Multi(ST_MakeEnvelope(${box.minLon}, ${box.minLat}, ${box.maxLon}, ${box.maxLat}, 4326)))`);
    await bootstrapAccounts(platform.command, { adminPassword: BENCH_ADMIN_PASSWORD, demoStaff: false });
    const rows = units.map((u, i) => ({ id: unitIds[i], c: `B-${String(i + 1).padStart(5, '0')}`, k: u.kind ?? 'patrol_car', x: u.home[0], y: u.home[1] }));
    for (let i = 0; i < rows.length; i += 5000) {
      await db.execute(sql`insert into units (id, call_sign, kind, jurisdiction_id, jurisdiction_path, home_location, crew_size, capabilities,
          status, status_changed_at, on_duty, duty_changed_at, created_at, updated_at)
        select r.id, r.c, r.k, j.id, j.path, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326), 2, '{}', 'available', now(), true, now(), now(), now()
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) as r(id uuid, c text, k text, x float8, y float8)
        join jurisdictions j on j.path = ${path}::ltree`);
    }
    const fixes = units.flatMap((u, i) => (u.fix ? [{ id: unitIds[i], x: u.fix[0], y: u.fix[1] }] : []));
    if (fixes.length) {
      await db.execute(sql`insert into unit_track (unit_id, at, location)
        select r.id, now(), ST_SetSRID(ST_MakePoint(r.x, r.y), 4326) from jsonb_to_recordset(${JSON.stringify(fixes)}::jsonb) as r(id uuid, x float8, y float8)`);
    }
    await db.execute(sql`vacuum analyze units`);
    await platform.relay.drain();
  } finally {
    await platform.close();
  }
  return { ...scratch, unitIds, jurisdictionPath: path, jurisdictionId };
}
