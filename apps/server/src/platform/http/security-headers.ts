import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Helmet's security headers for these options, worked out once at start. Without CSP nonces
 * (the CSP is ours, html.ts) they do not depend on the request, yet @fastify/helmet rebuilds
 * helmet's middleware chain in two async hooks on every request: 2.6 % of the busy time in the
 * CPU profile of bench:command (docs/benchmarks.md "Command path: what dominates"). Asking the
 * plugin itself, on a throw-away instance, keeps helmet the one source of the header values.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', (_request, reply) => reply.send(reply.raw.getHeaders()));
    const res = await probe.inject('/');
    return res.json<Record<string, string>>();
  } finally {
    await probe.close();
  }
}

/** Every response carries helmet's headers (a route may still set its own value of one). */
export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
