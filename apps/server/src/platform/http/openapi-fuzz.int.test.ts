import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { invalid, valid, type Pools, type Schema } from '../../../test/openapi-arbitraries.js';
import { inlineSchemaRefs } from '../../../test/openapi-document.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';

/**
 * Every operation of the published OpenAPI document, fed generated requests built from its own
 * schemas — values inside them and values just outside, as the national administrator and
 * without a session: no answer is a 5xx, and every 4xx is problem+json with a catalogued code
 * whose status it carries. A fixed seed (FUZZ_SEED) and a bounded number of runs per operation
 * (FUZZ_RUNS) keep it reproducible and within seconds per backend.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Parameter { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema }
interface Operation { method: Method; path: string; parameters: Parameter[]; body: Schema | undefined; documented: Set<string> }
interface Doc { paths: Record<string, Partial<Record<Method, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> }; responses?: Record<string, { 'x-error-codes'?: string[] }> }>>> }

/** Operations left out as the administrator, and why (they still run without a session). */
const NOT_AS_ADMIN: Record<string, string> = {
  'POST /api/v1/auth/logout': "would end the session every other request of the run uses (logout is covered by identity's tests)",
};

type Mode = 'valid' | 'invalid';
interface Request { url: string; body: unknown; hasBody: boolean; raw?: string }

function operations(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method]!;
      // The errors the document promises for the operation: every refusal must be one of them.
      const documented = new Set(Object.values(op.responses ?? {}).flatMap((r) => r['x-error-codes'] ?? []));
      // Parameters that are not in the path, query or body (the Idempotency-Key header) are not fuzzed.
      const parameters = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      return { method, path, parameters, body: op.requestBody?.content?.['application/json']?.schema, documented };
    }),
  );
}

const asParam = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** Query values that trip coercion and date parsing: infinities, overflow, impossible dates, blanks. */
const EDGE_QUERY_VALUES = fc.constantFrom('', ' ', 'Infinity', '-Infinity', 'NaN', '1e400', '-0', '0x10', '9'.repeat(30), '[]', '{}', 'null', '0000-01-01T00:00:00Z', '275760-09-13T00:00:00Z', '2024-02-30T00:00:00Z', '2024-01-01', ',,,', 'a,'.repeat(200));
const BAD_PATH_PARAMS = fc.constantFrom('x', 'not-a-uuid', '0', '-1', '%00', `${'9'.repeat(400)}`, '00000000-0000-0000-0000-000000000000', '%E2%80%AE');

/** Requests for one operation: every part valid, or exactly one part (path, query or body) broken. */
function requests(op: Operation, pools: Pools & { byCollection: Record<string, string[]> }, mode: Mode): fc.Arbitrary<Request> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  // The first path parameter names a thing of the collection the path starts with: prefer ids of that collection.
  const own = pools.byCollection[op.path.split('/')[3] ?? ''];
  const validPath = fc.tuple(...pathParams.map((p, i) => valid(p.schema, i === 0 && own?.length ? { ...pools, ids: own } : pools).map(asParam)));
  const queryModel = Object.fromEntries(query.map((p) => [p.name, valid(p.schema, pools)]));
  const validQuery = fc.record(queryModel, { requiredKeys: query.filter((p) => p.required).map((p) => p.name) });
  const validBody = op.body ? valid(op.body, pools) : fc.constant(undefined);

  type Parts = { path: string[]; query: Record<string, unknown>; body: unknown; raw?: string };
  const broken: fc.Arbitrary<Parts>[] = [];
  if (mode === 'invalid') {
    if (pathParams.length) broken.push(fc.record({ path: fc.array(BAD_PATH_PARAMS, { minLength: pathParams.length, maxLength: pathParams.length }), query: validQuery, body: validBody }));
    if (query.length) {
      broken.push(fc.record({ path: validPath, query: fc.constantFrom(...query).chain((p) => fc.tuple(validQuery, fc.oneof(invalid(p.schema, pools), EDGE_QUERY_VALUES)).map(([q, x]) => ({ ...q, [p.name]: x }))), body: validBody }));
    }
    broken.push(fc.record({ path: validPath, query: validQuery.map((q) => ({ ...q, unexpectedParam: '1' })), body: validBody }));
    if (op.body) {
      broken.push(fc.record({ path: validPath, query: validQuery, body: invalid(op.body, pools) }));
      broken.push(fc.record({ path: validPath, query: validQuery, body: fc.constant(undefined), raw: fc.constantFrom('{', '[]', 'null', '"x"', '{"a":1}{', '\u0000', '{"__proto__":{"admin":true}}', `${'['.repeat(5000)}${']'.repeat(5000)}`) }));
    }
  }
  const parts: fc.Arbitrary<Parts> = mode === 'valid' || broken.length === 0 ? fc.record({ path: validPath, query: validQuery, body: validBody }) : fc.oneof(...broken);
  return parts.map(({ path, query: q, body, raw }) => {
    let i = 0;
    const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(path[i++] ?? 'x').replaceAll('%25', '%'));
    const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, asParam(v)])).toString();
    return { url: search ? `${url}?${search}` : url, body, hasBody: op.body !== undefined, ...(raw !== undefined ? { raw } : {}) };
  });
}

/** Why a response breaks the contract, or null. */
function contractBreach(res: LightMyRequestResponse, op: Operation): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 500)}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return `a ${res.statusCode} as ${String(res.headers['content-type'])}, not problem+json`;
  const body = JSON.parse(res.body) as { code?: string; status?: number };
  const catalogued = ERROR_CATALOGUE[body.code as ErrorCode];
  if (!catalogued) return `code ${String(body.code)} is not in the catalogue`;
  if (catalogued.status !== res.statusCode || body.status !== res.statusCode) return `code ${String(body.code)} is catalogued as ${catalogued.status}, answered ${res.statusCode} (body says ${String(body.status)})`;
  if (!op.documented.has(String(body.code))) return `code ${String(body.code)} is not among the errors the OpenAPI document lists for the operation (declare it in the route's schema.errors)`;
  return null;
}

describe('the API against its own OpenAPI document', () => {
  let t: TestApp;
  let cookie: string;
  let ops: Operation[];
  let pools: Pools & { byCollection: Record<string, string[]> };

  beforeAll(async () => {
    // Generated logins meet the login throttle too: a 429 is a catalogued answer like any other.
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
    ops = operations(inlineSchemaRefs((await t.app.inject('/api/v1/openapi.json')).json() as Doc));
    await harvestIds();
  }, 120_000);
  /** The ids every list the administrator can read holds now, by collection (read again once the valid run has created things). */
  const harvestIds = async (): Promise<void> => {
    // Ids that exist (from every list the administrator can read), so valid requests reach past "not found".
    // The administrator's own account is left out: resetting its password would end the run's session.
    const me = ((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json() as { id: string }).id;
    const ids = new Set<string>();
    const byCollection: Record<string, string[]> = {};
    for (const op of ops.filter((o) => o.method === 'get' && !o.path.includes('{') && !o.parameters.some((p) => p.required))) {
      const res = await t.app.inject({ url: op.path, headers: { cookie } });
      const found = [...new Set(res.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])].filter((id) => id !== me).slice(0, 100);
      for (const id of found) ids.add(id);
      (byCollection[op.path.split('/')[3]!] ??= []).push(...found);
    }
    pools = { ids: [...ids].sort(), byCollection };
  };

  /** How often each kind of answer came, per caller and mode: FUZZ_STATS=1 prints it (is the valid half reaching past validation?). */
  const answers = new Map<string, number>();
  afterAll(async () => {
    if (process.env.FUZZ_STATS) console.log([...answers].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`).join('\n'));
    await t?.close();
  });

  const send = (op: Operation, req: Request, as: string | null): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = as ? { cookie: as } : {};
    const options: InjectOptions = { method: op.method.toUpperCase() as InjectOptions['method'], url: req.url, headers };
    if (req.raw !== undefined || (req.hasBody && req.body !== undefined)) {
      headers['content-type'] = 'application/json';
      options.payload = req.raw ?? JSON.stringify(req.body);
    }
    return t.app.inject(options);
  };

  /** Runs one property per operation; returns what broke, with the seed and the request to replay it. */
  const fuzz = async (who: 'admin' | 'anonymous', mode: Mode, runs: number): Promise<string[]> => {
    const breaches: string[] = [];
    for (const [index, op] of ops.entries()) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      if (who === 'admin' && NOT_AS_ADMIN[name]) continue;
      let last = '';
      const seed = SEED + index;
      const result = await fc.check(
        fc.asyncProperty(requests(op, pools, mode), async (req) => {
          const res = await send(op, req, who === 'admin' ? cookie : null);
          const key = `${who} ${mode} ${res.statusCode < 300 ? '2xx' : res.statusCode}${res.statusCode >= 400 ? ` ${String((JSON.parse(res.body) as { code?: string }).code)}` : ''}`;
          answers.set(key, (answers.get(key) ?? 0) + 1);
          const breach = contractBreach(res, op);
          if (breach) last = `${name} ${req.url} ${req.raw ?? JSON.stringify(req.body) ?? ''}`.slice(0, 600) + ` -> ${breach}`;
          return breach === null;
        }),
        { seed, numRuns: runs, endOnFailure: true },
      );
      if (result.failed) breaches.push(`[${who}, ${mode}, seed ${seed}] ${last || String(result.errorInstance)}`);
    }
    return breaches;
  };

  it('reads every operation from the document', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(pools.ids.length).toBeGreaterThan(10);
  });

  it('answers valid requests of every operation without a 5xx, and refusals as catalogued problems', { timeout: 120_000 }, async () => {
    expect(await fuzz('admin', 'valid', RUNS)).toEqual([]);
  });

  it('answers invalid requests of every operation with a catalogued 4xx problem, never a 5xx', { timeout: 120_000 }, async () => {
    await harvestIds();
    expect(await fuzz('admin', 'invalid', RUNS)).toEqual([]);
  });

  it('answers requests without a session the same way', { timeout: 120_000 }, async () => {
    expect([...(await fuzz('anonymous', 'valid', 1)), ...(await fuzz('anonymous', 'invalid', 1))]).toEqual([]);
  });
});
