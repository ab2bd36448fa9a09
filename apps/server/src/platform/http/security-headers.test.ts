import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** The same three routes (an answer, a thrown error, a route's own header) under either way of adding the headers. */
async function app(add: (a: FastifyInstance) => PromiseLike<unknown>): Promise<FastifyInstance> {
  const a = Fastify({ logger: false });
  apps.push(a);
  await add(a);
  a.get('/ok', async () => ({ ok: true }));
  a.get('/fails', async () => {
    throw Object.assign(new Error('no'), { statusCode: 401 });
  });
  a.get('/framed', async (_request, reply) => reply.header('x-frame-options', 'DENY').send('x'));
  return a;
}

const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
const securityHeaders = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !NOT_HELMET.has(k)));

describe('security headers', () => {
  for (const hsts of [false, true]) {
    it(`are those @fastify/helmet sends, on answers, errors, unknown routes and routes with their own (hsts ${hsts})`, async () => {
      const options = { contentSecurityPolicy: false as const, hsts };
      const plugin = await app((a) => a.register(helmet, options));
      const ours = await app((a) => registerSecurityHeaders(a, options));
      for (const url of ['/ok', '/fails', '/nothing-here', '/framed']) {
        const [expected, actual] = await Promise.all([plugin.inject(url), ours.inject(url)]);
        expect(actual.statusCode).toBe(expected.statusCode);
        expect(securityHeaders(actual.headers)).toEqual(securityHeaders(expected.headers));
      }
      const headers = await helmetHeaders(options);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect('strict-transport-security' in headers).toBe(hsts);
    });
  }
});
