import { randomBytes } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role, type StreamEvent } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { rows } from '../db/client.js';

/**
 * The authorization matrix: every role, granted on li.oberland, against every endpoint and a
 * target in its own jurisdiction, the parent, a sibling and a child. The expected answer comes
 * from `expectedOutcome`, which states the rule once; the table only lists what exists.
 */

const OWN = 'li.oberland';
const RELATIONS = { own: OWN, parent: 'li', sibling: 'li.unterland', child: 'li.oberland.vaduz' } as const;
type Relation = keyof typeof RELATIONS;
const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

/** A point inside each target; for parent and sibling it lies outside li.oberland too. */
const POINTS: Record<Relation, { at: [number, number]; deepest: string }> = {
  own: { at: [9.5095, 47.165], deepest: 'li.oberland.schaan' },
  parent: { at: [9.527, 47.241], deepest: 'li.unterland.ruggell' },
  sibling: { at: [9.522, 47.2105], deepest: 'li.unterland.eschen' },
  child: { at: [9.5215, 47.141], deepest: 'li.oberland.vaduz' },
};
const NOWHERE: [number, number] = [8.54, 47.37]; // Zürich: in no jurisdiction

interface ActorSpec {
  name: string;
  grants: { role: Role; path: string }[];
}

const ACTORS: ActorSpec[] = [
  ...ROLES.map((role) => ({ name: role, grants: [{ role, path: OWN }] })),
  // Sees li.oberland as a commander but administers only Vaduz: the "visible, not permitted" case.
  { name: 'commander+administrator@vaduz', grants: [{ role: 'commander', path: OWN }, { role: 'administrator', path: RELATIONS.child }] },
];

interface Target {
  path: string;
  jurisdictionId: string;
  userId: string;
  point: [number, number];
}

type Addressing = 'id' | 'body' | 'list' | 'lookup';

interface Endpoint {
  name: string;
  /** The permission the action takes (and that the route requires somewhere). */
  needs: Permission;
  /** The permission under which the target is visible at all. */
  sees: Permission;
  /** How the target is named: in the path, in the body, or as an item of a list. */
  addressing: Addressing;
  /** Body-addressed: the field that names the target. */
  field?: string;
  ok?: number;
  /** Writes: the audit action recorded when it succeeds. */
  audit?: string;
  request(target: Target): InjectOptions | Promise<InjectOptions>;
  /** Lists: every item returned, with its jurisdiction, and which target id marks the target. */
  items?(body: unknown): { id: string | null; path: string | null }[];
  key?: 'jurisdictionId' | 'userId';
}

type Expected = { status: number; code?: string; field?: string; listed?: boolean };

const inSubtree = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);

function coversWith(actor: ActorSpec, permission: Permission, path: string): boolean {
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission) && inSubtree(path, g.path));
}

/**
 * The rule under test. A grant gives its role's permissions on its jurisdiction's subtree and
 * nowhere else. A route needs its permission somewhere, else 403 before any lookup (revealing
 * nothing). A target the actor cannot see answers as if it did not exist: 404 by id, a field
 * error for a reference in the body, absent from a list. Seen but not managed: 403.
 */
function expectedOutcome(actor: ActorSpec, e: Endpoint, target: string): Expected {
  if (!actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(e.needs))) return { status: 403, code: 'FORBIDDEN' };
  const seen = coversWith(actor, e.sees, target);
  if (e.addressing === 'list') return { status: 200, listed: seen };
  if (e.addressing === 'lookup') return seen ? { status: 200, listed: true } : { status: 404, code: 'NO_JURISDICTION_AT_POINT' };
  if (!seen) return e.addressing === 'id' ? { status: 404, code: 'NOT_FOUND' } : { status: 400, code: 'VALIDATION_FAILED', field: e.field! };
  return coversWith(actor, e.needs, target) ? { status: e.ok! } : { status: 403, code: 'FORBIDDEN' };
}

let t: TestApp;
const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;
const api = (path: string): string => `/api/v1${path}`;

async function roleNotYetHeld(target: Target): Promise<Role> {
  const held = await rows<{ role: string }>(t.app.platform.db, sql`select role from grants where user_id = ${target.userId} and jurisdiction_id = ${target.jurisdictionId}`);
  return ROLES.find((r) => !held.some((h) => h.role === r))!;
}

async function someGrantOf(target: Target): Promise<string> {
  const [grant] = await rows<{ id: string }>(t.app.platform.db, sql`select id from grants where user_id = ${target.userId} order by id limit 1`);
  return grant?.id ?? uuidv7();
}

const flattenTree = (nodes: { id: string; path: string; children: unknown[] }[]): { id: string; path: string }[] =>
  nodes.flatMap((n) => [{ id: n.id, path: n.path }, ...flattenTree(n.children as typeof nodes)]);

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /jurisdictions', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'list', key: 'jurisdictionId',
    request: () => ({ method: 'GET', url: api('/jurisdictions') }),
    items: (body) => flattenTree(body as never),
  },
  {
    name: 'GET /jurisdictions/lookup', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'lookup', key: 'jurisdictionId',
    request: (x) => ({ method: 'GET', url: api(`/jurisdictions/lookup?lon=${x.point[0]}&lat=${x.point[1]}`) }),
    items: (body) => (body as { id: string; path: string }[]).map((j) => ({ id: j.id, path: j.path })),
  },
  {
    name: 'GET /jurisdictions/:id', needs: 'jurisdictions:read', sees: 'jurisdictions:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/jurisdictions/${x.jurisdictionId}`) }),
  },
  {
    name: 'POST /jurisdictions', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.parentId', ok: 201, audit: 'jurisdictions.created',
    request: (x) => ({ method: 'POST', url: api('/jurisdictions'), payload: { parentId: x.jurisdictionId, name: unique('Station'), level: 'station' } }),
  },
  {
    name: 'PATCH /jurisdictions/:id', needs: 'jurisdictions:manage', sees: 'jurisdictions:read', addressing: 'id', ok: 200, audit: 'jurisdictions.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/jurisdictions/${x.jurisdictionId}`), payload: { name: unique('Renamed') } }),
  },
  {
    name: 'GET /staff', needs: 'staff:read', sees: 'staff:read', addressing: 'list', key: 'userId',
    request: () => ({ method: 'GET', url: api('/staff?limit=500') }),
    items: (body) => (body as { id: string; jurisdictionPath: string }[]).map((s) => ({ id: s.id, path: s.jurisdictionPath })),
  },
  {
    name: 'GET /staff?jurisdictionId', needs: 'staff:read', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff?jurisdictionId=${x.jurisdictionId}`) }),
  },
  {
    name: 'GET /staff/:id', needs: 'staff:read', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff/${x.userId}`) }),
  },
  {
    name: 'POST /staff', needs: 'staff:manage', sees: 'jurisdictions:read', addressing: 'body', field: 'body.jurisdictionId', ok: 201, audit: 'staff.created',
    request: (x) => ({
      method: 'POST',
      url: api('/staff'),
      payload: { username: unique('new'), displayName: 'New device', kind: 'device', jurisdictionId: x.jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId: x.jurisdictionId }] },
    }),
  },
  {
    name: 'PATCH /staff/:id', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200, audit: 'staff.updated',
    request: (x) => ({ method: 'PATCH', url: api(`/staff/${x.userId}`), payload: { displayName: unique('Renamed') } }),
  },
  {
    name: 'POST /staff/:id/grants', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 201, audit: 'staff.grant_added',
    request: async (x) => ({ method: 'POST', url: api(`/staff/${x.userId}/grants`), payload: { role: await roleNotYetHeld(x), jurisdictionId: x.jurisdictionId } }),
  },
  {
    name: 'DELETE /staff/:id/grants/:grantId', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200, audit: 'staff.grant_revoked',
    request: async (x) => ({ method: 'DELETE', url: api(`/staff/${x.userId}/grants/${await someGrantOf(x)}`) }),
  },
  {
    name: 'GET /staff/:id/tokens', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 200,
    request: (x) => ({ method: 'GET', url: api(`/staff/${x.userId}/tokens`) }),
  },
  {
    name: 'POST /staff/:id/tokens', needs: 'staff:manage', sees: 'staff:read', addressing: 'id', ok: 201, audit: 'auth.token_created',
    request: (x) => ({ method: 'POST', url: api(`/staff/${x.userId}/tokens`), payload: { name: 'matrix' } }),
  },
  {
    name: 'GET /audit', needs: 'audit:read', sees: 'audit:read', addressing: 'list', key: 'userId',
    request: (x) => ({ method: 'GET', url: api(`/audit?entityId=${x.userId}&limit=500`) }),
    items: (body) => (body as { entityId: string | null; jurisdictionPath: string | null }[]).map((e) => ({ id: e.entityId, path: e.jurisdictionPath })),
  },
];

/** Everything a refused request must leave untouched. */
async function snapshot(): Promise<Record<string, unknown>> {
  const digest = (table: string, columns: string) => sql.raw(`(select md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' order by id), '')) from ${table})`);
  const [row] = await rows<Record<string, unknown>>(t.app.platform.db, sql`select
    (select coalesce(max(id::text), '') from audit_log) as audit_seq,
    (select count(*)::int from outbox) as outbox,
    (select count(*)::int from idempotency_keys) as idempotency_keys,
    ${digest('users', 'id, username, display_name, kind, jurisdiction_id, disabled_at, password_hash, failed_logins, locked_until')} as users,
    ${digest('grants', 'id, user_id, role, jurisdiction_id')} as grants,
    ${digest('jurisdictions', 'id, path, name, level, md5(ST_AsEWKB(boundary))')} as jurisdictions,
    ${digest('api_tokens', 'id, user_id, revoked_at')} as api_tokens,
    ${digest('sessions', 'id, user_id, revoked_at')} as sessions`);
  return row!;
}

async function auditActionsAfter(seq: unknown): Promise<string[]> {
  const list = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where id::text > ${String(seq)} order by id`);
  return list.map((r) => r.action);
}

const targets = {} as Record<Relation, Target>;
const cookies: Record<string, string> = {};
let adminCookie: string;

beforeAll(async () => {
  t = await startTestApp();
  adminCookie = await loginAdmin(t.app);
  for (const relation of RELATION_NAMES) {
    const j = await jurisdictionByPath(t.app, RELATIONS[relation]);
    // Three grants each, so that the allowed revocations never run out.
    const grants = (['unit_member', 'inspector', 'dispatcher'] as const).map((role) => ({ role, jurisdictionId: j.id }));
    const res = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie: adminCookie }, payload: { username: `target-${relation}`, displayName: `Target ${relation}`, kind: 'device', jurisdictionId: j.id, grants } });
    expect(res.statusCode, res.body).toBe(201);
    targets[relation] = { path: j.path, jurisdictionId: j.id, userId: res.json().id, point: POINTS[relation].at };
  }
  const users = await Promise.all(ACTORS.map((a) => createUser(t.app, a.grants[0]!.role, a.grants[0]!.path)));
  for (const [i, actor] of ACTORS.entries()) {
    const user = users[i]!;
    for (const g of actor.grants.slice(1)) {
      const j = await jurisdictionByPath(t.app, g.path);
      await t.app.platform.db.execute(sql`insert into grants (id, user_id, role, jurisdiction_id) values (${uuidv7()}, ${user.id}, ${g.role}, ${j.id})`);
    }
    cookies[actor.name] = user.cookie;
  }
}, 60_000);
afterAll(async () => t?.close());

describe('fixtures', () => {
  it.each(RELATION_NAMES)('the lookup point of the %s target lies in the jurisdiction it claims', async (relation) => {
    const [lon, lat] = POINTS[relation].at;
    const res = await t.app.inject({ url: api(`/jurisdictions/lookup?lon=${lon}&lat=${lat}`), headers: { cookie: adminCookie } });
    const deepest = POINTS[relation].deepest;
    expect(res.json().map((j: { path: string }) => j.path)).toEqual(deepest.split('.').map((_, i, labels) => labels.slice(0, labels.length - i).join('.')));
    expect(inSubtree(deepest, RELATIONS[relation])).toBe(true);
  });
});

const describeExpected = (e: Expected): string =>
  [e.status, e.code, e.field, e.listed === undefined ? undefined : e.listed ? 'listed' : 'not listed'].filter(Boolean).join(' ');

const cases = ACTORS.flatMap((actor) =>
  ENDPOINTS.flatMap((endpoint) =>
    RELATION_NAMES.map((relation) => {
      const expected = expectedOutcome(actor, endpoint, RELATIONS[relation]);
      return { actor, endpoint, relation, expected, title: `${actor.name}: ${endpoint.name} on the ${relation} target -> ${describeExpected(expected)}` };
    }),
  ),
);

describe('authorization matrix (each role granted on li.oberland)', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', async (_title, { actor, endpoint, relation, expected }) => {
    const target = targets[relation];
    const request = await endpoint.request(target);
    const before = await snapshot();
    const res = await t.app.inject({ ...request, headers: { cookie: cookies[actor.name]! } });

    expect(res.statusCode, res.body).toBe(expected.status);
    if (expected.code) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe(expected.code);
    }
    if (expected.field) expect(res.json().errors.map((f: { path: string }) => f.path)).toContain(expected.field);
    if (expected.listed !== undefined) {
      const items = endpoint.items!(res.json());
      expect(items.some((i) => i.id === target[endpoint.key!])).toBe(expected.listed);
      // Nothing outside the actor's scope ever appears, not even next to the target.
      expect(items.filter((i) => i.path === null || !coversWith(actor, endpoint.sees, i.path))).toEqual([]);
    }
    if (expected.status < 300 && endpoint.audit) {
      expect(await auditActionsAfter(before.audit_seq)).toContain(endpoint.audit);
    } else {
      expect(await snapshot()).toEqual(before);
    }
  });

  const hiddenCases = cases.filter((c) => c.relation === 'sibling' && c.endpoint.addressing !== 'list');
  it.each(hiddenCases.map((c) => [c.actor.name, c.endpoint.name, c] as const))('%s: %s answers for a hidden target exactly as for one that does not exist', async (_actor, _endpoint, { actor, endpoint }) => {
    const missing: Target = { path: 'li.nowhere', jurisdictionId: uuidv7(), userId: uuidv7(), point: NOWHERE };
    const headers = { cookie: cookies[actor.name]! };
    const before = await snapshot();
    const hidden = await t.app.inject({ ...(await endpoint.request(targets.sibling)), headers });
    const absent = await t.app.inject({ ...(await endpoint.request(missing)), headers });
    expect({ status: hidden.statusCode, code: hidden.json().code, errors: hidden.json().errors }).toEqual({ status: absent.statusCode, code: absent.json().code, errors: absent.json().errors });
    expect(await snapshot()).toEqual(before);
  });
});

describe('what every account may do for itself', () => {
  it.each(ACTORS)('$name: GET /auth/me shows exactly its grants and their permissions', async (actor) => {
    const res = await t.app.inject({ url: api('/auth/me'), headers: { cookie: cookies[actor.name]! } });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.grants.map((g: { role: string; jurisdictionPath: string }) => `${g.role}@${g.jurisdictionPath}`).sort()).toEqual(actor.grants.map((g) => `${g.role}@${g.path}`).sort());
    expect(me.permissions).toEqual([...new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))].sort());
  });

  it.each(ACTORS)('$name: creates and lists its own API tokens', async (actor) => {
    const headers = { cookie: cookies[actor.name]! };
    const before = await snapshot();
    const created = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers, payload: { name: 'mine' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await auditActionsAfter(before.audit_seq)).toEqual(['auth.token_created']);
    const list = await t.app.inject({ url: api('/auth/tokens'), headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(created.json().id);
  });

  it.each(ACTORS)('$name: GET /audit/verify only with audit:read', async (actor) => {
    const res = await t.app.inject({ url: api('/audit/verify'), headers: { cookie: cookies[actor.name]! } });
    const mayAudit = actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes('audit:read'));
    expect(res.statusCode).toBe(mayAudit ? 200 : 403);
    if (mayAudit) expect(res.json().ok).toBe(true);
  });

  it.each(ACTORS)("$name: cannot revoke another account's API token through /auth/tokens", async (actor) => {
    const other = await t.app.inject({ method: 'POST', url: api('/auth/tokens'), headers: { cookie: adminCookie }, payload: { name: 'admin-owned' } });
    const before = await snapshot();
    const res = await t.app.inject({ method: 'DELETE', url: api(`/auth/tokens/${other.json().id}`), headers: { cookie: cookies[actor.name]! } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});

interface Stream {
  events: StreamEvent[];
  waitFor(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens the event stream as the holder of `cookie` and resolves once it is live. */
async function openStream(base: string, cookie: string): Promise<Stream> {
  const socket = new WebSocket(`${base}/api/v1/stream`, { headers: { cookie } });
  const events: StreamEvent[] = [];
  const listeners = new Set<() => void>();
  const live = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stream did not catch up within 10 s')), 10_000);
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as StreamEvent | { kind: string };
      if ('kind' in message) {
        if (message.kind === 'caught_up') {
          clearTimeout(timer);
          resolve();
        }
      } else {
        events.push(message);
      }
      for (const l of listeners) l();
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
  });
  await live;
  return {
    events,
    close: () => socket.close(),
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!events.some(match)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.type, e.jurisdictionPath]))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}

describe('the event stream is filtered by scope', () => {
  let base: string;
  beforeAll(async () => {
    base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
  });

  async function createDeviceIn(path: string): Promise<string> {
    const j = await jurisdictionByPath(t.app, path);
    const res = await t.app.inject({ method: 'POST', url: api('/staff'), headers: { cookie: adminCookie }, payload: { username: unique('dev'), displayName: 'Device', kind: 'device', jurisdictionId: j.id } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('gives a Vaduz user only the staff event made in Vaduz, and a national auditor all of them', async () => {
    const inVaduz = await createUser(t.app, 'commander', 'li.oberland.vaduz');
    const national = await createUser(t.app, 'auditor', 'li');
    await t.app.platform.relay.drain(); // earlier tests' events are out before the clients connect
    const local = await openStream(base, inVaduz.cookie);
    const all = await openStream(base, national.cookie);
    try {
      const eschen = await createDeviceIn('li.unterland.eschen');
      const schaan = await createDeviceIn('li.oberland.schaan');
      const vaduz = await createDeviceIn('li.oberland.vaduz');
      const createdHere = (id: string) => (e: StreamEvent) => e.type === 'staff.created' && (e.data as { id: string }).id === id;
      await local.waitFor(createdHere(vaduz));
      await all.waitFor(createdHere(vaduz));
      // Delivery is in order: an event from Eschen or Schaan would have arrived before Vaduz's.
      const ours = (s: Stream) => s.events.filter((e) => e.type === 'staff.created').map((e) => (e.data as { id: string }).id).filter((id) => [eschen, schaan, vaduz].includes(id));
      expect(ours(local)).toEqual([vaduz]);
      expect(ours(all)).toEqual([eschen, schaan, vaduz]);
      expect(local.events.filter((e) => e.jurisdictionPath === null || !inSubtree(e.jurisdictionPath, 'li.oberland.vaduz'))).toEqual([]);
    } finally {
      local.close();
      all.close();
    }
  });
});
