import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { snapshot as takeSnapshot } from '../../../test/db-snapshot.js';

/**
 * Separation of duties (docs/security.md, "Separation of duties"): nobody changes their own grants,
 * and no account holds the administrator and the auditor role over overlapping jurisdictions — on
 * every path that adds grants: POST /staff, POST /staff/{id}/grants, onboarding. Before, the
 * Oberland administrator granted itself the auditor role on Oberland (201) and read the trail of
 * its own acts.
 */

const api = (path: string): string => `/api/v1${path}`;
let t: TestApp;
let oberlandAdmin: TestUser;
let otherAdmin: TestUser;
const ids: Record<string, string> = {};
const snapshot = () => takeSnapshot(t.app.platform.db, ['users', 'grants', 'sessions']);

beforeAll(async () => {
  t = await startTestApp();
  oberlandAdmin = await createUser(t.app, 'administrator', 'li.oberland');
  otherAdmin = await createUser(t.app, 'administrator', 'li');
  for (const path of ['li', 'li.oberland', 'li.oberland.vaduz', 'li.unterland']) ids[path] = (await jurisdictionByPath(t.app, path)).id;
}, 60_000);
afterAll(async () => t?.close());

const as = (user: TestUser, method: 'POST' | 'DELETE' | 'GET', url: string, payload?: unknown, contentType?: string) =>
  t.app.inject({ method, url: api(url), headers: { cookie: user.cookie, ...(contentType ? { 'content-type': contentType } : {}) }, ...(payload === undefined ? {} : { payload: payload as string }) });

function expectProblem(res: Awaited<ReturnType<typeof as>>, status: number, code: string, field: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
  expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([field]);
}

describe('nobody changes their own grants', () => {
  it('an administrator granting itself the auditor role (or any role) is refused, 403 naming path.id, and nothing is written', async () => {
    const before = await snapshot();
    for (const role of ['auditor', 'inspector']) {
      expectProblem(await as(oberlandAdmin, 'POST', `/staff/${oberlandAdmin.id}/grants`, { role, jurisdictionId: ids['li.oberland'] }), 403, 'GRANT_OWN_ACCOUNT', 'path.id');
    }
    expect(await snapshot()).toEqual(before);
    expect((await as(oberlandAdmin, 'GET', '/audit?limit=1')).statusCode).toBe(403);
  });

  it('revoking one of its own grants is refused too; another administrator does both', async () => {
    const own = (await as(otherAdmin, 'POST', `/staff/${oberlandAdmin.id}/grants`, { role: 'inspector', jurisdictionId: ids['li.oberland.vaduz'] }));
    expect(own.statusCode, own.body).toBe(201);
    const grantId = own.json().grants.find((g: { role: string }) => g.role === 'inspector').id as string;
    const before = await snapshot();
    expectProblem(await as(oberlandAdmin, 'DELETE', `/staff/${oberlandAdmin.id}/grants/${grantId}`), 403, 'GRANT_OWN_ACCOUNT', 'path.id');
    expect(await snapshot()).toEqual(before);
    expect((await as(otherAdmin, 'DELETE', `/staff/${oberlandAdmin.id}/grants/${grantId}`)).statusCode).toBe(200);
  });
});

describe('administrator and auditor stay apart on one account', () => {
  it('another administrator granting the auditor role over an administrator\'s jurisdictions (above, same, below) is a 409 naming body.role', async () => {
    const before = await snapshot();
    for (const path of ['li', 'li.oberland', 'li.oberland.vaduz']) {
      expectProblem(await as(otherAdmin, 'POST', `/staff/${oberlandAdmin.id}/grants`, { role: 'auditor', jurisdictionId: ids[path] }), 409, 'DUTIES_NOT_SEPARATED', 'body.role');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the other way round: an auditor is not made administrator over what it audits; beside it, both may be held', async () => {
    const auditor = await createUser(t.app, 'auditor', 'li.oberland.vaduz');
    expectProblem(await as(otherAdmin, 'POST', `/staff/${auditor.id}/grants`, { role: 'administrator', jurisdictionId: ids['li.oberland'] }), 409, 'DUTIES_NOT_SEPARATED', 'body.role');
    const beside = await as(otherAdmin, 'POST', `/staff/${auditor.id}/grants`, { role: 'administrator', jurisdictionId: ids['li.unterland'] });
    expect(beside.statusCode, beside.body).toBe(201);
  });

  it('POST /staff with both over overlapping jurisdictions is a 409 naming the second grant\'s role, nothing created', async () => {
    const before = await snapshot();
    const res = await as(otherAdmin, 'POST', '/staff', {
      username: 'sod-both', displayName: 'Both', password: 'a-long-enough-password', jurisdictionId: ids['li.oberland'],
      grants: [{ role: 'administrator', jurisdictionId: ids['li.oberland'] }, { role: 'auditor', jurisdictionId: ids['li.oberland.vaduz'] }],
    });
    expectProblem(res, 409, 'DUTIES_NOT_SEPARATED', 'body.grants.1.role');
    expect(await snapshot()).toEqual(before);
  });

  it('a device account never holds the auditor role (its administrator-minted token would read the trail): POST /staff and grants, 409 naming the role', async () => {
    const before = await snapshot();
    const created = await as(otherAdmin, 'POST', '/staff', {
      username: 'sod-audit-device', displayName: 'Audit reader', kind: 'device', jurisdictionId: ids['li.unterland'], grants: [{ role: 'auditor', jurisdictionId: ids['li.unterland'] }],
    });
    expectProblem(created, 409, 'DUTIES_NOT_SEPARATED', 'body.grants.0.role');
    expect(await snapshot()).toEqual(before);
    const device = await as(otherAdmin, 'POST', '/staff', { username: 'sod-device', displayName: 'Gateway', kind: 'device', jurisdictionId: ids['li.unterland'], grants: [] });
    expect(device.statusCode, device.body).toBe(201);
    expectProblem(await as(otherAdmin, 'POST', `/staff/${device.json().id}/grants`, { role: 'auditor', jurisdictionId: ids['li.unterland'] }), 409, 'DUTIES_NOT_SEPARATED', 'body.role');
  });

  it('onboarding rejects such a row, naming the grants column', async () => {
    const csv = 'username,display_name,jurisdiction,grants\nsod-csv,Both,li.oberland,administrator@li.oberland;auditor@li\n';
    const res = await as(otherAdmin, 'POST', '/onboarding/staff?dryRun=true&allowPartial=true', csv, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ status: 'rejected', field: 'grants' });
    expect(res.json().items[0].reason).toMatch(/administrator.*auditor|auditor.*administrator/);
  });
});
