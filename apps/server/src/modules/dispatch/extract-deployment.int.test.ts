import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';
import { bootstrapAccounts } from '../identity/index.js';
import { sweepResponseClocks } from '../incidents/index.js';
import { importOsmFile } from '../jurisdictions/index.js';
import { importOsmPlacesFile } from '../places/index.js';

/**
 * Issue 20: the incident flow (intake > recommendation > dispatch > 1-3-5) on a deployment made
 * the way a new agency makes one — an empty database, `firebreak import osm` of its own clipped
 * city extract (Baltimore, no national boundary), FIREBREAK_ROAD_PBF pointing at the same file —
 * not only on the demo country.
 */
const BALTIMORE = new URL('../../../../../data/osm/baltimore.osm.pbf', import.meta.url).pathname;

describe('the incident flow on a deployment built from a clipped city extract', () => {
  let t: TestApp;
  let admin: string;
  let now = new Date('2026-03-02T08:00:00.000Z');
  const advance = (s: number) => void (now = new Date(now.getTime() + s * 1000));
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-baltimore-'));
    t = await startTestApp({ empty: true, clock: () => now, config: { roadPbf: BALTIMORE, dataDir } });
    const ctx = { actor: null, actorName: 'test', requestId: null };
    await importOsmFile(t.app.platform.command, ctx, BALTIMORE, { countryCode: 'us', rootName: 'Baltimore area' });
    await importOsmPlacesFile(t.app.platform.command, ctx, BALTIMORE);
    await bootstrapAccounts(t.app.platform.command, { adminPassword: TEST_ADMIN_PASSWORD, demoStaff: false });
    admin = await loginAdmin(t.app);
  }, 240_000);
  afterAll(async () => t?.close());

  it('takes a call at a Baltimore address, recommends and dispatches a unit there, and runs the 1-3-5 clock', async () => {
    // The administrator is the extract root's.
    expect(JSON.stringify((await call('GET', '/auth/me')).json().grants)).toContain('"us"');

    // A station under the city, and a patrol car based there.
    const city = await jurisdictionByPath(t.app, 'us.baltimore');
    const station = await call('POST', '/jurisdictions', { parentId: city.id, name: 'Southeastern District', level: 'station' });
    expect(station.statusCode, station.body).toBe(201);
    const unit = await call('POST', '/units', { callSign: 'SE 11', kind: 'patrol_car', jurisdictionId: station.json().id, homeLocation: [-76.585, 39.285], crewSize: 2, onDuty: true });
    expect(unit.statusCode, unit.body).toBe(201);

    // An address point of the extract: the nearest to a point in the city, found again by its label.
    const near = await call('GET', '/geocode/reverse?lon=-76.58&lat=39.29');
    expect(near.statusCode, near.body).toBe(200);
    const label = near.json().address?.label as string;
    expect(label).toBeTruthy();
    const found = await call('GET', `/geocode?q=${encodeURIComponent(label)}&limit=1`);
    const hit = found.json().results[0] as { label: string; point: { coordinates: [number, number] } };
    expect(hit.label).toBe(label);
    const address = { label: hit.label, location: hit.point.coordinates };

    const created = await call('POST', '/incidents', { type: 'fire', priority: 'P1', location: address.location, address: address.label });
    expect(created.statusCode, created.body).toBe(201);
    const inc = created.json();
    expect(inc.jurisdictionPath).toBe('us.baltimore');
    const received = Date.parse(inc.receivedAt);
    expect(inc.tiers.map((x: { deadlineAt: string }) => Date.parse(x.deadlineAt) - received)).toEqual([60_000, 180_000, 300_000]);

    const rec = await call('GET', `/incidents/${inc.id}/recommendations`);
    expect(rec.statusCode, rec.body).toBe(200);
    const [best] = rec.json().items as { unitId: string; etaSeconds: number }[];
    expect(best?.unitId).toBe(unit.json().id);
    // A road-graph time from the Baltimore extract: a car a few hundred metres away, not a straight-line guess of zero.
    expect(best!.etaSeconds).toBeGreaterThan(0);
    expect(best!.etaSeconds).toBeLessThan(600);

    advance(20);
    const sent = await call('POST', `/incidents/${inc.id}/assignments`, { unitIds: [best!.unitId] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await call('GET', `/units/${best!.unitId}`)).json()).toMatchObject({ status: 'dispatched' });

    // Nobody acknowledges: at 1:00 and a second the sweep marks tier 1 missed.
    advance(41);
    expect(await sweepResponseClocks(t.app.platform.command)).toBeGreaterThanOrEqual(1);
    const tiers = (await call('GET', `/incidents/${inc.id}`)).json().tiers;
    expect(tiers[0]).toMatchObject({ tier: 1, metAt: null, missedAt: new Date(received + 60_000).toISOString() });
    expect(tiers[1]).toMatchObject({ tier: 2, metAt: null, missedAt: null });
  });
});
