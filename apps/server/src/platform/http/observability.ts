import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Platform } from '../kernel.js';
import { registerOperatorMetrics } from './operator-metrics.js';

/** /healthz (process up), /readyz (ready while the database answers; bus and MQTT outages reported as degraded) and /metrics (Prometheus). */
async function observability(app: FastifyInstance, { platform, streamSockets }: { platform: Platform; streamSockets: () => number }): Promise<void> {
  const registry = new Registry();
  registry.setDefaultLabels({ node: platform.config.nodeName });
  collectDefaultMetrics({ register: registry });
  registerOperatorMetrics(registry, platform, streamSockets);
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
    // Only the database decides whether the node can take calls: intake, dispatch and every
    // command need it. The bus down (NATS) stops live fan-out between nodes, but commands still
    // commit and their events wait in the outbox until it is back; MQTT down stops AVL over MQTT
    // and unit notifications, while dispatchers still send units over HTTP and radio. Either is
    // `degraded` (200): a 503 on every node would make the balancer stop call intake altogether.
    const mqtt = platform.mqtt === null ? 'off' : platform.mqtt.connected ? 'ok' : 'unreachable';
    const status = !db ? 'unavailable' : !bus || mqtt === 'unreachable' ? 'degraded' : 'ready';
    const body = { status, database: db ? 'ok' : 'unreachable', bus: bus ? 'ok' : 'unreachable', mqtt, databaseKind: platform.database.kind, busKind: platform.bus.kind };
    return reply.status(db ? 200 : 503).send(body);
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/**
 * Not encapsulated: the request-duration hook must see every route registered after it (the API's
 * included). As an ordinary plugin its hook saw only the three routes above.
 */
export const observabilityRoutes = fp(observability, { name: 'firebreak-observability' });
