import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { accessGuard } from '../auth/guard.js';
import { CONTENT_SECURITY_POLICY, registerHtmlSecurityPolicy } from './html.js';
import { sendProblem, toAppError } from './problem.js';
import { webAppRoutes } from './web-app.js';

/** A built app in a temporary folder: index.html and one hashed asset. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'fb-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
  return root;
}

/** The app's real wiring around the plugin: deny-by-default guard, problem+json errors, an API route. */
async function serve(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setErrorHandler((err, request, reply) => sendProblem(request, reply, toAppError(err)));
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', 'none')));
  registerHtmlSecurityPolicy(app);
  await app.register(accessGuard, { resolveActor: async () => null });
  await app.register(webAppRoutes, { root });
  app.get('/api/v1/secret', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('web app serving', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('serves index.html at / and for client routes, never cached, without a session', async () => {
    app = await serve(fakeBuild());
    for (const url of ['/', '/incidents/0190c0de-0000-7000-8000-000000000000', '/units?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('sends index.html, plain or precompressed, with the one Content-Security-Policy; assets without it', async () => {
    const root = fakeBuild();
    writeFileSync(join(root, 'index.html.br'), brotliCompressSync('<!doctype html><div id="root"></div>'));
    app = await serve(root);
    for (const headers of [{}, { 'accept-encoding': 'br' }]) {
      for (const url of ['/', '/incidents/0190c0de-0000-7000-8000-000000000000', '/index.html']) {
        const res = await app.inject({ url, headers });
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
        expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      }
    }
    expect((await app.inject({ url: '/assets/index-abc123.js' })).headers['content-security-policy']).toBeUndefined();
  });

  it('serves hashed assets for a year and answers a missing file with 404', async () => {
    app = await serve(fakeBuild());
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/index-gone.js' })).statusCode).toBe(404);
  });

  it('sends the precompressed file to a browser that accepts brotli', async () => {
    app = await serve(fakeBuild());
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe('console.log(1)');
  });

  it('leaves /api alone: unknown endpoints get problem+json 404, protected ones still need a session', async () => {
    app = await serve(fakeBuild());
    const missing = await app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect((await app.inject({ url: '/api/v1/secret' })).statusCode).toBe(401);
  });

  it('does not serve files outside the build folder', async () => {
    app = await serve(fakeBuild());
    for (const url of ['/..%2F..%2Fetc%2Fpasswd', '/assets/..%2F..%2F..%2Fetc%2Fpasswd.txt', '/%2e%2e/%2e%2e/etc/hosts.txt']) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toMatch(/root:|localhost/);
    }
  });

  it('points / at the API docs when the app has not been built', async () => {
    app = await serve(mkdtempSync(join(tmpdir(), 'fb-web-empty-')));
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/api/docs');
  });
});
