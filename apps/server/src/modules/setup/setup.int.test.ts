import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { SetupOsmReport, SetupStatus } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../../platform/db/client.js';
import { ensureWorld } from '../../world.js';

/** Issue 20 §5: the first run without the demo, set up over HTTP with the bundled Baltimore extract. */
const BALTIMORE = readFileSync(new URL('../../../../../data/osm/baltimore.osm.pbf', import.meta.url));

describe('setup: the region from its OSM extract, on a deployment started without the demo', () => {
  let t: TestApp;
  let admin: string;
  const post = (cookie: string, query: string, payload: Buffer | string, type = 'application/octet-stream') =>
    t.app.inject({ method: 'POST', url: `/api/v1/setup/osm-import?${query}`, headers: { cookie, 'content-type': type }, payload });
  const status = async (): Promise<SetupStatus> => (await t.app.inject({ method: 'GET', url: '/api/v1/setup/status', headers: { cookie: admin } })).json();
  const tree = async () => (await rows<{ path: string }>(t.app.platform.db, sql`select path::text as path from jurisdictions order by path`)).map((r) => r.path);
  const audited = async () => Number((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action like 'jurisdictions.%' or action like 'places.%'`))[0]!.n);
  const uploads = async () => readdir(path.join(t.config.dataDir, 'uploads')).catch(() => [] as string[]);

  beforeAll(async () => {
    t = await startTestApp({ empty: true, config: { demo: false } });
    const accounts = await ensureWorld(t.app.platform, t.config, () => undefined);
    const a = accounts.find((x) => x.username === 'admin')!;
    admin = await login(t.app, 'admin', a.password);
  }, 120_000);
  afterAll(async () => t?.close());

  it('says a fresh deployment is empty: only the bare root, no units', async () => {
    expect(await status()).toMatchObject({ empty: true, demo: false, roots: [{ path: 'national', hasBoundary: false }], units: 0, jurisdictions: 1 });
  });

  it('refuses a body that is not a PBF extract (400 naming body) and a bad levels option (400 naming query.levels)', async () => {
    const garbage = await post(admin, 'countryCode=us', 'name,lon,lat\nx,1,2\n', 'text/csv');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    expect(garbage.json().errors[0].path).toBe('body');
    const empty = await post(admin, 'countryCode=us', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const levels = await post(admin, 'countryCode=us&levels=6:nowhere', BALTIMORE);
    expect(levels.statusCode).toBe(400);
    expect(levels.json().errors[0]).toMatchObject({ path: 'query.levels' });
    expect(levels.json().errors[0].message).toContain('nowhere');
    expect(await tree()).toEqual(['national']);
    expect(await uploads()).toEqual([]);
  });

  it('a dry run answers the tree it would make, with the repaired boundaries and their outlines, and writes nothing', async () => {
    const before = await audited();
    const res = await post(admin, 'countryCode=us&rootName=Baltimore%20area&dryRun=true', BALTIMORE);
    expect(res.statusCode, res.body).toBe(200);
    const r: SetupOsmReport = res.json();
    expect(r.dryRun).toBe(true);
    expect(r.extractRoot).toMatchObject({ path: 'national', created: false });
    expect(r.created).toBe(4);
    expect(r.repaired.map((c) => c.name).sort()).toEqual(['Baltimore', 'Baltimore County', 'Dundalk', 'Rosedale']);
    expect(r.repaired.every((c) => c.replacedM > 0 && c.missingWays > 0 && c.decidedBy.length > 0)).toBe(true);
    expect(r.mapping.levels.map((l) => l.adminLevel)).toEqual([6, 8]);
    expect(r.preview.map((p) => p.path)).toEqual(['national', 'national.baltimore', 'national.baltimore_county', 'national.baltimore_county.dundalk', 'national.baltimore_county.rosedale']);
    expect(r.preview.find((p) => p.path === 'national.baltimore')).toMatchObject({ repaired: true, parentPath: 'national', boundary: { type: expect.stringMatching(/Polygon/) } });
    expect(r.keyPlaces).toMatchObject({ found: 126, created: null });
    expect(await tree()).toEqual(['national']);
    expect(await audited()).toBe(before);
    expect((await status()).empty).toBe(true);
    expect(await uploads()).toEqual([]);
  }, 180_000);

  it('the import builds the tree under the bare root and places the key places in it', async () => {
    const res = await post(admin, 'countryCode=us&rootName=Baltimore%20area', BALTIMORE);
    expect(res.statusCode, res.body).toBe(201);
    const r: SetupOsmReport = res.json();
    expect(r).toMatchObject({ dryRun: false, created: 4, skipped: [], keyPlaces: { created: 126, outside: 0 } });
    expect(await tree()).toEqual(['national', 'national.baltimore', 'national.baltimore_county', 'national.baltimore_county.dundalk', 'national.baltimore_county.rosedale']);
    expect(r.preview.find((p) => p.path === 'national')).toMatchObject({ name: 'Baltimore area' });
    // Not empty any more (the wizard goes on to stations and units).
    expect((await status()).empty).toBe(false);
    expect(await uploads()).toEqual([]);
  }, 180_000);

  it('is for an administrator of the root only (403), and leaves no upload behind', async () => {
    const dispatcher = await createUser(t.app, 'dispatcher', 'national');
    expect((await post(dispatcher.cookie, 'countryCode=us&dryRun=true', BALTIMORE)).statusCode).toBe(403);
    const cityAdmin = await createUser(t.app, 'administrator', 'national.baltimore');
    const res = await post(cityAdmin.cookie, 'countryCode=us&dryRun=true', BALTIMORE);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('root');
    expect(await uploads()).toEqual([]);
  });
});
