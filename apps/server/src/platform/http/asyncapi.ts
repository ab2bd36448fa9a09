import { AvlFix, EVENT_CATALOGUE, EVENT_TYPES, spreadFieldOf, StreamControl, StreamEvent, TransportFix, UnitAssignmentMessage, UnitPatrolMessage } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * The AsyncAPI 3.0 document of what Firebreak says and hears outside HTTP requests (GET
 * /api/v1/asyncapi.json, beside the OpenAPI one): the WebSocket event stream, and the MQTT topics
 * of unit terminals (positions in, assignments and cancelled patrol plans out). Written from the server's point of view:
 * `send` is what it sends, `receive` what it takes. Payloads come from the same zod contracts the
 * server checks and sends with, so the document cannot drift from them.
 */

export const ASYNCAPI_PATH = '/api/v1/asyncapi.json';

type Json = Record<string, unknown>;

/** A contract as an AsyncAPI schema (JSON Schema draft-07, AsyncAPI's default schema format). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  // Inline, whole: not through the global registry, where the OpenAPI document names types (they would become $refs here).
  const { $schema: _draft, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any', metadata: z.registry() }) as Json;
  return json;
}

const controlSchemas = (): Record<string, Json> => {
  const [hello, caughtUp, error] = StreamControl.options.map((o) => schemaOf(o));
  return { StreamHello: hello!, StreamCaughtUp: caughtUp!, StreamError: error! };
};

const eventTypesTable = (): string =>
  ['| type | permission needed (at the event\'s jurisdiction or above) |', '| --- | --- |', ...EVENT_TYPES.map((t) => `| \`${t}\` | \`${EVENT_CATALOGUE[t].visibleWith}\`${spreadFieldOf(t) ? ` (or at one of \`data.${spreadFieldOf(t)}\`: then only those are in it)` : ''} |`)].join('\n');

export interface AsyncApiOptions {
  version: string;
  /** Served over TLS (`FIREBREAK_TLS`): wss, else ws. Never taken from the request. */
  secure: boolean;
}

export function asyncApiDocument(opts: AsyncApiOptions): Json {
  const event = schemaOf(StreamEvent);
  (event.properties as Json).type = { type: 'string', enum: EVENT_TYPES, description: 'The event type (EVENT_CATALOGUE); new types may be added: ignore those you do not know.' };
  // Servers and channels live at the root (AsyncAPI 3), the rest under components.
  const ref = (kind: string, name: string) => ({ $ref: kind === 'servers' || kind === 'channels' ? `#/${kind}/${name}` : `#/components/${kind}/${name}` });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Firebreak events',
      version: opts.version,
      description: [
        'What Firebreak sends and takes outside HTTP requests, from the server\'s point of view. The HTTP API is described in /api/v1/openapi.json.',
        '',
        'Delivery is at least once everywhere: deduplicate by the event id (`id`, or `messageId` on MQTT).',
      ].join('\n'),
      license: { name: 'AGPL-3.0-only' },
    },
    defaultContentType: 'application/json',
    servers: {
      api: {
        // A variable, not the request's Host: the document is public and cacheable, and a Host (or
        // X-Forwarded-Host) of the client's choosing would be handed to every reader of a cached copy.
        host: '{host}',
        protocol: opts.secure ? 'wss' : 'ws',
        pathname: '/api/v1',
        variables: { host: { default: 'localhost:8080', description: 'host[:port] of this Firebreak server: the one this document was fetched from' } },
        description: 'This Firebreak server (the host this document was fetched from). Open the stream with the session cookie of a sign-in or an API token (Authorization: Bearer); a browser page of another origin than ALLOWED_ORIGINS is refused (403 ORIGIN_NOT_ALLOWED).',
        security: [ref('securitySchemes', 'session'), ref('securitySchemes', 'token')],
      },
      broker: {
        host: '{broker}',
        protocol: 'mqtt',
        description: 'The deployment\'s MQTT broker (MQTT_URL), used for unit terminals (AVL). Its ACL lets each device publish and subscribe only on its own unit\'s topics. The topics below are under the default root `firebreak`; a deployment with MQTT_TOPIC_PREFIX set uses its prefix in its place (e.g. `li/firebreak/units/{unitId}/position`), so several deployments can share a broker.',
        variables: { broker: { default: 'localhost:1883', description: 'host:port of the broker set in MQTT_URL' } },
      },
    },
    channels: {
      stream: {
        address: '/stream',
        title: 'Event stream',
        description: [
          'Every committed event the caller may see, in delivery order. First a `hello`, then (when resuming) the missed events and `caught_up`, then live events.',
          'Resume without a gap with `?after=<last event id>` (or a `Last-Event-ID` header), the last event with a position > 0: AVL positions (`units.positions_reported`, position 0) are broadcast live and never replayed, the next fix supersedes them. Close codes: 4401 the session or token is no longer valid (sign in again); 4403 a grant was removed (reconnect and resume); 1011 the replay failed.',
          '',
          eventTypesTable(),
        ].join('\n'),
        servers: [ref('servers', 'api')],
        messages: { event: ref('messages', 'StreamEvent'), hello: ref('messages', 'StreamHello'), caughtUp: ref('messages', 'StreamCaughtUp'), error: ref('messages', 'StreamError') },
        bindings: {
          ws: {
            method: 'GET',
            query: { type: 'object', properties: { after: { type: 'string', format: 'uuid', description: 'The id of the last event seen with a position > 0: resume after it' } } },
          },
        },
      },
      unitPosition: {
        address: 'firebreak/units/{unitId}/position',
        title: 'A unit\'s positions (AVL)',
        description: 'A terminal publishes its fixes here (QoS 0); the server stores them as an HTTP batch would (POST /api/v1/avl/positions). Fixes of unknown units, unreadable payloads and clocks more than a minute ahead are dropped.',
        parameters: { unitId: { description: 'The unit\'s id (UUID)' } },
        servers: [ref('servers', 'broker')],
        messages: { fix: ref('messages', 'AvlFix') },
      },
      permitPosition: {
        address: 'firebreak/goods/permits/{permitId}/position',
        title: 'A dangerous-goods transport\'s positions',
        description: 'The terminal of a vehicle under a transport permit publishes its fixes here (QoS 1 to keep every fix as evidence, or 0); the server holds them against the permit\'s corridor and protected zones as POST /api/v1/goods/permits/{id}/positions would. Fixes of unknown or finished permits and unreadable payloads are dropped.',
        parameters: { permitId: { description: 'The transport permit\'s id (UUID)' } },
        servers: [ref('servers', 'broker')],
        messages: { fix: ref('messages', 'TransportFix') },
      },
      unitAssignments: {
        address: 'firebreak/units/{unitId}/assignments',
        title: 'A unit\'s assignments',
        description: 'What the unit\'s terminal receives when it is sent to, moved to or stood down from an incident (QoS 1).',
        parameters: { unitId: { description: 'The unit\'s id (UUID)' } },
        servers: [ref('servers', 'broker')],
        messages: { assignment: ref('messages', 'UnitAssignmentMessage') },
      },
      unitPatrols: {
        address: 'firebreak/units/{unitId}/patrols',
        title: 'A unit\'s patrol posts',
        description: 'What the unit\'s terminal receives when a patrol plan it holds posts in is cancelled: the plan, the commander\'s reason and the unit\'s own posts in it (QoS 1, at least once: drop repeats by messageId).',
        parameters: { unitId: { description: 'The unit\'s id (UUID)' } },
        servers: [ref('servers', 'broker')],
        messages: { patrol: ref('messages', 'UnitPatrolMessage') },
      },
    },
    operations: {
      sendStreamEvents: {
        action: 'send',
        channel: ref('channels', 'stream'),
        title: 'Events to a stream client',
        summary: 'Events within the caller\'s scope, with the control messages around a replay',
        messages: ['event', 'hello', 'caughtUp', 'error'].map((m) => ({ $ref: `#/channels/stream/messages/${m}` })),
      },
      receiveUnitPosition: {
        action: 'receive',
        channel: ref('channels', 'unitPosition'),
        title: 'Positions from unit terminals',
        messages: [{ $ref: '#/channels/unitPosition/messages/fix' }],
      },
      receivePermitPosition: {
        action: 'receive',
        channel: ref('channels', 'permitPosition'),
        title: 'Positions from dangerous-goods transports',
        messages: [{ $ref: '#/channels/permitPosition/messages/fix' }],
      },
      sendUnitAssignment: {
        action: 'send',
        channel: ref('channels', 'unitAssignments'),
        title: 'Assignments to unit terminals',
        messages: [{ $ref: '#/channels/unitAssignments/messages/assignment' }],
      },
      sendUnitPatrol: {
        action: 'send',
        channel: ref('channels', 'unitPatrols'),
        title: 'Patrol plans called off, to unit terminals',
        messages: [{ $ref: '#/channels/unitPatrols/messages/patrol' }],
      },
    },
    components: {
      schemas: {
        StreamEvent: event,
        ...controlSchemas(),
        AvlFix: schemaOf(AvlFix.omit({ unitId: true }), 'input'),
        UnitAssignmentMessage: schemaOf(UnitAssignmentMessage),
        UnitPatrolMessage: schemaOf(UnitPatrolMessage),
        TransportFix: schemaOf(TransportFix, 'input'),
      },
      messages: {
        StreamEvent: { name: 'event', title: 'An event', summary: 'One committed fact; `type` says which (see the channel\'s table)', payload: ref('schemas', 'StreamEvent') },
        StreamHello: { name: 'hello', title: 'Stream opened', payload: ref('schemas', 'StreamHello') },
        StreamCaughtUp: { name: 'caught_up', title: 'Replay done', payload: ref('schemas', 'StreamCaughtUp') },
        StreamError: { name: 'error', title: 'Resume refused', summary: 'STREAM_RESUME_UNKNOWN: the event to resume after is unknown or not yet published; live events follow', payload: ref('schemas', 'StreamError') },
        AvlFix: { name: 'fix', title: 'A position fix', summary: 'The unit id is the topic\'s', payload: ref('schemas', 'AvlFix') },
        UnitAssignmentMessage: { name: 'assignment', title: 'An assignment', payload: ref('schemas', 'UnitAssignmentMessage') },
        UnitPatrolMessage: { name: 'patrol', title: 'A patrol plan called off', payload: ref('schemas', 'UnitPatrolMessage') },
        TransportFix: { name: 'fix', title: 'A position fix of a permitted vehicle', summary: 'The permit id is the topic\'s', payload: ref('schemas', 'TransportFix') },
      },
      securitySchemes: {
        session: { type: 'httpApiKey', name: 'firebreak_session', in: 'cookie', description: 'The session cookie of POST /api/v1/auth/login' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token (POST /api/v1/auth/tokens)' },
      },
    },
  };
}

/** GET /api/v1/asyncapi.json: public, like the OpenAPI document (the contract, not data). */
export function registerAsyncApi(app: FastifyInstance, opts: { version: string; tls: boolean }): void {
  const document = asyncApiDocument({ version: opts.version, secure: opts.tls });
  app.get(ASYNCAPI_PATH, { config: { access: 'public' }, schema: { hide: true } }, async () => document);
}
