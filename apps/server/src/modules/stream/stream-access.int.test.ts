import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, listen, login, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { StreamClient, StreamRefused } from '../../../test/stream-client.js';
import { startTwoNodes, twoNodesRun, type TwoNodes } from '../../../test/two-nodes.js';

/**
 * Who may keep a stream open: a socket closes as soon as its session or token stops being valid
 * or its account loses a grant — event-driven, long before the 30 s re-check — and a page of a
 * foreign web origin cannot open one with the user's cookie.
 */

/** Well under the 30 s periodic re-check: a close within this can only have come from the event. */
const EVENT_DRIVEN_MS = 5_000;
const ALLOWED = 'https://console.example.org';

const closeCode = (client: StreamClient): Promise<number> =>
  Promise.race([client.closed, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`still open after ${EVENT_DRIVEN_MS} ms`)), EVENT_DRIVEN_MS))]);

describe('stream sockets end when access ends', () => {
  let t: TestApp;
  let baseUrl: string;
  let admin: string;
  let schaanId: string;
  const clients: StreamClient[] = [];
  const open = async (opts: Parameters<typeof StreamClient.connect>[1]): Promise<StreamClient> => {
    const client = await StreamClient.connect(baseUrl, opts);
    clients.push(client);
    await client.waitForKind('caught_up');
    return client;
  };
  const as = (cookie: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const dispatcher = (): Promise<TestUser> => createUser(t.app, 'dispatcher', 'li.oberland.vaduz');

  beforeAll(async () => {
    t = await startTestApp({ config: { allowedOrigins: [ALLOWED] } });
    baseUrl = await listen(t.app);
    admin = await loginAdmin(t.app);
    schaanId = (await jurisdictionByPath(t.app, 'li.oberland.schaan')).id;
  }, 60_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => t?.close());

  it('closes on logout (4401), and only the sockets of that session', async () => {
    const user = await dispatcher();
    const other = await login(t.app, user.username, user.password);
    const [mine, otherSession] = [await open({ cookie: user.cookie }), await open({ cookie: other })];
    expect((await as(user.cookie, 'POST', '/auth/logout')).statusCode).toBeLessThan(300);
    expect(await closeCode(mine)).toBe(4401);
    // The same account's other session is still valid: after the re-check its socket stays and gets events.
    expect((await as(admin, 'PATCH', `/staff/${user.id}`, { displayName: 'Still here' })).statusCode).toBe(200);
    const call = await as(admin, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: [9.5215, 47.141] });
    expect(call.statusCode, call.body).toBe(201);
    await otherSession.waitForEventWhere((e) => e.type === 'incidents.opened' && (e.data as { id: string }).id === call.json().id);
  });

  it('closes when the account is disabled or its password reset (4401)', async () => {
    const [a, b] = [await dispatcher(), await dispatcher()];
    const [sa, sb] = [await open({ cookie: a.cookie }), await open({ cookie: b.cookie })];
    expect((await as(admin, 'PATCH', `/staff/${a.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await as(admin, 'PATCH', `/staff/${b.id}`, { password: 'a-new-password-for-b' })).statusCode).toBe(200);
    expect(await closeCode(sa)).toBe(4401);
    expect(await closeCode(sb)).toBe(4401);
  });

  it('closes when a grant is revoked (4403), and the account may reconnect within what it still holds', async () => {
    const user = await dispatcher();
    const granted = await as(admin, 'POST', `/staff/${user.id}/grants`, { role: 'dispatcher', jurisdictionId: schaanId });
    expect(granted.statusCode, granted.body).toBe(201);
    const grantId = (granted.json() as { grants: { id: string; jurisdictionPath: string }[] }).grants.find((g) => g.jurisdictionPath === 'li.oberland.schaan')!.id;
    const socket = await open({ cookie: user.cookie });
    expect((await as(admin, 'DELETE', `/staff/${user.id}/grants/${grantId}`)).statusCode).toBe(200);
    expect(await closeCode(socket)).toBe(4403);
    await open({ cookie: user.cookie });
  });

  it('closes when a mutual aid agreement lending the account units is revoked (4403)', async () => {
    const user = await dispatcher();
    const vaduzId = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
    const agreement = await as(admin, 'POST', '/mutual-aid-agreements', { providingJurisdictionId: schaanId, requestingJurisdictionId: vaduzId, unitKinds: ['fire_engine'] });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const socket = await open({ cookie: user.cookie });
    expect((await as(admin, 'POST', `/mutual-aid-agreements/${agreement.json().id}/revoke`, {})).statusCode).toBe(200);
    expect(await closeCode(socket)).toBe(4403);
  });

  it('closes a token socket when the token is revoked (4401)', async () => {
    const user = await dispatcher();
    const created = await as(user.cookie, 'POST', '/auth/tokens', { name: 'console', expiresInDays: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const socket = await open({ headers: { authorization: `Bearer ${token}` } });
    expect((await as(user.cookie, 'DELETE', `/auth/tokens/${id}`)).statusCode).toBe(204);
    expect(await closeCode(socket)).toBe(4401);
  });

  it('refuses a page of a foreign origin with 403 before the upgrade; accepts its own origin, the configured ones, and clients without Origin', async () => {
    const user = await dispatcher();
    await expect(StreamClient.connect(baseUrl, { cookie: user.cookie, headers: { origin: 'https://evil.example' } })).rejects.toThrow(new StreamRefused(403));
    await expect(StreamClient.connect(baseUrl, { cookie: user.cookie, headers: { origin: 'null' } })).rejects.toThrow(new StreamRefused(403));
    // Same host, another port: another origin.
    await expect(StreamClient.connect(baseUrl, { cookie: user.cookie, headers: { origin: 'http://127.0.0.1:1' } })).rejects.toThrow(new StreamRefused(403));
    await open({ cookie: user.cookie, headers: { origin: baseUrl } });
    await open({ cookie: user.cookie, headers: { origin: ALLOWED } });
    await open({ cookie: user.cookie });
  });
});

// Two nodes need a PostgreSQL server and NATS: under CI a missing NATS fails this test rather than skipping it.
describe.runIf(twoNodesRun)('stream sockets end when access ends on another node', () => {
  let nodes: TwoNodes | undefined;
  afterAll(async () => nodes?.close(), 60_000);

  it('closes the socket on node B when the session logs out on node A, and when a grant is revoked there', { timeout: 90_000 }, async () => {
    nodes = await startTwoNodes();
    const { a, b } = nodes;
    const urlB = await listen(b);
    const admin = await loginAdmin(a);
    const user = await createUser(a, 'dispatcher', 'li.oberland.vaduz');

    const onB = await StreamClient.connect(urlB, { cookie: user.cookie });
    await onB.waitForKind('caught_up');
    expect((await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: user.cookie } })).statusCode).toBeLessThan(300);
    expect(await closeCode(onB)).toBe(4401);

    const again = await login(a, user.username, user.password);
    const grant = (await a.inject({ method: 'GET', url: `/api/v1/staff/${user.id}`, headers: { cookie: admin } })).json() as { grants: { id: string }[] };
    const second = await StreamClient.connect(urlB, { cookie: again });
    await second.waitForKind('caught_up');
    expect((await a.inject({ method: 'DELETE', url: `/api/v1/staff/${user.id}/grants/${grant.grants[0]!.id}`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect(await closeCode(second)).toBe(4403);
  });
});
