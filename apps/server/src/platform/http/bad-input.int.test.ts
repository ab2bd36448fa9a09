import { ROLES } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp, type TestUser } from '../../../test/harness.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { rows } from '../db/client.js';

/**
 * Bad input anywhere gets a 4xx problem+json that names the field, and changes nothing.
 * First a table of known kinds of bad input, then generated bodies against every write endpoint.
 */

let t: TestApp;
let cookie: string;
const f = {} as { oberland: string; vaduz: string; station: string; device: string; loginUser: TestUser; auditor: TestUser };
const api = (path: string): string => `/api/v1${path}`;

/** Everything a refused request must leave untouched. */
async function snapshot(): Promise<Record<string, unknown>> {
  const digest = (table: string, columns: string) => sql.raw(`(select md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' order by id), '')) from ${table})`);
  const [row] = await rows<Record<string, unknown>>(t.app.platform.db, sql`select
    (select coalesce(max(id::text), '') from audit_log) as audit_seq,
    (select count(*)::int from outbox) as outbox,
    (select count(*)::int from idempotency_keys) as idempotency_keys,
    ${digest('users', 'id, username, display_name, kind, disabled_at, password_hash, failed_logins, locked_until')} as users,
    ${digest('grants', 'id, user_id, role, jurisdiction_id')} as grants,
    ${digest('jurisdictions', 'id, path, name, level, md5(ST_AsEWKB(boundary))')} as jurisdictions,
    ${digest('api_tokens', 'id, revoked_at')} as api_tokens,
    ${digest('sessions', 'id, revoked_at')} as sessions`);
  return row!;
}

async function auditActionsAfter(seq: unknown): Promise<string[]> {
  const list = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where id::text > ${String(seq)} order by id`);
  return list.map((r) => r.action);
}

function expectProblem(res: LightMyRequestResponse): { code: ErrorCode; errors?: { path: string; message: string }[] } {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(ERROR_CATALOGUE[body.code as ErrorCode]?.status, `code ${body.code}`).toBe(res.statusCode);
  expect(body.status).toBe(res.statusCode);
  return body;
}

beforeAll(async () => {
  // Generated logins must reach the login logic, not the rate limit.
  t = await startTestApp({ config: { loginRatePerMinute: 10_000 } });
  cookie = await loginAdmin(t.app);
  f.oberland = (await jurisdictionByPath(t.app, 'li.oberland')).id;
  f.vaduz = (await jurisdictionByPath(t.app, 'li.oberland.vaduz')).id;
  const station = await t.app.inject({ method: 'POST', url: api('/jurisdictions'), headers: { cookie }, payload: { parentId: f.vaduz, name: 'Fuzz station', level: 'station' } });
  f.station = station.json().id;
  const device = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie }, payload: { username: 'fuzz-device', displayName: 'Fuzz device', kind: 'device', jurisdictionId: f.vaduz } });
  f.device = device.json().id;
  [f.loginUser, f.auditor] = await Promise.all([createUser(t.app, 'unit_member', 'li.oberland.vaduz'), createUser(t.app, 'auditor', 'li')]);
}, 60_000);
afterAll(async () => t?.close());

const square = (lon: number, lat: number, d = 0.001) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const BOW_TIE = { type: 'Polygon', coordinates: [[[9.5, 47.1], [9.51, 47.11], [9.51, 47.1], [9.5, 47.11], [9.5, 47.1]]] };
const UNCLOSED = { type: 'Polygon', coordinates: [[[9.5, 47.1], [9.51, 47.1], [9.51, 47.11], [9.5, 47.11]]] };
const LON_500 = { type: 'Polygon', coordinates: [[[500, 47.1], [9.51, 47.1], [9.51, 47.11], [500, 47.1]]] };
const HOLE_OUTSIDE = { type: 'Polygon', coordinates: [square(9.5, 47.1)[0], square(9.6, 47.2)[0]] };

const validStaff = () => ({ username: 'valid-name', displayName: 'Valid', kind: 'device', jurisdictionId: f.vaduz });
const validStation = () => ({ parentId: f.vaduz, name: 'A station', level: 'station' });

interface BadCase {
  name: string;
  request: () => InjectOptions;
  code: ErrorCode;
  /** The field the problem must name. */
  field?: string;
}

const json = (method: InjectOptions['method'], url: string, payload: unknown): InjectOptions => ({ method, url: api(url), payload: payload as InjectOptions['payload'] });
const raw = (method: InjectOptions['method'], url: string, body: string, contentType = 'application/json'): InjectOptions => ({ method, url: api(url), payload: body, headers: { 'content-type': contentType } });

const BAD: BadCase[] = [
  // wrong types
  { name: 'a number as username', request: () => json('POST', '/staff', { ...validStaff(), username: 42 }), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'a string as the grants list', request: () => json('POST', '/staff', { ...validStaff(), grants: 'all' }), code: 'VALIDATION_FAILED', field: 'body.grants' },
  { name: 'an unknown role in a grant', request: () => json('POST', '/staff', { ...validStaff(), grants: [{ role: 'emperor', jurisdictionId: f.vaduz }] }), code: 'VALIDATION_FAILED', field: 'body.grants.0.role' },
  { name: 'a string as disabled', request: () => json('PATCH', `/staff/${f.device}`, { disabled: 'yes' }), code: 'VALIDATION_FAILED', field: 'body.disabled' },
  { name: 'a number as level', request: () => json('POST', '/jurisdictions', { ...validStation(), level: 7 }), code: 'VALIDATION_FAILED', field: 'body.level' },
  { name: 'a string as expiresInDays', request: () => json('POST', '/auth/tokens', { name: 'x', expiresInDays: '30' }), code: 'VALIDATION_FAILED', field: 'body.expiresInDays' },
  { name: 'expiresInDays out of range', request: () => json('POST', '/auth/tokens', { name: 'x', expiresInDays: 1e9 }), code: 'VALIDATION_FAILED', field: 'body.expiresInDays' },
  { name: 'an array as the body', request: () => json('POST', '/staff', [validStaff()]), code: 'VALIDATION_FAILED', field: 'body' },
  // unknown fields: schemas are strict
  { name: 'an unknown field', request: () => json('POST', '/staff', { ...validStaff(), isAdmin: true }), code: 'VALIDATION_FAILED', field: 'body.isAdmin' },
  { name: 'an unknown field in a grant', request: () => json('POST', '/staff', { ...validStaff(), grants: [{ role: 'auditor', jurisdictionId: f.vaduz, everywhere: true }] }), code: 'VALIDATION_FAILED', field: 'body.grants.0.everywhere' },
  { name: 'an unknown field at login', request: () => json('POST', '/auth/login', { username: 'admin', password: 'x', remember: true }), code: 'VALIDATION_FAILED', field: 'body.remember' },
  // missing fields
  { name: 'an empty object for a new account', request: () => json('POST', '/staff', {}), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'no password at login', request: () => json('POST', '/auth/login', { username: 'admin' }), code: 'VALIDATION_FAILED', field: 'body.password' },
  { name: 'no parentId for a jurisdiction', request: () => json('POST', '/jurisdictions', { name: 'x', level: 'station' }), code: 'VALIDATION_FAILED', field: 'body.parentId' },
  { name: 'an update with no field', request: () => json('PATCH', `/jurisdictions/${f.station}`, {}), code: 'VALIDATION_FAILED', field: 'body' },
  { name: 'a staff account without a password', request: () => json('POST', '/staff', { ...validStaff(), kind: 'staff' }), code: 'VALIDATION_FAILED', field: 'body.password' },
  // bodies that cannot be read
  { name: 'a body over BODY_LIMIT_BYTES', request: () => json('POST', '/staff', { ...validStaff(), displayName: 'x'.repeat(t.config.bodyLimitBytes) }), code: 'PAYLOAD_TOO_LARGE' },
  { name: 'invalid JSON', request: () => raw('POST', '/staff', '{"username": '), code: 'MALFORMED_REQUEST' },
  { name: 'an empty JSON body', request: () => raw('POST', '/staff', ''), code: 'MALFORMED_REQUEST' },
  { name: 'a __proto__ key', request: () => raw('POST', '/staff', `{"__proto__": {"admin": true}, "username": "proto-user"}`), code: 'MALFORMED_REQUEST' },
  { name: 'text/plain', request: () => raw('POST', '/staff', 'username=x', 'text/plain'), code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a form post', request: () => raw('POST', '/auth/login', 'username=admin&password=x', 'application/x-www-form-urlencoded'), code: 'UNSUPPORTED_MEDIA_TYPE' },
  // GeoJSON boundaries
  { name: 'a self-intersecting "bow-tie" boundary', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: BOW_TIE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'a bow-tie boundary on update', request: () => json('PATCH', `/jurisdictions/${f.station}`, { boundary: BOW_TIE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'a hole outside its shell', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: HOLE_OUTSIDE }), code: 'GEOMETRY_INVALID', field: 'body.boundary' },
  { name: 'an unclosed ring', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: UNCLOSED }), code: 'VALIDATION_FAILED', field: 'body.boundary.coordinates.0' },
  { name: 'longitude 500', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: LON_500 }), code: 'VALIDATION_FAILED', field: 'body.boundary.coordinates.0.0.0' },
  { name: 'a point as a boundary', request: () => json('POST', '/jurisdictions', { ...validStation(), boundary: { type: 'Point', coordinates: [9.5, 47.1] } }), code: 'VALIDATION_FAILED', field: 'body.boundary.type' },
  // hostile strings where they cannot be names
  { name: 'SQL in a username', request: () => json('POST', '/staff', { ...validStaff(), username: "x'; drop table users; --" }), code: 'VALIDATION_FAILED', field: 'body.username' },
  { name: 'SQL in a slug', request: () => json('POST', '/jurisdictions', { ...validStation(), slug: "a'); drop table jurisdictions; --" }), code: 'VALIDATION_FAILED', field: 'body.slug' },
  // NUL characters, which PostgreSQL refuses in text
  { name: 'NUL in a display name', request: () => json('POST', '/staff', { ...validStaff(), displayName: 'a\u0000b' }), code: 'VALIDATION_FAILED', field: 'body.displayName' },
  { name: 'NUL in a jurisdiction name', request: () => json('PATCH', `/jurisdictions/${f.station}`, { name: '\u0000' }), code: 'VALIDATION_FAILED', field: 'body.name' },
  { name: 'NUL in a field name', request: () => json('POST', '/staff', { ...validStaff(), 'x\u0000': 1 }), code: 'VALIDATION_FAILED', field: 'body.x\u0000' },
  { name: 'NUL in a query parameter', request: () => ({ method: 'GET', url: api('/staff?jurisdictionId=%00') }), code: 'VALIDATION_FAILED', field: 'query.jurisdictionId' },
  // identifiers and queries
  { name: 'a bad UUID in the path', request: () => ({ method: 'GET', url: api('/staff/not-a-uuid') }), code: 'VALIDATION_FAILED', field: 'path.id' },
  { name: 'a number as a jurisdiction id', request: () => json('PATCH', '/jurisdictions/123', { name: 'x' }), code: 'VALIDATION_FAILED', field: 'path.id' },
  { name: 'a bad grant id', request: () => ({ method: 'DELETE', url: api(`/staff/${uuidv7()}/grants/1%20or%201=1`) }), code: 'VALIDATION_FAILED', field: 'path.grantId' },
  { name: 'a bad UUID in a query', request: () => ({ method: 'GET', url: api('/staff?jurisdictionId=nope') }), code: 'VALIDATION_FAILED', field: 'query.jurisdictionId' },
  { name: 'an unknown query parameter', request: () => ({ method: 'GET', url: api('/staff?admin=1') }), code: 'VALIDATION_FAILED', field: 'query.admin' },
  { name: 'longitude 500 in a lookup', request: () => ({ method: 'GET', url: api('/jurisdictions/lookup?lon=500&lat=47') }), code: 'VALIDATION_FAILED', field: 'query.lon' },
  { name: 'text as latitude', request: () => ({ method: 'GET', url: api('/jurisdictions/lookup?lon=9.5&lat=north') }), code: 'VALIDATION_FAILED', field: 'query.lat' },
  // Idempotency-Key
  ...['short', 'has spaces in it', 'ünïcödé-key', 'k'.repeat(201)].map((key): BadCase => ({
    name: `Idempotency-Key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 8)}…(${key.length})` : key)}`,
    request: () => ({ ...json('POST', '/staff', { ...validStaff(), username: 'idem-bad-key' }), headers: { 'idempotency-key': key } }),
    code: 'VALIDATION_FAILED',
    field: 'header.idempotency-key',
  })),
];

describe('bad input gets a 4xx problem+json naming the field, and changes nothing', () => {
  const title = (c: BadCase) => `${c.name} -> ${c.code}${c.field ? ` ${c.field.replaceAll('\u0000', '\\u0000')}` : ''}`;
  it.each(BAD.map((c) => [title(c), c] as const))('%s', async (_title, { request, code, field }) => {
    const before = await snapshot();
    const r = request();
    const res = await t.app.inject({ ...r, headers: { cookie, ...r.headers } });
    const problem = expectProblem(res);
    expect(problem.code).toBe(code);
    if (field) expect(problem.errors?.map((e) => e.path)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });
});

describe('hostile names are stored verbatim and returned as JSON data', () => {
  const HOSTILE = ["Robert'); DROP TABLE jurisdictions; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "1' OR '1'='1", 'Ω≈ç√ 🚒 \\u0000 %00 ${{7*7}}'];

  it.each(HOSTILE)('a jurisdiction named %j', async (name) => {
    const count = async () => Number((await rows<{ n: string }>(t.app.platform.db, sql`select count(*) as n from jurisdictions`))[0]!.n);
    const before = await count();
    const created = await t.app.inject({ method: 'POST', url: api('/jurisdictions'), headers: { cookie }, payload: { parentId: f.oberland, name, level: 'station' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await count()).toBe(before + 1);
    const res = await t.app.inject({ url: api(`/jurisdictions/${created.json().id}`), headers: { cookie } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json().name).toBe(name);
    expect(created.json().path).toMatch(/^li\.oberland\.[a-z0-9_]+$/);
  });

  it.each(HOSTILE)('a staff display name %j, and the same string as an audit filter', async (displayName) => {
    const res = await t.app.inject({ method: 'PATCH', url: api(`/staff/${f.device}`), headers: { cookie }, payload: { displayName } });
    expect(res.statusCode, res.body).toBe(200);
    const read = await t.app.inject({ url: api(`/staff/${f.device}`), headers: { cookie } });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().displayName).toBe(displayName);
    const audit = await t.app.inject({ url: api(`/audit?action=${encodeURIComponent(displayName)}`), headers: { cookie: f.auditor.cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toEqual([]);
  });

  it('answers an unknown path containing markup with problem+json, not HTML', async () => {
    const res = await t.app.inject({ url: api('/%3Cscript%3Ealert(1)%3C%2Fscript%3E'), headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated bodies against every write endpoint.

const hostileString = fc.constantFrom('', ' ', '\u0000', "'; drop table users; --", '<script>alert(1)</script>', 'x'.repeat(5000), '\ud800', '🚒');
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), hostileString);
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2));
const anyScalar = fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 4 }), fc.dictionary(fc.string(), anyScalar, { maxKeys: 4 }));
const maybe = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const idArb = () => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(f.oberland, f.vaduz, f.station) }, fc.uuid(), anyString);
const roleArb = maybe(fc.constantFrom(...ROLES));
const username = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,20}$/);
const password = fc.string({ minLength: 12, maxLength: 40 });
const lonLat = fc.tuple(fc.double({ min: 9.4, max: 9.7, noNaN: true }), fc.double({ min: 47, max: 47.3, noNaN: true }));
const boundaryArb = fc.oneof(
  fc.constantFrom(BOW_TIE, UNCLOSED, LON_500, HOLE_OUTSIDE, { type: 'Polygon', coordinates: square(9.52, 47.14) }, { type: 'MultiPolygon', coordinates: [square(9.52, 47.14)] }),
  // with a third coordinate (elevation), which GeoJSON allows
  fc.constant({ type: 'Polygon', coordinates: [square(9.52, 47.14)[0]!.map(([x, y]) => [x!, y!, 455])] }),
  fc.array(lonLat, { minLength: 3, maxLength: 8 }).map((ring) => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] })),
  anyValue,
);

interface WriteEndpoint {
  name: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  /** The fields of a plausible body, each valid or nearly so. */
  fields: () => Record<string, fc.Arbitrary<unknown>>;
  /** The fields a valid body must have. */
  required: string[];
  /** The audit action of a successful write. */
  audit: string;
  /** Audit actions a refusal may record on purpose (failed logins are audited). */
  auditedRefusals?: string[];
  cookie?: boolean;
}

const WRITES: WriteEndpoint[] = [
  {
    name: 'POST /staff', method: 'POST', url: () => '/staff', audit: 'staff.created',
    required: ['username', 'displayName', 'jurisdictionId', 'password'],
    fields: () => ({
      username: maybe(username), displayName: maybe(fc.string({ minLength: 1, maxLength: 40 })), kind: maybe(fc.constantFrom('staff', 'device')),
      jurisdictionId: idArb(), password: maybe(password), grants: maybe(fc.array(fc.record({ role: roleArb, jurisdictionId: idArb() }), { maxLength: 3 })),
    }),
  },
  {
    name: 'PATCH /staff/:id', method: 'PATCH', url: () => `/staff/${f.device}`, audit: 'staff.updated',
    required: [],
    fields: () => ({ displayName: maybe(fc.string({ minLength: 1, maxLength: 40 })), disabled: maybe(fc.boolean()), password: maybe(password) }),
  },
  {
    name: 'POST /staff/:id/grants', method: 'POST', url: () => `/staff/${f.device}/grants`, audit: 'staff.grant_added',
    required: ['role', 'jurisdictionId'],
    fields: () => ({ role: roleArb, jurisdictionId: idArb() }),
  },
  {
    name: 'POST /jurisdictions', method: 'POST', url: () => '/jurisdictions', audit: 'jurisdictions.created',
    required: ['parentId', 'name', 'level'],
    fields: () => ({
      parentId: idArb(), name: maybe(fc.string({ minLength: 1, maxLength: 40 })), slug: maybe(fc.stringMatching(/^[a-z0-9_]{1,20}$/)),
      level: maybe(fc.constantFrom('national', 'region', 'municipality', 'station')), boundary: boundaryArb,
    }),
  },
  {
    name: 'PATCH /jurisdictions/:id', method: 'PATCH', url: () => `/jurisdictions/${f.station}`, audit: 'jurisdictions.updated',
    required: [],
    fields: () => ({ name: maybe(fc.string({ minLength: 1, maxLength: 40 })), boundary: boundaryArb }),
  },
  {
    name: 'POST /auth/login', method: 'POST', url: () => '/auth/login', audit: 'auth.logged_in', cookie: false,
    auditedRefusals: ['auth.login_failed', 'auth.account_locked'],
    required: ['username', 'password'],
    fields: () => ({ username: fc.oneof(fc.constant(f.loginUser.username), anyString), password: fc.oneof(fc.constant(f.loginUser.password), anyString) }),
  },
  {
    name: 'POST /auth/tokens', method: 'POST', url: () => '/auth/tokens', audit: 'auth.token_created',
    required: ['name'],
    fields: () => ({ name: maybe(fc.string({ minLength: 1, maxLength: 40 })), expiresInDays: maybe(fc.integer({ min: 1, max: 3650 })) }),
  },
];

type Body = { json: unknown } | { raw: string };

/** A valid-looking body with one field dropped, replaced or added. */
function mutated(plausible: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc.tuple(plausible, fc.oneof(fc.string(), fc.constantFrom('username', 'name', 'password', 'jurisdictionId', 'role')), fc.constantFrom('drop', 'set'), anyValue).map(([body, key, op, value]) => {
    const copy = { ...body };
    if (op === 'drop') delete copy[key];
    else copy[key] = value;
    return { json: copy };
  });
}

function bodies(e: WriteEndpoint): fc.Arbitrary<Body> {
  const plausible = fc.record(e.fields(), { requiredKeys: e.required });
  return fc.oneof(
    fc.anything().map((json) => ({ json })),
    fc.object().map((json) => ({ json })),
    fc.string().map((raw) => ({ raw })),
    fc.record(e.fields(), { requiredKeys: [] }).map((json) => ({ json })),
    { weight: 3, arbitrary: plausible.map((json) => ({ json })) },
    { weight: 3, arbitrary: mutated(plausible) },
  );
}

async function fireAndCheck(e: WriteEndpoint, body: Body): Promise<void> {
  const payload = 'raw' in body ? body.raw : JSON.stringify(body.json);
  const before = await snapshot();
  const res = await t.app.inject({
    method: e.method,
    url: api(e.url()),
    headers: { ...(e.cookie === false ? {} : { cookie }), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload }),
  });
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
  const added = await auditActionsAfter(before.audit_seq);
  if (res.statusCode < 300) {
    expect(added, 'a successful write has its audit row').toContain(e.audit);
    return;
  }
  expectProblem(res);
  const after = await snapshot();
  if (added.length === 0) {
    expect(after).toEqual(before);
  } else {
    // A refused login is recorded on purpose (audit row, event, failure count); nothing else moves.
    expect(added.every((a) => e.auditedRefusals?.includes(a)), `refusal recorded ${added.join(', ')}`).toBe(true);
    const untouched = ({ audit_seq: _seq, outbox: _outbox, users: _users, ...rest }: Record<string, unknown>) => rest;
    expect(untouched(after)).toEqual(untouched(before));
  }
}

describe('generated bodies at every write endpoint: never a 5xx, always problem+json, never a partial write', () => {
  it.each(WRITES)('$name', async (e) => {
    await fc.assert(fc.asyncProperty(bodies(e), (body) => fireAndCheck(e, body)), { numRuns: 80 });
  }, 60_000);

  it('leaves an intact audit chain', async () => {
    const result = await verifyAuditChain(t.app.platform.db);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});
