import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { byStatus, namesIds, problemCodesOf, type RouteShape } from './openapi-problems.js';
import { requireDocumentedRoutes } from './openapi.js';

const route = (over: Partial<RouteShape>): RouteShape => ({ method: 'GET', url: '/api/v1/things', access: 'incidents:read', hasBody: false, hasQuery: false, referencesIds: false, declared: [], ...over });

describe('the errors a route can answer', () => {
  it('a plain read needs a session and may be refused by scope, but has nothing to find or validate', () => {
    expect(problemCodesOf(route({}))).toEqual(['MALFORMED_REQUEST', 'AUTH_REQUIRED', 'AUTH_SESSION_IDLE', 'FORBIDDEN', 'SERVICE_UNAVAILABLE', 'INTERNAL']);
  });

  it('a command on one thing adds validation, not found, body limits and idempotency, and its own errors', () => {
    const codes = problemCodesOf(route({ method: 'POST', url: '/api/v1/incidents/:id/close', hasBody: true, declared: ['INCIDENT_UNITS_COMMITTED'] }));
    expect(codes).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'IDEMPOTENCY_KEY_REUSED', 'INCIDENT_UNITS_COMMITTED']));
  });

  it('a public route never answers "sign in first" nor takes an idempotency key', () => {
    const codes = problemCodesOf(route({ method: 'POST', url: '/api/v1/auth/login', access: 'public', hasBody: true, declared: ['AUTH_INVALID_CREDENTIALS'] }));
    expect(codes).not.toContain('AUTH_REQUIRED');
    expect(codes).not.toContain('IDEMPOTENCY_KEY_REUSED');
    expect(codes).toContain('AUTH_INVALID_CREDENTIALS');
  });

  it('a list filtered by a jurisdiction may not find it', () => {
    expect(problemCodesOf(route({ hasQuery: true }))).not.toContain('NOT_FOUND');
    expect(problemCodesOf(route({ hasQuery: true, referencesIds: true }))).toContain('NOT_FOUND');
  });

  it('tells a request naming other records by id from one that does not', () => {
    expect(namesIds(z.strictObject({ jurisdictionId: z.uuid().optional(), limit: z.number() }))).toBe(true);
    expect(namesIds(z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), unitIds: z.array(z.uuid()) })]))).toBe(true);
    expect(namesIds(z.strictObject({ q: z.string() }), undefined)).toBe(false);
  });

  it('groups codes by their catalogued status, lowest first', () => {
    expect([...byStatus(['INTERNAL', 'NOT_FOUND', 'VALIDATION_FAILED', 'MALFORMED_REQUEST'])]).toEqual([[400, ['VALIDATION_FAILED', 'MALFORMED_REQUEST']], [404, ['NOT_FOUND']], [500, ['INTERNAL']]]);
  });
});

describe('routes the API document shows', () => {
  const app = async () => {
    const a = Fastify();
    requireDocumentedRoutes(a);
    return a;
  };

  it('are refused without an operationId, naming the route', async () => {
    const a = await app();
    expect(() => a.get('/api/v1/reinforcements', { schema: { summary: 'Reinforcements' } }, async () => [])).toThrow(/GET \/api\/v1\/reinforcements: declare schema.operationId/);
  });

  it('are refused with an operationId that is not a name, or without a summary', async () => {
    const a = await app();
    expect(() => a.get('/api/v1/a', { schema: { operationId: 'get_api_v1_a', summary: 'A' } }, async () => [])).toThrow(/operationId/);
    expect(() => a.get('/api/v1/b', { schema: { operationId: 'listBs' } }, async () => [])).toThrow(/GET \/api\/v1\/b: declare schema.summary/);
  });

  it('are refused with an operationId another route has', async () => {
    const a = await app();
    a.get('/api/v1/reports', { schema: { operationId: 'listReports', summary: 'Reports' } }, async () => []);
    expect(() => a.post('/api/v1/reports', { schema: { operationId: 'listReports', summary: 'File a report' } }, async () => ({}))).toThrow(/POST \/api\/v1\/reports: operationId listReports is already the name of GET \/api\/v1\/reports/);
  });

  it('leave hidden routes and routes outside the API alone', async () => {
    const a = await app();
    expect(() => a.get('/api/v1/stream', { schema: { hide: true } }, async () => null)).not.toThrow();
    expect(() => a.get('/healthz', async () => null)).not.toThrow();
    expect(() => a.get('/api/v1/things', { schema: { operationId: 'listThings', summary: 'Things' } }, async () => [])).not.toThrow();
  });
});
