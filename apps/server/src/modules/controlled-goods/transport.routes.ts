import { BindPermitTerminalBody, IdParams, IssuePermitBody, PermitActionBody, PermitListQuery, SiteHoldingsNear, TrailPoint, TransportAlert, TransportFixesBody, TransportFixesResult, TransportPermit } from '@firebreak/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { withinRoots } from '../../platform/auth/scope-sql.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { canSeeMajor, cordonsOf, majorRow } from '../major-incidents/index.js';
import { bindPermitTerminal } from './bind-permit-terminal.js';
import { finishPermit } from './finish-permit.js';
import { holdingsNearShapes } from './goods.queries.js';
import { issuePermit } from './issue-permit.js';
import { alertsWhere, findPermitRecord, permitsWhere, trailOf } from './permit.queries.js';
import { startTransportMqttIngest } from './transport-mqtt.js';
import { reportTransportFixes } from './watch-transport.js';

/** Sites this close to a major incident's point or any of its cordons are shown on its board. */
export const HOLDINGS_NEAR_METRES = 500;

/** Permits are seen where they are supervised or where either site lies. */
const permitScope = (actor: Actor): SQL => {
  const roots = scopeRoots(actor, 'places:read');
  return sql`(${withinRoots(sql`g.supervising_path`, roots)} or ${withinRoots(sql`fs.jurisdiction_path`, roots)} or ${withinRoots(sql`ts.jurisdiction_path`, roots)})`;
};

/** Transport permits, their geofence and alerts (issue 18 §3), and what sites near a major incident hold (§4). */
export async function transportRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['controlled-goods'];
  const network = () => deploymentRoadNetwork(platform.config);
  if (platform.config.mqttUrl) {
    // One session per node and deployment, the same across restarts: the broker keeps the fixes that
    // came while the node was away, and those it took in but had not stored (transport-mqtt.ts).
    const clientId = `firebreak-goods/${platform.config.mqttTopicPrefix}/${platform.config.nodeName}`;
    const ingest = await startTransportMqttIngest(platform.config.mqttUrl, platform.command, platform.log, clientId, (events) => platform.bus.broadcast(events), platform.config.mqttTopicPrefix);
    app.addHook('onClose', async () => ingest.close());
  }
  const visiblePermit = async (actor: Actor, id: string) => {
    const rec = await findPermitRecord(platform.db, id);
    if (!rec || !(can(actor, 'places:read', rec.permit.supervisingPath) || can(actor, 'places:read', rec.fromSitePath) || can(actor, 'places:read', rec.toSitePath))) throw notFound('Transport permit');
    return rec.permit;
  };

  r.get('/goods/permits', {
    schema: { operationId: 'listTransportPermits', tags, summary: 'Transport permits in my scope, newest first (`active=true`: issued, in transit or arrived)', querystring: PermitListQuery, response: { 200: z.array(TransportPermit) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const { state, active } = request.query;
    const conds = [permitScope(actorOf(request))];
    if (state) conds.push(sql`g.state = ${state}`);
    if (active === 'true') conds.push(sql`g.state in ('issued', 'in_transit', 'arrived')`);
    if (active === 'false') conds.push(sql`g.state in ('received', 'cancelled')`);
    return permitsWhere(platform.db, sql.join(conds, sql` and `));
  });

  r.post('/goods/permits', {
    schema: {
      operationId: 'issueTransportPermit', tags, body: IssuePermitBody, response: { 201: TransportPermit },
      errors: ['GOODS_NOT_LICENSED', 'GOODS_LICENCE_NOT_VALID', 'GOODS_INSUFFICIENT_BALANCE', 'GOODS_LICENCE_MAXIMUM_EXCEEDED', 'GOODS_ROUTE_NONE', 'GOODS_PERMIT_OUTSIDE_SCOPE'],
      summary: "Issue a transport permit: the load leaves the sender for transit; the route keeps out of schools, kindergartens (in their hours) and cordons; `terminalId` binds the vehicle's terminal (a device account), the only one then to report its fixes",
    },
    config: { access: 'goods:license' },
  }, async (request, reply) => reply.status(201).send(await issuePermit(platform.command, commandContext(request), request.body, network, platform.config.timeZone)));

  r.get('/goods/permits/:id', {
    schema: { operationId: 'getTransportPermit', tags, summary: 'One transport permit with its route, corridor, avoided zones and last fix', params: IdParams, response: { 200: TransportPermit } },
    config: { access: 'places:read' },
  }, async (request) => visiblePermit(actorOf(request), request.params.id));

  r.get('/goods/permits/:id/alerts', {
    schema: { operationId: 'listTransportPermitAlerts', tags, summary: "A permit's geofence alerts, newest first", params: IdParams, response: { 200: z.array(TransportAlert) } },
    config: { access: 'places:read' },
  }, async (request) => {
    const p = await visiblePermit(actorOf(request), request.params.id);
    return alertsWhere(platform.db, sql`a.permit_id = ${p.id}`);
  });

  r.get('/goods/permits/:id/trail', {
    schema: { operationId: 'getTransportPermitTrail', tags, summary: "The vehicle's fixes under the permit, oldest first", params: IdParams, response: { 200: z.array(TrailPoint) } },
    config: { access: 'places:read' },
  }, async (request) => trailOf(platform.db, (await visiblePermit(actorOf(request), request.params.id)).id));

  r.post('/goods/permits/:id/positions', {
    schema: {
      operationId: 'reportTransportPositions', tags, params: IdParams, body: TransportFixesBody, response: { 200: TransportFixesResult }, errors: ['GOODS_PERMIT_FINISHED'],
      summary: "Fixes of a permitted vehicle: its bound terminal's API token (`terminalId`), or, on an unbound permit, any token with `avl:report` where it is supervised or a site lies; MQTT: `<MQTT_TOPIC_PREFIX>/goods/permits/<id>/position` (default prefix `firebreak`; the broker's ACL decides who publishes there)",
      description: 'Held against the corridor, the protected zones, the stop allowance and the destination; alerts (left corridor, rejoined, entered zone, stopped, arrived) go to the supervising desk once per excursion. Fixes not newer than the last are ignored (a retry is harmless). Unknown permit: 404; finished: 409.',
    },
    config: { access: 'avl:report' },
  }, async (request) => reportTransportFixes(platform.command, commandContext(request), request.params.id, request.body.fixes, (events) => platform.bus.broadcast(events)));

  r.post('/goods/permits/:id/receive', {
    schema: { operationId: 'receiveTransport', tags, summary: 'The receiving site takes the load into its stock (ends the permit)', params: IdParams, body: PermitActionBody, response: { 200: TransportPermit }, errors: ['GOODS_PERMIT_FINISHED', 'GOODS_LICENCE_NOT_VALID', 'GOODS_LICENCE_MAXIMUM_EXCEEDED'] },
    config: { access: 'goods:record' },
  }, async (request) => finishPermit(platform.command, commandContext(request), request.params.id, 'receive', request.body));

  r.put('/goods/permits/:id/terminal', {
    schema: { operationId: 'bindTransportTerminal', tags, summary: "Bind a permit issued without one to its vehicle's terminal (a device account): from then on the only HTTP reporter of its fixes", params: IdParams, body: BindPermitTerminalBody, response: { 200: TransportPermit }, errors: ['GOODS_PERMIT_FINISHED'] },
    config: { access: 'goods:license' },
  }, async (request) => bindPermitTerminal(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/goods/permits/:id/cancel', {
    schema: { operationId: 'cancelTransportPermit', tags, summary: "Cancel a permit before receipt: the load goes back into the sender's stock", params: IdParams, body: PermitActionBody, response: { 200: TransportPermit }, errors: ['GOODS_PERMIT_FINISHED', 'GOODS_LICENCE_MAXIMUM_EXCEEDED'] },
    config: { access: 'goods:license' },
  }, async (request) => finishPermit(platform.command, commandContext(request), request.params.id, 'cancel', request.body));

  r.get('/goods/transport-alerts', {
    schema: { operationId: 'listTransportAlerts', tags, summary: 'Geofence alerts of transports supervised in my scope, newest first (the duty desk list)', response: { 200: z.array(TransportAlert) } },
    config: { access: 'places:read' },
  }, async (request) => alertsWhere(platform.db, withinRoots(sql`g.supervising_path`, scopeRoots(actorOf(request), 'places:read')), 200));

  r.get('/goods/major-incidents/:id/holdings', {
    schema: { operationId: 'listMajorIncidentHoldings', tags, summary: `What licensed sites within ${HOLDINGS_NEAR_METRES} m of a major incident's point or cordons hold per their ledgers`, params: IdParams, response: { 200: z.array(SiteHoldingsNear) } },
    config: { access: 'incidents:read' },
  }, async (request) => {
    const m = await majorRow(platform.db, request.params.id);
    if (!m || !canSeeMajor(actorOf(request), m)) throw notFound('Major incident');
    const shapes = [{ type: 'Point', coordinates: [m.lon, m.lat] }, ...(await cordonsOf(platform.db, m.id)).map((c) => c.area)];
    return holdingsNearShapes(platform.db, shapes, HOLDINGS_NEAR_METRES, platform.clock());
  });
}
