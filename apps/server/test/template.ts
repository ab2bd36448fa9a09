import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { MIGRATIONS_FOLDER, migrate } from '../src/platform/db/migrate.js';
import { APP_ROLE } from '../src/platform/db/roles.js';
import { startPlatform } from '../src/platform/kernel.js';
import { DEMO_COUNTRY_CODE, DEMO_PBF, importOsmFile } from '../src/modules/jurisdictions/index.js';
import { bootstrapAccounts } from '../src/modules/identity/bootstrap.js';
import { importOsmPlacesFile } from '../src/modules/places/index.js';
import { ensureStarterChecklists } from '../src/modules/checklists/index.js';
import { ensureDemoForces } from '../src/modules/units/index.js';
import { ensureDemoRunCards } from '../src/modules/dispatch/index.js';
import { ensureDemoAgreements } from '../src/modules/mutual-aid/index.js';

/** The password of `admin` in every test database. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-0001';
/** The audit signing key of every test (base64 Ed25519 seed): test databases' audit rows carry MACs under it. */
export const TEST_AUDIT_KEY = 'EZiRrC6izRA2z+XUHdL3FA16VLwpnU0SPjA1XcqlveU=';
/** The login the postgres test backend runs the application as: a member of the least-privileged app role. */
export const TEST_APP_LOGIN = 'firebreak_test_app';

/** Changes whenever a migration or the demo data changes, so a stale template is never reused. */
function templateKey(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (f.endsWith('.sql')) h.update(readFileSync(path.join(MIGRATIONS_FOLDER, f)));
  }
  h.update(readFileSync(DEMO_PBF));
  h.update(readFileSync(new URL('../../../packages/contracts/src/run-cards.ts', import.meta.url)));
  h.update(readFileSync(new URL('../src/modules/jurisdictions/import-osm.ts', import.meta.url)));
  // What an import does with the boundaries an extract cut, and the bounds it reads (issue 20).
  for (const f of ['stage-extract.ts', 'clip-repair.ts', 'extract-bounds.ts', 'osm-boundaries.ts', 'boundary-names.ts', 'demo-names.ts', 'import-file.ts']) h.update(readFileSync(new URL(`../src/modules/jurisdictions/${f}`, import.meta.url)));
  h.update(readFileSync(new URL('../src/modules/identity/bootstrap.ts', import.meta.url)));
  for (const f of ['places/import-osm-places.ts', 'places/osm-places.ts', 'places/categories.ts', 'checklists/starter-templates.ts', 'checklists/publish-checklist.ts', 'units/demo-forces.ts', 'dispatch/demo-run-cards.ts', 'mutual-aid/demo-agreements.ts']) h.update(readFileSync(new URL(`../src/modules/${f}`, import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

async function seed(platform: Awaited<ReturnType<typeof startPlatform>>): Promise<void> {
  const ctx = { actor: null, actorName: 'test-setup', requestId: null };
  await importOsmFile(platform.command, ctx, DEMO_PBF, { countryCode: DEMO_COUNTRY_CODE });
  await importOsmPlacesFile(platform.command, ctx, DEMO_PBF);
  await ensureStarterChecklists(platform.command);
  await ensureDemoForces(platform.command);
  await ensureDemoRunCards(platform.command);
  await ensureDemoAgreements(platform.command);
  await bootstrapAccounts(platform.command, { adminPassword: TEST_ADMIN_PASSWORD, demoStaff: false });
  await platform.relay.drain();
}

const silent = pino({ level: 'silent' });

/** Where the embedded template of the sources as they are is (or will be): a tarball in the temp folder. */
export function pgliteTemplateFile(): string {
  return path.join(os.tmpdir(), `firebreak-template-${templateKey()}.tar`);
}

/** The name of the server's template database for the sources as they are. */
export function postgresTemplateName(): string {
  return `firebreak_tpl_${templateKey()}`;
}

/** Embedded template: migrated, seeded, dumped to a tarball that each test file loads. */
export async function buildPgliteTemplate(): Promise<string> {
  const file = pgliteTemplateFile();
  if (existsSync(file)) return file;
  const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
  const config = { ...loadConfig({ AUDIT_SIGNING_KEY: TEST_AUDIT_KEY }), demo: false };
  const platform = await startPlatform(config, silent, { database });
  await seed(platform);
  const dump = await database.pglite!.dumpDataDir('none');
  // Written aside and renamed: a run elsewhere on the machine never loads half a template.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  await platform.close();
  return file;
}

/** Server template: a database every test file clones with CREATE DATABASE … TEMPLATE. */
export async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Two runs on one server (several checkouts, or a bench beside the tests) may build the same
    // template at once: one would drop the other's half-made database. The lock ends with `admin`.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    // A build cut short (a killed run) leaves its half-made database behind: start over.
    await admin.query(`drop database if exists ${name}_building with (force)`);
    await admin.query(`create database ${name}_building`);
    const url = withDatabase(serverUrl, `${name}_building`);
    const config = { ...loadConfig({ AUDIT_SIGNING_KEY: TEST_AUDIT_KEY }), demo: false, databaseUrl: url, databaseOwnerUrl: url };
    const platform = await startPlatform(config, silent);
    await seed(platform);
    await platform.close();
    await admin.query(`alter database ${name}_building rename to ${name}`);
    return name;
  } finally {
    await admin.end();
  }
}

/**
 * The login every postgres test app connects as: a member of the app role, nothing more (the
 * template's migrations created the role and its grants). Roles are cluster-wide: created once.
 */
export async function ensureTestAppLogin(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_APP_LOGIN}') THEN CREATE ROLE ${TEST_APP_LOGIN} LOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    const member = await admin.query<{ m: boolean }>(`select pg_has_role('${TEST_APP_LOGIN}', '${APP_ROLE}', 'MEMBER') as m`);
    if (!member.rows[0]?.m) await admin.query(`grant ${APP_ROLE} to ${TEST_APP_LOGIN}`);
  } finally {
    await admin.end();
  }
}

export function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export { migrate };
