import { Parser } from '@asyncapi/parser';
import * as contracts from '@firebreak/contracts';
import { typesFromDocument } from '@firebreak/client/generate';
import { readFileSync } from 'node:fs';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { generateZodClientFromOpenAPI } from 'openapi-zod-client';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import { OPENAPI_PATH } from './openapi.js';
import { ASYNCAPI_PATH } from './asyncapi.js';

/**
 * The OpenAPI document as integrators meet it: fetched from the server, linted with Redocly's
 * recommended rules (redocly.yaml at the repository root), and fed to two client generators of
 * different families — openapi-typescript (types for a fetch client, what packages/client uses)
 * and openapi-zod-client (runtime zod validators and a zodios client). Routes added later are
 * held to the same: a new operation without its name, summary or errors fails here.
 */

const REDOCLY_CONFIG = fileURLToPath(new URL('../../../../../redocly.yaml', import.meta.url));
const CLIENT_TYPES = fileURLToPath(new URL('../../../../../packages/client/src/openapi.ts', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Response { description?: string; 'x-error-codes'?: string[]; content?: Record<string, { schema?: { $ref?: string } }> }
interface RequestBody { required?: boolean; description?: string; content?: Record<string, { schema?: { type?: string; format?: string }; example?: unknown }> }
interface Operation { operationId?: string; summary?: string; description?: string; requestBody?: RequestBody; responses?: Record<string, Response> }
interface Doc { openapi: string; servers?: unknown[]; paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components: { schemas: Record<string, unknown> } }

describe('the published OpenAPI document', () => {
  let t: TestApp;
  let source: string;
  let doc: Doc;
  let ops: { name: string; op: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject(OPENAPI_PATH);
    expect(res.statusCode).toBe(200);
    source = res.body;
    doc = JSON.parse(source) as Doc;
    ops = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, op: item[m]! })));
  });
  afterAll(async () => t?.close());

  it("passes Redocly's recommended rules (redocly.yaml) with no error and no warning", async () => {
    const config = await loadConfig({ configPath: REDOCLY_CONFIG });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)).toEqual([]);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('names every operation once, says what it does and who may call it', () => {
    expect(ops.length).toBeGreaterThan(100);
    const ids = ops.map(({ op }) => op.operationId);
    for (const { name, op } of ops) {
      expect(op.operationId, name).toMatch(/^[a-z][a-zA-Z0-9]{2,63}$/);
      expect(op.summary, name).toBeTruthy();
      expect(op.description, name).toMatch(/permission|signed-in|Public/);
    }
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const byName = Object.fromEntries(ops.map(({ name, op }) => [name, op.operationId]));
    expect(byName['POST /api/v1/incidents']).toBe('createIncident');
    expect(byName['POST /api/v1/incidents/{id}/assignments']).toBe('assignUnits');
  });

  it('lists the refusals of every operation as problem+json with catalogued codes of that status', () => {
    for (const { name, op } of ops) {
      const errors = Object.entries(op.responses ?? {}).filter(([status]) => Number(status) >= 400);
      expect(errors.some(([status]) => Number(status) < 500), `${name} documents a 4xx`).toBe(true);
      for (const [status, response] of errors) {
        expect(response.content?.['application/problem+json']?.schema?.$ref, `${name} ${status}`).toBe('#/components/schemas/Problem');
        expect(response['x-error-codes']?.length, `${name} ${status}`).toBeGreaterThan(0);
        for (const code of response['x-error-codes'] ?? []) {
          expect(ERROR_CATALOGUE[code as ErrorCode]?.status, `${name} ${status} ${code}`).toBe(Number(status));
        }
      }
    }
    const codes = (name: string): string[] => Object.values(ops.find((o) => o.name === name)!.op.responses ?? {}).flatMap((r) => r['x-error-codes'] ?? []);
    expect(codes('POST /api/v1/incidents/{id}/close')).toEqual(expect.arrayContaining(['INCIDENT_UNITS_COMMITTED', 'NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED', 'AUTH_REQUIRED']));
    // A public operation cannot answer "sign in first".
    expect(codes('POST /api/v1/auth/login')).toEqual(expect.arrayContaining(['AUTH_INVALID_CREDENTIALS', 'AUTH_LOGIN_THROTTLED']));
    expect(codes('POST /api/v1/auth/login')).not.toContain('AUTH_REQUIRED');
  });

  it('says what to send to the operations that read a file as the body: its media types as binary, the size limit, an example', () => {
    const upload = (name: string): RequestBody => ops.find((o) => o.name === name)!.op.requestBody ?? {};
    const cases = [
      { name: 'POST /api/v1/setup/osm-import', types: ['application/octet-stream'], limit: '512 MiB' },
      { name: 'POST /api/v1/onboarding/{kind}', types: ['text/csv', 'application/geo+json'], limit: '32 MiB', example: 'text/csv' },
      { name: 'POST /api/v1/jurisdictions/boundary-imports', types: ['application/geo+json', 'application/zip', 'application/geopackage+sqlite3'], limit: '64 MiB', example: 'application/geo+json' },
    ];
    for (const c of cases) {
      const body = upload(c.name);
      expect(body.required, c.name).toBe(true);
      expect(body.description, c.name).toContain(`At most ${c.limit}`);
      for (const type of c.types) expect(body.content?.[type]?.schema, `${c.name} ${type}`).toMatchObject({ type: 'string', format: 'binary' });
      if (c.example) expect(body.content?.[c.example]?.example, c.name).toEqual(expect.any(String));
    }
    // Every operation that takes a body says what it is: a JSON schema or a file.
    const routesWithBody = ops.filter(({ op }) => op.requestBody).map(({ name }) => name);
    expect(routesWithBody).toEqual(expect.arrayContaining(cases.map((c) => c.name)));
  });

  it("names the contract's domain types as components (recursive ones too), never schemaN", () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['Incident', 'Unit', 'Hazard', 'Place', 'Directive', 'Task', 'Problem', 'CreateIncidentBody', 'JurisdictionNode', 'CoverageNode']));
    // A request schema that differs from the answer's (defaults, transforms) is zod's input variant, XInput.
    expect(names.filter((n) => !(n in contracts) && !(n.endsWith('Input') && n.slice(0, -'Input'.length) in contracts) && n !== 'ErrorCode')).toEqual([]);
    const refs = [...source.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !names.includes(r))).toEqual([]);
    const tree = doc.paths['/api/v1/jurisdictions']!.get!.responses!['200']!.content!['application/json']!.schema as { items?: { $ref?: string } };
    expect(tree.items?.$ref).toBe('#/components/schemas/JurisdictionNode');
    // A zod template literal keeps its pattern (`too_far_for_tier_N`), not a bare string.
    expect(doc.components.schemas.ShortfallReason).toMatchObject({ anyOf: expect.arrayContaining([expect.objectContaining({ type: 'string', pattern: '^too_far_for_tier_-?\\d+$' })]) });
  });

  it('is accepted by openapi-typescript, operations named by their operationId, and packages/client is up to date', async () => {
    const types = await typesFromDocument(JSON.parse(source) as object);
    expect(types).toContain('createIncident: {');
    expect(types).toContain('post: operations["createIncident"]');
    expect(types).toMatch(/JurisdictionNode: \{/);
    expect(types).toContain('ShortfallReason: ("none_in_scope" | "none_available") | `too_far_for_tier_${number}`;');
    expect(syntaxErrors(types)).toEqual([]);
    // The client's committed types are what the served document generates: else run `npm run client:generate`.
    expect(types === readFileSync(CLIENT_TYPES, 'utf8'), 'packages/client/src/openapi.ts is out of step with the served document: run `npm run client:generate`').toBe(true);
  }, 120_000);

  it('is accepted by openapi-zod-client (zod validators and a zodios client), problems typed', async () => {
    const code = (await generateZodClientFromOpenAPI({
      openApiDoc: JSON.parse(source) as never,
      disableWriteToFile: true,
      options: { withAlias: true, isMediaTypeAllowed: (type: string) => type === 'application/json' || type === 'application/problem+json' },
    })) as string;
    expect(code).toContain('alias: "createIncident"');
    expect(code).toContain('const Incident = z');
    expect(syntaxErrors(code)).toEqual([]);
  }, 180_000);
});

describe('the published AsyncAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('is served beside the OpenAPI one without a session, and @asyncapi/parser finds no error or warning in it', async () => {
    const res = await t.app.inject({ url: ASYNCAPI_PATH, headers: { host: 'firebreak.example.org' } });
    expect(res.statusCode).toBe(200);
    const { document, diagnostics } = await new Parser().parse(res.body);
    expect(diagnostics.filter((d) => d.severity < 2).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    // The server's host is a variable, never the request's Host (nor X-Forwarded-Host): a cached copy would hand it to every reader.
    expect(document?.servers().get('api')?.host()).toBe('{host}');
    expect(res.body).not.toContain('firebreak.example.org');
    const forwarded = await t.app.inject({ url: ASYNCAPI_PATH, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    expect(forwarded.body).not.toContain('evil.example');
    expect(document?.channels().get('stream')?.messages().all().map((m) => m.name()).sort()).toEqual(['caught_up', 'error', 'event', 'hello']);
  }, 60_000);
});

/** What TypeScript cannot parse in generated code (typing it is packages/client's test). */
function syntaxErrors(code: string): string[] {
  const file = ts.createSourceFile('generated.ts', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
