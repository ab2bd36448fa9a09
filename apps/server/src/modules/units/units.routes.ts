import { AvlBatchBody, AvlBatchResult, BindUnitTerminalBody, IdParams, RegisterUnitBody, TimelineEntry, TrackPoint, TrackQuery, Unit, UnitActionBody, UnitListQuery, UnitPage, UnitTerminal, UnitTerminalChoices, UpdateUnitBody } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.js';
import { canOnUnit, unitScope, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import { rows } from '../../platform/db/client.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { subtreeFilter } from '../jurisdictions/index.js';
import { historyOf } from '../places/index.js';
import { bindUnitTerminal } from './bind-unit-terminal.js';
import { terminalChoices } from './terminal-choices.js';
import { changeUnitStatus } from './change-unit-status.js';
import { livePositionsOf } from './live-positions.js';
import { startMqttIngest } from './mqtt-ingest.js';
import { registerUnit } from './register-unit.js';
import { reportPositions } from './report-positions.js';
import { findUnitRow, listUnitRows, presentUnit } from './units.queries.js';
import { updateUnit } from './update-unit.js';

export async function unitRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];
  const live = livePositionsOf(platform);
  if (platform.config.mqttUrl) {
    const ingest = await startMqttIngest(platform.config.mqttUrl, platform.command, live, platform.log, `firebreak-${platform.config.nodeName}-${process.pid}-${Date.now()}`, platform.config.mqttTopicPrefix);
    app.addHook('onClose', async () => ingest.close());
  }
  const visibleUnit = async (actor: Actor, id: string) => {
    const row = await findUnitRow(platform.db, id);
    if (!row || !canOnUnit(actor, 'units:read', row)) throw notFound('Unit');
    return row;
  };

  r.get('/units', {
    schema: { operationId: 'listUnits', description: 'A page of the units of the jurisdictions in your scope with their status and newest AVL position (`stale` once no fix came for AVL_STALE_SECONDS); filter by jurisdiction, kind, status, on duty. Follow `nextCursor` for the next page; the stream carries `units.status_changed` and `units.positions_reported`.', tags, summary: 'Units in my scope, with their live positions', querystring: UnitListQuery, response: { 200: UnitPage } },
    config: { access: 'units:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const { jurisdictionId, ...f } = request.query;
    const underPath = await subtreeFilter(platform.db, actor, 'units:read', jurisdictionId);
    await live.ready();
    const page = await listUnitRows(platform.db, { ...f, ...unitScope(actor, 'units:read'), underPath });
    const now = platform.clock();
    return { items: page.rows.map((u) => presentUnit(u, live, now)), nextCursor: page.nextCursor };
  });

  r.get('/units/:id', {
    schema: { operationId: 'getUnit', tags, summary: 'One unit', params: IdParams, response: { 200: Unit } },
    config: { access: 'units:read' },
  }, async (request) => {
    const row = await visibleUnit(actorOf(request), request.params.id);
    await live.ready();
    return presentUnit(row, live, platform.clock());
  });

  r.get('/units/:id/history', {
    schema: { operationId: 'getUnitHistory', tags, summary: 'Every registry and status change of a unit, oldest first', params: IdParams, response: { 200: z.array(TimelineEntry) } },
    config: { access: 'units:read' },
  }, async (request) => {
    await visibleUnit(actorOf(request), request.params.id);
    return historyOf(platform.db, 'unit', request.params.id);
  });

  r.get('/units/:id/track', {
    schema: { operationId: 'getUnitTrack', tags, summary: 'The stored (downsampled) AVL track of a unit in a period', params: IdParams, querystring: TrackQuery, response: { 200: z.array(TrackPoint) } },
    config: { access: 'units:read' },
  }, async (request) => {
    await visibleUnit(actorOf(request), request.params.id);
    const list = await rows<{ lon: number; lat: number; at: Date | string; speed_kmh: number | null; heading: number | null }>(platform.db, sql`
      select ST_X(location) as lon, ST_Y(location) as lat, at, speed_kmh, heading from unit_track
      where unit_id = ${request.params.id} and at >= ${request.query.from}::timestamptz and at <= ${request.query.to}::timestamptz
      order by at limit 10000`);
    return list.map((p) => ({ location: [Number(p.lon), Number(p.lat)] as [number, number], at: new Date(p.at).toISOString(), speedKmh: p.speed_kmh, heading: p.heading }));
  });

  r.post('/units', {
    schema: { operationId: 'registerUnit', description: "Adds a unit to a jurisdiction's fleet with a home station (its location is the home location) or a home location. A call sign is unique (409 UNIT_CALL_SIGN_TAKEN). Emits `units.registered`.", errors: ['UNIT_CALL_SIGN_TAKEN'], tags, summary: 'Register a unit', body: RegisterUnitBody, response: { 201: Unit } },
    config: { access: 'units:manage' },
  }, async (request, reply) => reply.status(201).send(await registerUnit(platform.command, commandContext(request), request.body, live)));

  r.patch('/units/:id', {
    schema: { operationId: 'updateUnit', errors: ['UNIT_CALL_SIGN_TAKEN'], tags, summary: "Change a unit's crew, capabilities or home location", params: IdParams, body: UpdateUnitBody, response: { 200: Unit } },
    config: { access: 'units:manage' },
  }, async (request) => updateUnit(platform.command, commandContext(request), request.params.id, request.body, live));

  r.get('/units/:id/terminal-choices', {
    schema: { operationId: 'unitTerminalChoices', tags, summary: "The device account bound to a unit and those it may be bound to (for the bind dialog)", description: "Candidates: enabled device accounts holding `avl:report` on the unit's jurisdiction, homed where you manage units: what `PUT /units/{id}/terminal` accepts.", params: IdParams, response: { 200: UnitTerminalChoices } },
    config: { access: 'units:manage' },
  }, async (request) => terminalChoices(platform.db, actorOf(request), request.params.id));

  r.put('/units/:id/terminal', {
    schema: { operationId: 'bindUnitTerminal', tags, summary: "Bind a unit to the device account that reports its AVL fixes (its terminal, or the gateway reporting it), or unbind it (null)", description: "Bound, the unit takes `POST /avl/positions` fixes from that account alone, and the account reports for its bound units alone. The account: an enabled device account with `avl:report` on the unit's jurisdiction, homed where you manage units (else 400 naming `body.terminalId`). Emits `units.terminal_bound`.", params: IdParams, body: BindUnitTerminalBody, response: { 200: UnitTerminal } },
    config: { access: 'units:manage' },
  }, async (request) => bindUnitTerminal(platform.command, commandContext(request), request.params.id, request.body));

  r.post('/units/:id/actions', {
    schema: { operationId: 'changeUnitStatus', errors: ['UNIT_TRANSITION_NOT_ALLOWED'], tags, summary: 'On or off duty, out of or back in service, at station', params: IdParams, body: UnitActionBody, response: { 200: Unit } },
    config: { access: 'units:read' },
  }, async (request) => changeUnitStatus(platform.command, commandContext(request), request.params.id, request.body, live));

  r.post('/avl/positions', {
    schema: { operationId: 'reportAvlPositions', description: "For vehicle terminals and AVL gateways with an API token holding `avl:report` on the units' jurisdictions; a unit bound to a terminal (`PUT /units/{id}/terminal`) takes fixes from that account alone, and a bound account reports for its own units alone; one unit outside these refuses the whole batch. Up to 5,000 fixes in one request (batch them: one audit row per batch). A fix older than the unit's newest is kept only in its track (`outOfOrder`); the track keeps a point per 50 m or 30 s (`stored`). Emits `units.positions_reported`. MQTT devices publish to `<MQTT_TOPIC_PREFIX>/units/<unitId>/position` (default prefix `firebreak`) instead (see asyncapi.json).", tags, summary: 'A batch of AVL fixes from a device (API token)', body: AvlBatchBody, response: { 200: AvlBatchResult } },
    config: { access: 'avl:report' },
  }, async (request) => {
    await live.ready();
    return reportPositions(platform.command, commandContext(request), request.body, live);
  });
}
