import cookie from '@fastify/cookie';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from './config.js';
import { fastifyTrustProxy } from './config-login.js';
import { AppError } from './errors.js';
import { accessGuard } from './platform/auth/guard.js';
import { registerHtmlSecurityPolicy } from './platform/http/html.js';
import { registerJsonBodyParser } from './platform/http/json-body.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { findNulCharacter, sendProblem, toAppError } from './platform/http/problem.js';
import { registerAsyncApi } from './platform/http/asyncapi.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { observabilityRoutes } from './platform/http/observability.js';
import { webAppRoutes } from './platform/http/web-app.js';
import { startPlatform, type Platform, type PlatformOptions } from './platform/kernel.js';
import { auditRoutes } from './modules/audit/index.js';
import { actorResolver, authRoutes, mfaRoutes, staffRoutes } from './modules/identity/index.js';
import { assertStoredLevels, boundaryImportRoutes, jurisdictionRoutes } from './modules/jurisdictions/index.js';
import { placeRoutes } from './modules/places/index.js';
import { hazardRoutes } from './modules/hazards/index.js';
import { checklistRoutes } from './modules/checklists/index.js';
import { inspectionRoutes } from './modules/inspections/index.js';
import { campaignRoutes } from './modules/campaigns/index.js';
import { riskRoutes } from './modules/risk/index.js';
import { fanOutOf, streamRoutes } from './modules/stream/index.js';
import { unitRoutes } from './modules/units/index.js';
import { incidentRoutes } from './modules/incidents/index.js';
import { dispatchRoutes } from './modules/dispatch/index.js';
import { mutualAidRoutes } from './modules/mutual-aid/index.js';
import { reinforcementRoutes } from './modules/reinforcements/index.js';
import { postRoutes } from './modules/posts/index.js';
import { directiveRoutes } from './modules/directives/index.js';
import { taskRoutes } from './modules/tasks/index.js';
import { basemapRoutes } from './modules/basemap/index.js';
import { reachabilityRoutes } from './modules/reachability/index.js';
import { coverageRoutes } from './modules/coverage/index.js';
import { supervisionRoutes } from './modules/supervision/index.js';
import { accountabilityRoutes } from './modules/accountability/index.js';
import { onboardingRoutes } from './modules/onboarding/index.js';
import { historyRoutes } from './modules/history/index.js';
import { geocodeRoutes } from './modules/geocode/index.js';
import { alertRoutes } from './modules/alerts/index.js';
import { premiseRoutes } from './modules/premise/index.js';
import { setupRoutes } from './modules/setup/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { replayRoutes } from './modules/replay/index.js';
import { exerciseRunnerOf, followRoadClosures, majorIncidentRoutes, publicAlertRoutes } from './modules/major-incidents/index.js';
import { goodsRoutes } from './modules/controlled-goods/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
    /** This node's road closures of cordons (tests await `settled()` after a cordon change). */
    roadClosures: ReturnType<typeof followRoadClosures>;
    /** This node's played exercise (tests await `settled()` after the 202 of a started one). */
    exercises: ReturnType<typeof exerciseRunnerOf>;
  }
}

export interface BuildOptions extends PlatformOptions {
  logger?: Logger | boolean;
}

/** Builds the whole application; never listens (tests use inject, main.ts listens). */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof opts.logger === 'object' ? opts.logger : undefined,
    logger: typeof opts.logger === 'object' ? undefined : opts.logger === true ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => uuidv7(),
    requestIdHeader: 'x-request-id',
    // Only configured proxies may name the client (X-Forwarded-For): the login throttle keys on request.ip.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    return503OnClosing: true,
    // Errors the router raises before any route (a malformed URL, a path parameter past
    // maxParamLength) are problems too, not Fastify's own JSON.
    frameworkErrors: (err: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(request, reply, toAppError(err)),
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  // The API reads JSON only: a text/plain body (which browsers send cross-site unasked) gets a 415.
  app.removeContentTypeParser('text/plain');
  // JSON nested past MAX_JSON_DEPTH is refused before it is parsed or walked (400, not a stack overflow).
  registerJsonBodyParser(app);
  const platform = await startPlatform(config, app.log as unknown as Logger, opts);
  // Before any route: a server on levels its jurisdictions do not fit would break the tree's rules.
  await assertStoredLevels(platform.db, config.levels).catch(async (err: unknown) => {
    await platform.close();
    throw err;
  });
  app.decorate('platform', platform);
  // Cordons that close roads close them in this node's road graphs, and open them when lifted.
  const roadClosures = followRoadClosures(platform);
  app.decorate('roadClosures', roadClosures);
  app.decorate('exercises', exerciseRunnerOf(platform, app.log));
  app.addHook('onClose', async () => {
    roadClosures.stop();
    await roadClosures.settled();
    await platform.close();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    // A failover or restart takes seconds: tell clients and balancers when to come back.
    if (error.code === 'SERVICE_UNAVAILABLE') void reply.header('retry-after', '1');
    return sendProblem(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', `No endpoint ${request.method} ${request.url.split('?')[0]}`)));
  // Per-request hooks take a callback rather than being async: a promise per hook per request
  // showed as microtask work in the CPU profile of bench:command (docs/benchmarks.md).
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  // One Content-Security-Policy for every HTML page: the web app, the report pages, the API docs.
  registerHtmlSecurityPolicy(app);
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [part, value] of [['body', request.body], ['query', request.query], ['path', request.params]] as const) {
      const at = findNulCharacter(value, part);
      if (at) {
        done(new AppError('VALIDATION_FAILED', `${at}: contains a NUL character or a lone surrogate`, { fields: [{ path: at, message: 'contains a NUL character or a lone surrogate' }] }));
        return;
      }
    }
    done();
  });

  await registerSecurityHeaders(app, { contentSecurityPolicy: false, hsts: config.tls });
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app, { version: '0.1.0' });
  registerAsyncApi(app, { version: '0.1.0', tls: config.tls });
  // The docs UI is public: it shows the contract, not data.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: {} });
  const resolveActor = actorResolver(platform);
  await app.register(accessGuard, { resolveActor });
  await app.register(observabilityRoutes, { platform, streamSockets: () => fanOutOf(platform.bus).size });
  // The command-center web app (apps/web/dist) at / with its client routes; the API stays under /api.
  await app.register(webAppRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes, { platform });
      await api.register(mfaRoutes, { platform });
      await api.register(jurisdictionRoutes, { platform });
      await api.register(boundaryImportRoutes, { platform });
      await api.register(staffRoutes, { platform });
      await api.register(placeRoutes, { platform });
      await api.register(hazardRoutes, { platform });
      await api.register(checklistRoutes, { platform });
      await api.register(inspectionRoutes, { platform });
      await api.register(campaignRoutes, { platform });
      await api.register(riskRoutes, { platform });
      await api.register(unitRoutes, { platform });
      await api.register(incidentRoutes, { platform });
      await api.register(dispatchRoutes, { platform });
      await api.register(reportRoutes, { platform });
      await api.register(replayRoutes, { platform });
      await api.register(mutualAidRoutes, { platform });
      await api.register(reinforcementRoutes, { platform });
      await api.register(postRoutes, { platform });
      await api.register(directiveRoutes, { platform });
      await api.register(taskRoutes, { platform });
      await api.register(basemapRoutes, { platform });
      await api.register(reachabilityRoutes, { platform });
      await api.register(coverageRoutes, { platform });
      await api.register(supervisionRoutes, { platform });
      await api.register(accountabilityRoutes, { platform });
      await api.register(historyRoutes, { platform });
      await api.register(onboardingRoutes, { platform });
      await api.register(geocodeRoutes, { platform });
      await api.register(alertRoutes, { platform });
      await api.register(premiseRoutes, { platform });
      await api.register(setupRoutes, { platform });
      await api.register(majorIncidentRoutes, { platform });
      await api.register(publicAlertRoutes, { platform });
      await api.register(goodsRoutes, { platform });
      await api.register(auditRoutes, { platform });
      await api.register(streamRoutes, { platform, resolveActor });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
