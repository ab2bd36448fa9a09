import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { inlineSchemaRefs } from '../../../test/openapi-document.js';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers health, readiness and metrics without a login', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok', bus: 'ok' });
    await t.app.inject('/healthz');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'not-a-password' } });
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    // Every route is timed, the API's too, not only the three of the metrics plugin itself.
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/auth\/login"/u);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document covering the API, and its docs UI', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = inlineSchemaRefs(res.json());
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/auth/login', '/api/v1/jurisdictions', '/api/v1/jurisdictions/{id}', '/api/v1/staff', '/api/v1/audit']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes and anonymous calls with problem+json', async () => {
    const missing = await t.app.inject('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    const anonymous = await t.app.inject('/api/v1/jurisdictions');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'AUTH_REQUIRED', requestId: anonymous.headers['x-request-id'] });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
