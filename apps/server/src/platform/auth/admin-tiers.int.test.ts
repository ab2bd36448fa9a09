import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, jurisdictionByPath, login, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { auditActionsAfter as actionsAfter, snapshot as takeSnapshot, type DigestTable } from '../../../test/db-snapshot.js';
import { rows } from '../db/client.js';
import { parseLevels } from '../../config-levels.js';

/**
 * The administrator tiers of the authorization matrix (issue 11, hole 1). Every role, granted at
 * national, region and municipal level, against accounts and jurisdictions above, beside and below
 * it — including accounts homed below that hold a role above (the national administrator homed in
 * Vaduz, whose new password or token would be a national administrator's). The rule is stated once,
 * in `expectedForAccount` and `expectedForArea`; the tables only list what exists. 0 escalations:
 * every refusal leaves users, grants, jurisdictions, tokens, sessions, audit and outbox untouched.
 */

const VADUZ = 'li.oberland.vaduz';
const STATION = `${VADUZ}.tiers_station`;
const LEVELS = { national: 'li', region: 'li.oberland', municipal: VADUZ } as const;
type Level = keyof typeof LEVELS;

/** A point in Vaduz's town centre; the station and the jurisdictions the "below" cases create are small squares around points near it. */
const VADUZ_AT: [number, number] = [9.5215, 47.141];
const square = ([lon, lat]: [number, number], half: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
});
const STATION_AREA = square(VADUZ_AT, 0.002);
/** Where each tier's administrator adds a jurisdiction below it: inside the parent, clear of its other children. */
const NEW_AREA: Record<Level, ReturnType<typeof square>> = {
  national: square([VADUZ_AT[0], VADUZ_AT[1] + 0.004], 0.0005),
  region: square([VADUZ_AT[0], VADUZ_AT[1] - 0.004], 0.0005),
  municipal: square(VADUZ_AT, 0.0005),
};

interface ActorSpec {
  name: string;
  role: Role;
  level: Level;
}
const ACTORS: ActorSpec[] = (Object.keys(LEVELS) as Level[]).flatMap((level) => ROLES.map((role) => ({ name: `${role}@${level}`, role, level })));
const isAdmin = (a: ActorSpec): boolean => a.role === 'administrator';

interface AccountSpec {
  home: string;
  grants: { role: Role; path: string }[];
  kind?: 'staff' | 'device';
}
/** Accounts around every tier: above, beside, below, and homed below while reaching above or beside. */
const ACCOUNTS = {
  'national administrator': { home: 'li', grants: [{ role: 'administrator', path: 'li' }] },
  'national administrator homed in Vaduz': { home: VADUZ, grants: [{ role: 'administrator', path: 'li' }] },
  'region administrator homed in Vaduz': { home: VADUZ, grants: [{ role: 'administrator', path: 'li.oberland' }] },
  'Vaduz dispatcher also dispatching for Schaan': { home: VADUZ, grants: [{ role: 'dispatcher', path: VADUZ }, { role: 'dispatcher', path: 'li.oberland.schaan' }] },
  'Vaduz dispatcher also dispatching for Eschen': { home: VADUZ, grants: [{ role: 'dispatcher', path: VADUZ }, { role: 'dispatcher', path: 'li.unterland.eschen' }] },
  'Oberland commander': { home: 'li.oberland', grants: [{ role: 'commander', path: 'li.oberland' }] },
  'Unterland dispatcher': { home: 'li.unterland', grants: [{ role: 'dispatcher', path: 'li.unterland' }] },
  'Vaduz administrator': { home: VADUZ, grants: [{ role: 'administrator', path: VADUZ }] },
  'Vaduz dispatcher': { home: VADUZ, grants: [{ role: 'dispatcher', path: VADUZ }] },
  'Vaduz device': { home: VADUZ, grants: [{ role: 'unit_member', path: VADUZ }], kind: 'device' },
  'Schaan dispatcher': { home: 'li.oberland.schaan', grants: [{ role: 'dispatcher', path: 'li.oberland.schaan' }] },
  'Eschen dispatcher': { home: 'li.unterland.eschen', grants: [{ role: 'dispatcher', path: 'li.unterland.eschen' }] },
  'station dispatcher': { home: STATION, grants: [{ role: 'dispatcher', path: STATION }] },
} satisfies Record<string, AccountSpec>;
type AccountName = keyof typeof ACCOUNTS;
const ACCOUNT_NAMES = Object.keys(ACCOUNTS) as AccountName[];
/** Non-administrators hold no staff:manage anywhere, so one account is enough for them: the exploit's target, homed below every tier. */
const NON_ADMIN_ACCOUNTS: AccountName[] = ['national administrator homed in Vaduz'];

const inSubtree = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);
const has = (a: ActorSpec, p: Permission): boolean => ROLE_PERMISSIONS[a.role].includes(p);

type Expected = { status: number; code?: string; field?: string };

interface AccountOp {
  name: string;
  /** What the route requires somewhere (else 403 before any lookup). */
  guard: Permission;
  ok: number;
  audit?: string;
  request(x: Account, actor: ActorSpec): Promise<InjectOptions> | InjectOptions;
  /** Only for device accounts (API tokens): a person's account, even within reach, is refused. */
  devicesOnly?: boolean;
  /** Puts the account back as it was after a success, so that later cases meet the same world. */
  undo?(x: Account, res: { json(): unknown }): Promise<void>;
}

/**
 * The rule for an operation on an account. Seeing it: staff:read over its home, else it does not
 * exist (404). Managing it: staff:manage over its home and over every jurisdiction it holds a role
 * on; seen but reaching beyond: 403. Minting a token for it: only a device account (403 for a person).
 */
function expectedForAccount(actor: ActorSpec, op: AccountOp, account: AccountSpec): Expected {
  if (!has(actor, op.guard)) return { status: 403, code: 'FORBIDDEN' };
  const root = LEVELS[actor.level];
  if (!inSubtree(account.home, root)) return { status: 404, code: 'NOT_FOUND' };
  if (op.guard === 'staff:read') return { status: op.ok };
  const whole = [account.home, ...account.grants.map((g) => g.path)].every((p) => inSubtree(p, root));
  if (!whole || (op.devicesOnly && account.kind !== 'device')) return { status: 403, code: 'FORBIDDEN' };
  return { status: op.ok };
}

let t: TestApp;
let adminCookie: string;
const api = (path: string): string => `/api/v1${path}`;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${++counter}-${Date.now().toString(36)}`;

async function asAdmin<T = { id: string }>(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
  const res = await t.app.inject({ method, url: api(url), headers: { cookie: adminCookie }, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const ids: Record<string, string> = {};
const jurisdictionId = async (path: string): Promise<string> => (ids[path] ??= (await jurisdictionByPath(t.app, path)).id);

interface Account extends AccountSpec {
  id: string;
  name: AccountName;
}
const accounts = {} as Record<AccountName, Account>;

async function firstGrantOf(x: Account): Promise<{ id: string; role: Role; jurisdictionId: string }> {
  const [g] = await rows<{ id: string; role: Role; jurisdiction_id: string }>(t.app.platform.db, sql`select id, role, jurisdiction_id from grants where user_id = ${x.id} order by id limit 1`);
  return { id: g!.id, role: g!.role, jurisdictionId: g!.jurisdiction_id };
}

const ACCOUNT_OPS: AccountOp[] = [
  { name: 'GET /staff/:id', guard: 'staff:read', ok: 200, request: (x) => ({ method: 'GET', url: api(`/staff/${x.id}`) }) },
  {
    name: 'PATCH /staff/:id {displayName}', guard: 'staff:manage', ok: 200, audit: 'staff.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/staff/${x.id}`), payload: { displayName: unique('Renamed') } }),
  },
  {
    name: 'PATCH /staff/:id {password}', guard: 'staff:manage', ok: 200, audit: 'staff.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/staff/${x.id}`), payload: { password: 'reset-by-an-administrator' } }),
  },
  {
    name: 'PATCH /staff/:id {disabled}', guard: 'staff:manage', ok: 200, audit: 'staff.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/staff/${x.id}`), payload: { disabled: true } }),
    undo: async (x) => void (await asAdmin('PATCH', `/staff/${x.id}`, { disabled: false })),
  },
  {
    // A role on the actor's own jurisdiction: one it may hand out, to an account it may or may not manage.
    name: 'POST /staff/:id/grants', guard: 'staff:manage', ok: 201, audit: 'staff.grant_added',
    request: async (x, actor) => ({ method: 'POST', url: api(`/staff/${x.id}/grants`), payload: { role: 'inspector', jurisdictionId: await jurisdictionId(LEVELS[actor.level]) } }),
    undo: async (x, res) => {
      const added = (res.json() as { grants: { id: string; role: Role }[] }).grants.find((g) => g.role === 'inspector')!;
      await asAdmin('DELETE', `/staff/${x.id}/grants/${added.id}`);
    },
  },
  {
    // Its first grant: for the national administrator homed in Vaduz, the national administrator role itself.
    name: 'DELETE /staff/:id/grants/:grantId', guard: 'staff:manage', ok: 200, audit: 'staff.grant_revoked',
    request: async (x) => ({ method: 'DELETE', url: api(`/staff/${x.id}/grants/${(await firstGrantOf(x)).id}`) }),
    undo: async (x) => {
      const held = await rows<{ role: Role; path: string }>(t.app.platform.db, sql`select g.role, j.path::text as path from grants g join jurisdictions j on j.id = g.jurisdiction_id where g.user_id = ${x.id}`);
      for (const spec of x.grants.filter((g) => !held.some((h) => h.role === g.role && h.path === g.path))) {
        await asAdmin('POST', `/staff/${x.id}/grants`, { role: spec.role, jurisdictionId: await jurisdictionId(spec.path) });
      }
    },
  },
  { name: 'GET /staff/:id/tokens', guard: 'staff:manage', ok: 200, request: (x) => ({ method: 'GET', url: api(`/staff/${x.id}/tokens`) }) },
  {
    name: 'POST /staff/:id/tokens', guard: 'staff:manage', ok: 201, audit: 'auth.token_created', devicesOnly: true,
    request: (x) => ({ method: 'POST', url: api(`/staff/${x.id}/tokens`), payload: { name: 'tiers' } }),
  },
  {
    // A live token of the account (a person's too: revoking protects, it does not impersonate), written before the request.
    name: 'DELETE /staff/:id/tokens/:tokenId', guard: 'staff:manage', ok: 204, audit: 'auth.token_revoked',
    request: async (x) => ({ method: 'DELETE', url: api(`/staff/${x.id}/tokens/${await liveTokenOf(x)}`) }),
  },
];

/** A new live API token of the account, written straight into the table (a person's tokens are minted only by the person). */
async function liveTokenOf(x: Account): Promise<string> {
  const id = uuidv7();
  await t.app.platform.db.execute(sql`insert into api_tokens (id, user_id, name, token_hash, expires_at) values (${id}, ${x.id}, 'tiers', ${`tiers-${id}`}, now() + interval '1 day')`);
  return id;
}

/** Jurisdictions above, beside and below each tier's own (a national one has nothing above or beside). */
const AREAS: Record<Level, Record<'above' | 'beside' | 'below', string[]>> = {
  national: { above: [], beside: [], below: [VADUZ] },
  region: { above: ['li'], beside: ['li.unterland', 'li.unterland.eschen'], below: [VADUZ] },
  municipal: { above: ['li', 'li.oberland'], beside: ['li.oberland.schaan', 'li.unterland.eschen'], below: [STATION] },
};
type AreaRelation = keyof (typeof AREAS)[Level];

interface AreaOp {
  name: string;
  guard: Permission;
  ok: number;
  audit: string;
  /** How a jurisdiction out of reach answers: named in the body (a field error) or in the path (404). */
  refused: Expected;
  request(path: string, actor: ActorSpec): Promise<InjectOptions>;
  undo?(res: { json(): unknown }): Promise<void>;
}

/** An account every administrator may manage, to receive the roles the grant cases try to hand out. */
const RECIPIENT: AccountName = 'station dispatcher';

const AREA_OPS: AreaOp[] = [
  {
    name: 'POST /staff homed there', guard: 'staff:manage', ok: 201, audit: 'staff.created', refused: { status: 400, code: 'VALIDATION_FAILED', field: 'body.jurisdictionId' },
    request: async (path) => {
      const j = await jurisdictionId(path);
      return { method: 'POST', url: api('/staff'), payload: { username: unique('tiers-new'), displayName: 'New device', kind: 'device', jurisdictionId: j, grants: [{ role: 'unit_member', jurisdictionId: j }] } };
    },
  },
  {
    // Homed below the actor, with an administrator role there: the national administrator homed in Vaduz, made from scratch.
    name: 'POST /staff homed below, administrator there', guard: 'staff:manage', ok: 201, audit: 'staff.created', refused: { status: 400, code: 'VALIDATION_FAILED', field: 'body.grants.0.jurisdictionId' },
    request: async (path, actor) => ({
      method: 'POST', url: api('/staff'),
      payload: { username: unique('tiers-new'), displayName: 'New admin', password: 'a-long-enough-password', jurisdictionId: await jurisdictionId(AREAS[actor.level].below[0]!), grants: [{ role: 'administrator', jurisdictionId: await jurisdictionId(path) }] },
    }),
  },
  {
    name: `POST /staff/:id/grants administrator there (to the ${RECIPIENT})`, guard: 'staff:manage', ok: 201, audit: 'staff.grant_added', refused: { status: 400, code: 'VALIDATION_FAILED', field: 'body.jurisdictionId' },
    request: async (path) => ({ method: 'POST', url: api(`/staff/${accounts[RECIPIENT].id}/grants`), payload: { role: 'administrator', jurisdictionId: await jurisdictionId(path) } }),
    undo: async (res) => {
      const added = (res.json() as { grants: { id: string; role: Role }[] }).grants.find((g) => g.role === 'administrator')!;
      await asAdmin('DELETE', `/staff/${accounts[RECIPIENT].id}/grants/${added.id}`);
    },
  },
  {
    // Below: a small area inside the parent, clear of its other children. Above and beside: no boundary, so that nothing but the parent decides.
    name: 'POST /jurisdictions under it', guard: 'jurisdictions:manage', ok: 201, audit: 'jurisdictions.created', refused: { status: 400, code: 'VALIDATION_FAILED', field: 'body.parentId' },
    request: async (path, actor) => {
      const below = AREAS[actor.level].below.includes(path) && isAdmin(actor);
      return { method: 'POST', url: api('/jurisdictions'), payload: { parentId: await jurisdictionId(path), name: unique('Tiers post'), level: 'post', ...(below ? { boundary: NEW_AREA[actor.level] } : {}) } };
    },
  },
  {
    name: 'PATCH /jurisdictions/:id {name}', guard: 'jurisdictions:manage', ok: 200, audit: 'jurisdictions.updated', refused: { status: 404, code: 'NOT_FOUND' },
    request: async (path) => ({ method: 'PATCH', url: api(`/jurisdictions/${await jurisdictionId(path)}`), payload: { name: unique('Renamed') } }),
  },
];

/** The rule for an operation on a jurisdiction: allowed within the actor's subtree, and as if it did not exist elsewhere. */
function expectedForArea(actor: ActorSpec, op: AreaOp, path: string): Expected {
  if (!has(actor, op.guard)) return { status: 403, code: 'FORBIDDEN' };
  return inSubtree(path, LEVELS[actor.level]) ? { status: op.ok } : op.refused;
}

const credentials: Record<string, string> = {};
/** What account operations could write; the jurisdiction operations add the jurisdictions (a digest of every boundary, dearer). */
const ACCOUNT_TABLES: DigestTable[] = ['users', 'grants', 'api_tokens', 'sessions'];
const AREA_TABLES: DigestTable[] = [...ACCOUNT_TABLES, 'jurisdictions'];
const snapshot = (tables = AREA_TABLES) => takeSnapshot(t.app.platform.db, tables);
const auditActionsAfter = (seq: unknown) => actionsAfter(t.app.platform.db, seq);

beforeAll(async () => {
  // A level below station: the tiers add a jurisdiction under each area, the station included (the level rule is not what this file tests).
  t = await startTestApp({ config: { levels: parseLevels('national,region,municipality,station,post', 'post=Post|岗位').levels! } });
  adminCookie = await loginAdmin(t.app);
  await asAdmin('POST', '/jurisdictions', { parentId: await jurisdictionId(VADUZ), name: 'Tiers station', slug: 'tiers_station', level: 'station', boundary: STATION_AREA });
  for (const name of ACCOUNT_NAMES) {
    const spec: AccountSpec = ACCOUNTS[name];
    const grants = await Promise.all(spec.grants.map(async (g) => ({ role: g.role, jurisdictionId: await jurisdictionId(g.path) })));
    const kind = spec.kind ?? 'staff';
    const created = await asAdmin('POST', '/staff', {
      username: unique('tiers-target'), displayName: name, kind, jurisdictionId: await jurisdictionId(spec.home), grants, ...(kind === 'staff' ? { password: 'target-password-0001' } : {}),
    });
    accounts[name] = { ...spec, id: created.id, name };
  }
  const users = await Promise.all(ACTORS.map((a) => createUser(t.app, a.role, LEVELS[a.level])));
  ACTORS.forEach((a, i) => (credentials[a.name] = users[i]!.cookie));
}, 120_000);
afterAll(async () => t?.close());

const describeExpected = (e: Expected): string => [e.status, e.code, e.field].filter(Boolean).join(' ');

async function check(who: ActorSpec, request: InjectOptions, expected: Expected, audit: string | undefined, tables: DigestTable[]): Promise<{ json(): unknown }> {
  const before = await snapshot(tables);
  const res = await t.app.inject({ ...request, headers: { cookie: credentials[who.name]! } });
  expect(res.statusCode, res.body).toBe(expected.status);
  if (expected.code) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe(expected.code);
  }
  if (expected.field) expect(res.json().errors.map((f: { path: string }) => f.path)).toContain(expected.field);
  if (expected.status < 300 && audit) expect(await auditActionsAfter(before.audit_seq)).toContain(audit);
  if (expected.status >= 300) expect(await snapshot(tables)).toEqual(before);
  return res;
}

describe('fixtures', () => {
  it('the station lies inside Vaduz; every area a "below" case creates lies inside its parent, clear of its siblings', async () => {
    const area = (g: object) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326)`;
    const [row] = await rows<Record<string, boolean>>(t.app.platform.db, sql`select
      ST_CoveredBy(${area(STATION_AREA)}, v.boundary) as station_in_vaduz,
      ST_CoveredBy(${area(NEW_AREA.national)}, v.boundary) and not ST_Intersects(${area(NEW_AREA.national)}, s.boundary) as national_in_vaduz,
      ST_CoveredBy(${area(NEW_AREA.region)}, v.boundary) and not ST_Intersects(${area(NEW_AREA.region)}, s.boundary) as region_in_vaduz,
      not ST_Intersects(${area(NEW_AREA.national)}, ${area(NEW_AREA.region)}) as apart,
      ST_CoveredBy(${area(NEW_AREA.municipal)}, s.boundary) as municipal_in_station
      from jurisdictions v, jurisdictions s where v.path = ${VADUZ}::ltree and s.path = ${STATION}::ltree`);
    expect(row).toEqual({ station_in_vaduz: true, national_in_vaduz: true, region_in_vaduz: true, apart: true, municipal_in_station: true });
  });
});

describe('administrator tiers: redrawing boundaries', () => {
  const admin = (level: Level) => ACTORS.find((a) => a.name === `administrator@${level}`)!;

  it.each(['region', 'municipal'] as const)("the %s administrator may rename its own jurisdiction but not redraw it: that would move its own reach", async (level) => {
    const id = await jurisdictionId(LEVELS[level]);
    await check(admin(level), { method: 'PATCH', url: api(`/jurisdictions/${id}`), payload: { boundary: STATION_AREA } }, { status: 403, code: 'FORBIDDEN' }, undefined, AREA_TABLES);
    await check(admin(level), { method: 'PATCH', url: api(`/jurisdictions/${id}`), payload: { name: unique('Renamed') } }, { status: 200 }, 'jurisdictions.updated', AREA_TABLES);
  });

  it.each(['national', 'region', 'municipal'] as const)('the %s administrator may redraw a jurisdiction below it', async (level) => {
    const id = await jurisdictionId(STATION);
    await check(admin(level), { method: 'PATCH', url: api(`/jurisdictions/${id}`), payload: { boundary: STATION_AREA } }, { status: 200 }, 'jurisdictions.updated', AREA_TABLES);
  });
});

describe('the takeover from the issue', () => {
  const municipal = ACTORS.find((a) => a.name === 'administrator@municipal')!;

  it("Vaduz's administrator can neither mint a token for, nor set the password of, nor disable, nor strip the national administrator homed in Vaduz", async () => {
    const target = accounts['national administrator homed in Vaduz'];
    const headers = { cookie: credentials[municipal.name]! };
    const before = await snapshot();
    const minted = await t.app.inject({ method: 'POST', url: api(`/staff/${target.id}/tokens`), headers, payload: { name: 'mine now' } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json()).not.toHaveProperty('token');
    const reset = await t.app.inject({ method: 'PATCH', url: api(`/staff/${target.id}`), headers, payload: { password: 'attacker-chosen-password' } });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().detail).toContain('holds a role on li');
    const disabled = await t.app.inject({ method: 'PATCH', url: api(`/staff/${target.id}`), headers, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(403);
    const stripped = await t.app.inject({ method: 'DELETE', url: api(`/staff/${target.id}/grants/${(await firstGrantOf(target)).id}`), headers });
    expect(stripped.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    // The account is still the national administrator's, with its own password only.
    const [{ username }] = (await rows<{ username: string }>(t.app.platform.db, sql`select username from users where id = ${target.id}`)) as [{ username: string }];
    await expect(login(t.app, username, 'attacker-chosen-password')).rejects.toThrow(/401/);
    const own = await login(t.app, username, 'target-password-0001');
    const me = await t.app.inject({ url: api('/auth/me'), headers: { cookie: own } });
    expect(me.json().grants.map((g: { role: string; jurisdictionPath: string }) => `${g.role}@${g.jurisdictionPath}`)).toEqual(['administrator@li']);
  });

  it("an administrator's own API token administers nothing: no tokens, no accounts, no passwords, no grants", async () => {
    const region = ACTORS.find((a) => a.name === 'administrator@region')!;
    const created = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: credentials[region.name]! }, payload: { name: 'laptop' } });
    expect(created.statusCode, created.body).toBe(201);
    const headers = { authorization: `Bearer ${created.json().token as string}` };
    const below = accounts['Vaduz dispatcher'];
    const attempts: InjectOptions[] = [
      { method: 'POST', url: api('/auth/tokens'), payload: { name: 'another' } },
      { method: 'POST', url: api(`/staff/${accounts['Vaduz device'].id}/tokens`), payload: { name: 'device' } },
      { method: 'GET', url: api(`/staff/${accounts['Vaduz device'].id}/tokens`) },
      { method: 'PATCH', url: api(`/staff/${below.id}`), payload: { password: 'token-chosen-password' } },
      { method: 'PATCH', url: api(`/staff/${below.id}`), payload: { displayName: 'Renamed by a token' } },
      { method: 'POST', url: api(`/staff/${below.id}/grants`), payload: { role: 'administrator', jurisdictionId: await jurisdictionId(VADUZ) } },
      { method: 'DELETE', url: api(`/staff/${below.id}/grants/${(await firstGrantOf(below)).id}`) },
      { method: 'POST', url: api('/staff'), payload: { username: unique('by-token'), displayName: 'By token', kind: 'device', jurisdictionId: await jurisdictionId(VADUZ), grants: [] } },
    ];
    const before = await snapshot();
    for (const attempt of attempts) {
      const res = await t.app.inject({ ...attempt, headers });
      expect(res.statusCode, `${attempt.method} ${attempt.url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
    // Reading accounts stays open to it, and so do its own tokens.
    expect((await t.app.inject({ url: api(`/staff/${below.id}`), headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: api('/auth/tokens'), headers })).statusCode).toBe(200);
  });
});

const accountCases = ACTORS.flatMap((actor) =>
  (isAdmin(actor) ? ACCOUNT_NAMES : NON_ADMIN_ACCOUNTS).flatMap((target) =>
    ACCOUNT_OPS.map((op) => {
      const expected = expectedForAccount(actor, op, ACCOUNTS[target]);
      return { actor, op, target, expected, title: `${actor.name}: ${op.name} of the ${target} -> ${describeExpected(expected)}` };
    }),
  ),
);

describe('administrator tiers: accounts above, beside and below', () => {
  it.each(accountCases.map((c) => [c.title, c] as const))('%s', async (_title, { actor, op, target, expected }) => {
    const x = accounts[target];
    const res = await check(actor, await op.request(x, actor), expected, op.audit, ACCOUNT_TABLES);
    if (expected.status < 300) await op.undo?.(x, res);
  });

  it('allows at least one success per administrator tier, and refuses every account reaching above or beside it', () => {
    for (const level of Object.keys(LEVELS) as Level[]) {
      const mine = accountCases.filter((c) => isAdmin(c.actor) && c.actor.level === level && c.op.guard === 'staff:manage');
      expect(mine.some((c) => c.expected.status < 300)).toBe(true);
      if (level !== 'national') expect(mine.filter((c) => c.target === 'national administrator homed in Vaduz').every((c) => c.expected.status === 403)).toBe(true);
    }
  });
});

const areaCases = ACTORS.flatMap((actor) =>
  (isAdmin(actor) ? (['above', 'beside', 'below'] as AreaRelation[]) : (['below'] as AreaRelation[])).flatMap((relation) =>
    AREAS[actor.level][relation].flatMap((path) =>
      AREA_OPS.map((op) => {
        const expected = expectedForArea(actor, op, path);
        return { actor, op, path, relation, expected, title: `${actor.name}: ${op.name} on ${path} (${relation}) -> ${describeExpected(expected)}` };
      }),
    ),
  ),
);

describe('administrator tiers: jurisdictions above, beside and below', () => {
  it.each(areaCases.map((c) => [c.title, c] as const))('%s', async (_title, { actor, op, path, expected }) => {
    const res = await check(actor, await op.request(path, actor), expected, op.audit, AREA_TABLES);
    if (expected.status < 300) await op.undo?.(res);
  });
});
