import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import type { RouteAccess } from '../auth/guard.js';
import { nameContractSchemas } from './openapi-components.js';
import { fileRequestBody } from './openapi-file-body.js';
import { byStatus, namesIds, problemCodesOf } from './openapi-problems.js';
import { problemType } from './problem.js';

/**
 * The OpenAPI 3.1 document of the API (GET /api/v1/openapi.json), built from the routes'
 * declarations: each route names its operation (`schema.operationId`, checked here when the
 * route is added), its summary and its own errors (`schema.errors`); this file adds the
 * problem+json responses every route of its kind can give, names the contract's types as
 * components, and tidies the result so linters and client generators accept it.
 */

export const OPENAPI_PATH = '/api/v1/openapi.json';
/** camelCase, verb first (createIncident, listUnits): the method name a generated client gets. */
const OPERATION_ID = /^[a-z][a-zA-Z0-9]{2,63}$/;
const SCHEMA_REF = '#/components/schemas/';

type Json = Record<string, unknown>;
interface Operation { operationId?: string; responses?: Record<string, Json>; 'x-problem-codes'?: ErrorCode[]; 'x-file-body'?: Json; [k: string]: unknown }
interface Document { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown>; examples?: Record<string, unknown>; [k: string]: unknown }; [k: string]: unknown }

/** Routes the document shows: under /api, not hidden, not the docs UI. */
function isDocumented(route: Pick<RouteOptions, 'url' | 'schema'>): boolean {
  return route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.schema?.hide;
}

/**
 * Refuses, when a route is added, an API route without a meaningful operationId or summary, or
 * with an operationId another route has: the server does not start, and the message names the
 * route. No name is made up from the path — a generated client's method names are part of the API.
 */
export function requireDocumentedRoutes(app: FastifyInstance): void {
  const seen = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
    if (methods.length === 0 || !isDocumented(route)) return;
    const where = `${methods.join(',')} ${route.url}`;
    const id = route.schema?.operationId;
    if (!id || !OPERATION_ID.test(id)) {
      throw new Error(`${where}: declare schema.operationId, a stable camelCase name starting with a verb (e.g. createIncident, listUnits); it names the method of every generated client (docs/api.md)`);
    }
    if (!route.schema?.summary) throw new Error(`${where}: declare schema.summary, one line saying what the operation does (docs/api.md)`);
    const other = seen.get(id);
    if (other) throw new Error(`${where}: operationId ${id} is already the name of ${other}; operation ids are unique (docs/api.md)`);
    seen.set(id, where);
  });
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

/** Per route: zod to JSON Schema, then the errors it can answer and, for public routes, no security. */
function transform(input: TransformInput): { schema: FastifySchema; url: string } {
  const out = jsonSchemaTransform(input) as { schema: FastifySchema & Json; url: string };
  if (!input.schema || out.schema.hide) return out;
  const schema = input.schema as FastifySchema;
  const access = (input.route.config as { access?: RouteAccess } | undefined)?.access;
  const codes = problemCodesOf({
    method: [input.route.method].flat()[0] ?? 'GET',
    url: input.route.url,
    access,
    hasBody: schema.body !== undefined,
    hasQuery: schema.querystring !== undefined,
    referencesIds: namesIds(schema.querystring, schema.body),
    declared: schema.errors ?? [],
  });
  const { errors: _declared, file, ...rest } = out.schema;
  const description = [schema.description, accessNote(access)].filter(Boolean).join('\n\n');
  // Carried to transformObject under an x- name: @fastify/swagger builds requestBody only from a body schema.
  const fileBody: Json = file ? { 'x-file-body': fileRequestBody(file, input.route.bodyLimit) } : {};
  return { schema: { ...rest, description, 'x-problem-codes': codes, ...fileBody, ...(access === 'public' ? { security: [] } : {}) } as FastifySchema, url: out.url };
}

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes a retried command safe: a repeat with the same key and request answers the first answer again instead of acting twice; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,200}$' },
};

const problemExample = (code: ErrorCode): Json => {
  const { status, title } = ERROR_CATALOGUE[code];
  return { summary: title, value: { type: problemType(code), title, status, code, detail: title, instance: '/api/v1/…', requestId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b' } };
};

/** Who may call an operation, from its route's access: the first thing an integrator asks. */
function accessNote(access: RouteAccess | undefined): string {
  if (access === 'public') return 'Public: no sign-in needed.';
  if (access === undefined || access === 'authenticated') return 'Any signed-in account (session cookie or API token).';
  return `Needs the \`${access}\` permission (session cookie or API token); acts only within the caller's jurisdiction scope.`;
}

const SUCCESS_DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

/** Problem responses, descriptions of success responses, named schemas, servers: the document as published. */
function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]): Document {
  const doc = jsonSchemaTransformObject(input) as Document;
  const components = (doc.components ??= {});
  const schemas = (components.schemas ??= {});
  schemas.ErrorCode = { type: 'string', enum: Object.keys(ERROR_CATALOGUE), description: 'The stable code of a problem (docs/errors.md)' };
  const problem = schemas.Problem as { properties?: Json } | undefined;
  if (problem?.properties) problem.properties.code = { $ref: `${SCHEMA_REF}ErrorCode` };
  const examples: Record<string, unknown> = {};
  components.parameters = { ...(components.parameters as Json | undefined), IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      const responses = (op.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (response.description === 'Default Response') response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Success';
      }
      for (const [status, codes] of byStatus(op['x-problem-codes'] ?? [])) {
        responses[String(status)] = {
          description: codes.map((c) => `${c}: ${ERROR_CATALOGUE[c].title}`).join(' | '),
          'x-error-codes': codes,
          content: {
            'application/problem+json': {
              schema: { $ref: `${SCHEMA_REF}Problem` },
              examples: Object.fromEntries(codes.map((c) => [c, { $ref: `#/components/examples/${c}` }])),
            },
          },
        };
      }
      for (const code of op['x-problem-codes'] ?? []) examples[code] ??= problemExample(code);
      if (op['x-problem-codes']?.includes('IDEMPOTENCY_KEY_REUSED')) op.parameters = [...((op.parameters as unknown[] | undefined) ?? []), { $ref: '#/components/parameters/IdempotencyKey' }];
      delete op['x-problem-codes'];
      if (op['x-file-body']) op.requestBody = op['x-file-body'];
      delete op['x-file-body'];
    }
  }
  components.examples = Object.fromEntries(Object.entries(examples).sort(([a], [b]) => a.localeCompare(b)));
  tidySchemas(doc);
  return doc;
}

const refsIn = (value: unknown): string[] => [...JSON.stringify(value).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);

/** The component schemas the paths use, directly or through other components. */
function reachable(doc: Document): Set<string> {
  const schemas = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const queue = refsIn(doc.paths);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  return seen;
}

/**
 * Leaves the components the document uses, each under its contract's name: zod names a request
 * variant `XInput`; it becomes `X` when there is no other `X`, or the same as it. Unused ones go.
 */
function tidySchemas(doc: Document): void {
  const schemas = doc.components!.schemas!;
  const used = reachable(doc);
  const rename = new Map<string, string>();
  const renamed = (value: unknown): string => JSON.stringify(value).replace(/"\$ref":"#\/components\/schemas\/([^"]+)"/g, (_m, name: string) => `"$ref":"${SCHEMA_REF}${rename.get(name) ?? name}"`);
  // Twice: whether XInput equals X can depend on the renaming of the schemas inside it.
  for (let pass = 0; pass < 2; pass++) {
    for (const name of used) {
      const base = name.endsWith('Input') ? name.slice(0, -'Input'.length) : null;
      if (!base || rename.has(name)) continue;
      if (!used.has(base) || renamed(schemas[name]) === renamed(schemas[base])) rename.set(name, base);
    }
  }
  const rewrite = <T>(value: T): T => JSON.parse(renamed(value)) as T;
  doc.paths = rewrite(doc.paths);
  const next: Record<string, unknown> = {};
  for (const name of [...used].sort()) {
    const target = rename.get(name) ?? name;
    if (!(target in next) || target === name) next[target] = rewrite(schemas[name]);
  }
  doc.components!.schemas = next;
}

export interface OpenApiOptions {
  version: string;
}

/** Registers the document generator and its route (public: it shows the contract, not data). */
export async function registerOpenApi(app: FastifyInstance, opts: OpenApiOptions): Promise<void> {
  nameContractSchemas();
  requireDocumentedRoutes(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Firebreak API',
        version: opts.version,
        description: 'Public-safety command platform. Errors are RFC 9457 problem+json with a stable `code` (docs/errors.md). Live events: WebSocket /api/v1/stream, described in /api/v1/asyncapi.json.',
        license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      },
      servers: [{ url: '/', description: 'The server that serves this document (every path starts with /api/v1)' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'firebreak_session' }, token: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { token: [] }],
    },
    transform: transform as never,
    transformObject: transformObject as never,
  });
  app.get(OPENAPI_PATH, { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
