import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Platform } from '../kernel.js';

/** /healthz (process up), /readyz (database and bus reachable; MQTT reported) and /metrics (Prometheus). */
export async function observabilityRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const registry = new Registry();
  registry.setDefaultLabels({ node: platform.config.nodeName });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const [db, bus] = await Promise.all([platform.database.ping(), platform.bus.ping()]);
    // MQTT down degrades the node (no AVL over MQTT, no unit notifications) but does not take it
    // out of service: dispatchers still take calls and send units over HTTP and radio.
    const mqtt = platform.mqtt === null ? 'off' : platform.mqtt.connected ? 'ok' : 'unreachable';
    const status = !(db && bus) ? 'unavailable' : mqtt === 'unreachable' ? 'degraded' : 'ready';
    const body = { status, database: db ? 'ok' : 'unreachable', bus: bus ? 'ok' : 'unreachable', mqtt, databaseKind: platform.database.kind, busKind: platform.bus.kind };
    return reply.status(db && bus ? 200 : 503).send(body);
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
