import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors.js';
import { MAX_JSON_DEPTH } from './json-body.js';

/** The body of the report: 8,000 levels in 16 KB. */
const DEEP = '['.repeat(8000) + ']'.repeat(8000);
const nested = (levels: number, inner = '1'): string => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('request limits: nesting depth and URL shape', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

  const expectTooDeep = (res: Awaited<ReturnType<typeof post>>): void => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400, errors: [{ path: 'body', message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) }] });
    expect(ERROR_CATALOGUE[body.code as ErrorCode].status).toBe(400);
  };

  it('are refused with 400 on the unauthenticated login, not a 500', async () => {
    expectTooDeep(await post('/api/v1/auth/login', DEEP));
    expectTooDeep(await post('/api/v1/auth/login', `{"username":"admin","password":${DEEP}}`));
  });

  it('are refused with 400 on an authenticated route, and nothing is written', async () => {
    const res = await post('/api/v1/incidents', `{"type":"fire","priority":"P1","location":${DEEP}}`, { cookie });
    expectTooDeep(res);
    const list = await t.app.inject({ url: '/api/v1/incidents', headers: { cookie } });
    expect(list.statusCode).toBe(200);
  });

  it('counts brackets inside strings as text, and lets bodies at the limit through to validation', async () => {
    const inString = await post('/api/v1/auth/login', JSON.stringify({ username: '['.repeat(8000), password: 'x' }));
    expect(inString.json().code).not.toBe('MALFORMED_REQUEST');
    const atLimit = await post('/api/v1/auth/login', `{"username":"a","password":${nested(MAX_JSON_DEPTH - 1)}}`);
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.password' }] });
    expectTooDeep(await post('/api/v1/auth/login', `{"username":"a","password":${nested(MAX_JSON_DEPTH)}}`));
  });

  it('still refuses prototype poisoning and broken JSON as before', async () => {
    const poisoned = await post('/api/v1/auth/login', '{"username":"a","password":"b","__proto__":{"x":1}}');
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().code).toBe('MALFORMED_REQUEST');
    const broken = await post('/api/v1/auth/login', '{"username":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('MALFORMED_REQUEST');
  });

  it('answers URLs the router refuses (a path parameter past its length limit, a broken escape) with a problem', async () => {
    for (const url of [`/api/v1/incidents/${'9'.repeat(400)}/close`, '/api/v1/incidents/%E0%A4%A/close']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { disposition: 'x' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400 });
    }
  });
});
