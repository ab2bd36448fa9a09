import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { clearDemoAgreements, createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';

/** In Vaduz, by the border with Schaan: a Schaan patrol is closer than Vaduz's own. */
const SCENE: [number, number] = [9.5205, 47.152];
const VADUZ_FAR: [number, number] = [9.532, 47.118];
const SCHAAN_NEAR: [number, number] = [9.5125, 47.161];

type Item = { unitId: string; etaSeconds: number | null; mutualAid: { agreementId: string; providingJurisdictionPath: string } | null };

describe('mutual aid: cross-border agreements and neighbour proposals', () => {
  let t: TestApp;
  let now = new Date('2026-03-03T09:00:00.000Z');
  let admin: string;
  let vaduzDispatcher: TestUser;
  let schaanDispatcher: TestUser;
  let schaanDuty: StreamClient;
  let vaduzStream: StreamClient;
  let ids: { vaduz: string; schaan: string; oberland: string };
  const units = {} as { vaduz: string; schaan: string; schaan2: string; schaanEngine: string };
  let agreementId: string;

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const count = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(t.app.platform.db, q))[0]!.n);
  async function unit(path: string, callSign: string, kind: string, at: [number, number]): Promise<string> {
    const j = await jurisdictionByPath(t.app, path);
    const res = await call(admin, 'POST', '/units', { callSign, kind, jurisdictionId: j.id, homeLocation: at, crewSize: 2, onDuty: true });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function incident(): Promise<string> {
    const res = await call(admin, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P1', location: SCENE, address: 'Landstrasse, Vaduz' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  const recommended = async (cookie: string, incidentId: string): Promise<Item[]> => {
    const res = await call(cookie, 'GET', `/incidents/${incidentId}/recommendations?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    // The agreements are the ones this test makes: the template's demo neighbours' go.
    await clearDemoAgreements(t.app);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    admin = await loginAdmin(t.app);
    ids = {
      vaduz: (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id,
      schaan: (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id,
      oberland: (await jurisdictionByPath(t.app, 'li.oberland')).id,
    };
    vaduzDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.vaduz');
    schaanDispatcher = await createUser(t.app, 'dispatcher', 'li.oberland.schaan');
    units.vaduz = await unit('li.oberland.vaduz', 'MA Vaduz 1', 'patrol_car', VADUZ_FAR);
    units.schaan = await unit('li.oberland.schaan', 'MA Schaan 1', 'patrol_car', SCHAAN_NEAR);
    units.schaan2 = await unit('li.oberland.schaan', 'MA Schaan 2', 'patrol_car', SCHAAN_NEAR);
    units.schaanEngine = await unit('li.oberland.schaan', 'MA Schaan Engine', 'fire_engine', SCHAAN_NEAR);
    schaanDuty = await StreamClient.connect(baseUrl, { cookie: (await createUser(t.app, 'duty_officer', 'li.oberland.schaan')).cookie });
    vaduzStream = await StreamClient.connect(baseUrl, { cookie: vaduzDispatcher.cookie });
    await Promise.all([schaanDuty.waitForKind('caught_up'), vaduzStream.waitForKind('caught_up')]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([schaanDuty?.close(), vaduzStream?.close()]);
    await t?.close();
  });

  it("without an agreement, a Vaduz dispatcher neither sees nor can send Schaan's units", async () => {
    const inc = await incident();
    expect((await recommended(vaduzDispatcher.cookie, inc)).map((i) => i.unitId)).not.toContain(units.schaan);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaan}`)).statusCode).toBe(404);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaan}/track?from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z`)).statusCode).toBe(404);
    const listed = (await call(vaduzDispatcher.cookie, 'GET', '/units?limit=1000')).json().items.map((u: { id: string }) => u.id);
    expect(listed).toContain(units.vaduz);
    expect(listed).not.toContain(units.schaan);
    const before = await count(sql`select count(*)::int as n from assignments`);
    const sent = await call(vaduzDispatcher.cookie, 'POST', `/incidents/${inc}/assignments`, { unitIds: [units.schaan] });
    expect(sent.statusCode, sent.body).toBe(404);
    expect(await count(sql`select count(*)::int as n from assignments`)).toBe(before);
    expect((await rows<{ status: string }>(t.app.platform.db, sql`select status from units where id = ${units.schaan}`))[0]!.status).toBe('available');
  });

  it('is made only by someone with authority over both sides, and never between nested jurisdictions', async () => {
    const body = { providingJurisdictionId: ids.schaan, requestingJurisdictionId: ids.vaduz, unitKinds: ['patrol_car'] };
    const vaduzCommander = await createUser(t.app, 'commander', 'li.oberland.vaduz');
    const refused = await call(vaduzCommander.cookie, 'POST', '/mutual-aid-agreements', body);
    expect(refused.statusCode).toBe(400); // Schaan is not even visible to a commander of Vaduz
    expect(refused.json().errors?.[0]?.path ?? refused.json().fields?.[0]?.path ?? refused.body).toContain('providingJurisdictionId');
    expect((await call(vaduzDispatcher.cookie, 'POST', '/mutual-aid-agreements', body)).statusCode).toBe(403);
    const nested = await call(admin, 'POST', '/mutual-aid-agreements', { ...body, providingJurisdictionId: ids.oberland });
    expect(nested.statusCode).toBe(422);
    expect(nested.json().code).toBe('MUTUAL_AID_NESTED');
    expect((await call(admin, 'POST', '/mutual-aid-agreements', { ...body, unitKinds: ['patrol_car', 'patrol_car'] })).statusCode).toBe(400);
    expect((await call(admin, 'POST', '/mutual-aid-agreements', { ...body, unitKinds: ['spaceship'] })).statusCode).toBe(400);
    expect(await count(sql`select count(*)::int as n from mutual_aid_agreements`)).toBe(0);

    // The command of their common ancestor may.
    const oberlandCommander = await createUser(t.app, 'commander', 'li.oberland');
    const made = await call(oberlandCommander.cookie, 'POST', '/mutual-aid-agreements', { ...body, note: 'Border patrols' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ providingJurisdictionPath: 'li.oberland.schaan', requestingJurisdictionPath: 'li.oberland.vaduz', unitKinds: ['patrol_car'], mutual: false, revokedAt: null });
    agreementId = made.json().id;
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'mutual_aid.agreement_created' and entity_id = ${agreementId}`)).toBe(1);
    // Both sides see it.
    for (const cookie of [vaduzDispatcher.cookie, schaanDispatcher.cookie]) {
      expect((await call(cookie, 'GET', '/mutual-aid-agreements')).json().map((a: { id: string }) => a.id)).toContain(agreementId);
    }
  });

  it("under the agreement, proposes Schaan's faster units marked as such, lets them be sent, and tells Schaan's duty officer", async () => {
    const inc = await incident();
    const items = await recommended(vaduzDispatcher.cookie, inc);
    const ids_ = items.map((i) => i.unitId);
    expect(ids_).toContain(units.schaan);
    expect(ids_).not.toContain(units.schaanEngine); // a kind the agreement does not lend
    const schaan = items.find((i) => i.unitId === units.schaan)!;
    const vaduz = items.find((i) => i.unitId === units.vaduz)!;
    expect(schaan.mutualAid).toEqual({ agreementId, providingJurisdictionPath: 'li.oberland.schaan' });
    expect(vaduz.mutualAid).toBeNull();
    expect(schaan.etaSeconds!).toBeLessThan(vaduz.etaSeconds!);
    expect(ids_.indexOf(units.schaan)).toBeLessThan(ids_.indexOf(units.vaduz));
    // One way: Schaan's dispatcher gets nothing of Vaduz.
    expect((await call(schaanDispatcher.cookie, 'GET', `/units/${units.vaduz}`)).statusCode).toBe(404);
    // The lent unit and its position are visible; the borrower cannot manage it.
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaan}`)).statusCode).toBe(200);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaanEngine}`)).statusCode).toBe(404);
    expect((await call(vaduzDispatcher.cookie, 'GET', '/units?limit=1000')).json().items.map((u: { id: string }) => u.id)).toContain(units.schaan);
    expect((await call(vaduzDispatcher.cookie, 'POST', `/units/${units.schaan}/actions`, { action: 'off_duty' })).statusCode).toBe(403);

    const sent = await call(vaduzDispatcher.cookie, 'POST', `/incidents/${inc}/assignments`, { unitIds: [units.schaan] });
    expect(sent.statusCode, sent.body).toBe(201);
    const notice = await schaanDuty.waitForEventWhere((e) => e.type === 'mutual_aid.unit_sent' && (e.data as { unitId: string }).unitId === units.schaan);
    expect(notice).toMatchObject({
      jurisdictionPath: 'li.oberland.schaan',
      data: { agreementId, requestingJurisdictionPath: 'li.oberland.vaduz', callSign: 'MA Schaan 1', incident: { id: inc, jurisdictionPath: 'li.oberland.vaduz' }, sentBy: { id: vaduzDispatcher.id } },
    });
    // A dispatcher holds no units:manage: the notice is for the lending command only.
    await t.app.platform.relay.drain();
    expect(vaduzStream.events().some((e) => e.type === 'mutual_aid.unit_sent')).toBe(false);
  });

  it('ends at once when revoked by either side; units already sent stay on their assignment', async () => {
    const inc = await incident();
    const schaanCommander = await createUser(t.app, 'commander', 'li.oberland.schaan');
    const revoked = await call(schaanCommander.cookie, 'POST', `/mutual-aid-agreements/${agreementId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).toBe(now.toISOString());
    expect((await recommended(vaduzDispatcher.cookie, inc)).map((i) => i.unitId)).not.toContain(units.schaan2);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaan2}`)).statusCode).toBe(404);
    expect((await call(vaduzDispatcher.cookie, 'POST', `/incidents/${inc}/assignments`, { unitIds: [units.schaan2] })).statusCode).toBe(404);
    const again = await call(schaanCommander.cookie, 'POST', `/mutual-aid-agreements/${agreementId}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MUTUAL_AID_REVOKED');
    expect((await rows<{ status: string }>(t.app.platform.db, sql`select status from units where id = ${units.schaan}`))[0]!.status).toBe('dispatched');
    expect((await call(vaduzDispatcher.cookie, 'GET', '/mutual-aid-agreements?state=revoked')).json().map((a: { id: string }) => a.id)).toContain(agreementId);
  });

  it('holds both ways when mutual', async () => {
    const made = await call(admin, 'POST', '/mutual-aid-agreements', { providingJurisdictionId: ids.schaan, requestingJurisdictionId: ids.vaduz, unitKinds: ['patrol_car'], mutual: true });
    expect(made.statusCode, made.body).toBe(201);
    expect((await call(schaanDispatcher.cookie, 'GET', `/units/${units.vaduz}`)).statusCode).toBe(200);
    expect((await call(vaduzDispatcher.cookie, 'GET', `/units/${units.schaan2}`)).statusCode).toBe(200);
    now = new Date(now.getTime() + 60_000);
    expect((await call(admin, 'POST', `/mutual-aid-agreements/${made.json().id}/revoke`)).statusCode).toBe(200);
    expect((await call(schaanDispatcher.cookie, 'GET', `/units/${units.vaduz}`)).statusCode).toBe(404);
  });
});
