import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../errors.js';

/** Where `npm run build -w @firebreak/web` puts the command-center app. */
export const WEB_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * Serves the built web app at `/`: hashed assets cached for a year, `index.html` never cached, and
 * every other GET outside `/api/` answered with `index.html` so client routes (`/incidents/…`)
 * survive a reload. Without a build, `/` points to the API docs instead.
 */
export async function webAppRoutes(app: FastifyInstance, { root = WEB_DIST }: { root?: string } = {}): Promise<void> {
  // The app's files are public: the data they show comes from the API, which checks access.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
  });
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built (npm run build -w @firebreak/web); / redirects to /api/docs');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs'));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Routes for the files present at start; the catch-all below is the SPA fallback.
    wildcard: false,
    index: false,
    schemaHide: true,
    // The build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent as-is to browsers that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.includes(`${join('/', 'assets', '/')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api') throw new AppError('ROUTE_NOT_FOUND', `No endpoint GET ${path}`);
    // A file that appeared after start (a rebuild while running); `send` refuses paths outside root.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(decodeURIComponent(path.slice(1)), root);
    return sendIndex(reply);
  });
}
