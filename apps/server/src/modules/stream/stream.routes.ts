import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { RecentEventsQuery, StreamEvent } from '@firebreak/contracts';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/access.js';
import type { ActorResolver } from '../../platform/auth/guard.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { relayBarrier } from '../../platform/events/relay.js';
import type { Platform } from '../../platform/kernel.js';
import { accountKey, accountWatchOf, agreementKey } from './account-watch.js';
import { fanOutOf, type StreamListener } from './fan-out.js';
import { positionOf, publishedAfter } from './replay.js';
import { fleetOf } from '../dispatch/index.js';
import { viewFor } from './visibility.js';
import { wireOf } from './wire.js';
import { RECENT_MAX_DAYS, recentEvents } from './recent.js';
import { AppError, invalidField } from '../../errors.js';
import { actorOf } from '../../platform/auth/guard.js';
import { requireAllowedOrigin } from '../../platform/http/origin.js';

const StreamQuery = z.strictObject({ after: z.uuid().optional() });
const REPLAY_PAGE = 1000;
const RECHECK_MS = 30_000;
const PERIODIC_EPOCH_AGE_MS = 1000;
const SEEN_LIMIT = 10_000;

/**
 * WebSocket event stream. Live events are buffered while missed ones are replayed from the
 * outbox, then the buffer is flushed: a client resuming with `?after=<last event id>` sees no gap.
 * Duplicates (at-least-once delivery) are dropped by event id.
 */
export async function streamRoutes(app: FastifyInstance, { platform, resolveActor }: { platform: Platform; resolveActor: ActorResolver }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/events/recent', {
    schema: { operationId: 'listRecentEvents', description: 'The events of the stream (`/api/v1/stream`, described in asyncapi.json) that you may see, from a moment up to 7 days back: what a screen or integration opened now, or reconnecting, catches up on before listening live. Filter by `types` (comma-separated event types).', tags: ['events'], summary: 'Events of these types I may see since a moment (at most 7 days back), newest first: what a screen opened now catches up on', querystring: RecentEventsQuery, response: { 200: z.array(StreamEvent) } },
    config: { access: 'authenticated' },
  }, async (request) => {
    const since = new Date(request.query.since);
    if (since.getTime() < platform.clock().getTime() - RECENT_MAX_DAYS * 86_400_000) throw invalidField('query.since', `at most ${RECENT_MAX_DAYS} days back`);
    const fleet = fleetOf(platform);
    const actor = actorOf(request);
    if (actor.aid?.length) await fleet.ready();
    return recentEvents(platform.db, actor, (id) => fleet.get(id)?.kind, { types: request.query.types.split(','), since, limit: request.query.limit });
  });

  app.withTypeProvider<ZodTypeProvider>().get('/stream', {
    websocket: true,
    schema: { tags: ['events'], summary: 'WebSocket stream of events within my scope; resume with ?after=<event id>', querystring: StreamQuery },
    // Before the upgrade: a page of another site must not read the stream with the user's cookie.
    onRequest: requireAllowedOrigin(platform.config.allowedOrigins),
  }, (socket, request) => {
    void serve(platform, resolveActor, socket, request as FastifyRequest<{ Querystring: z.infer<typeof StreamQuery> }>);
  });
}

async function serve(
  platform: Platform,
  resolveActor: ActorResolver,
  socket: WebSocket,
  request: FastifyRequest<{ Querystring: z.infer<typeof StreamQuery> }>,
): Promise<void> {
  let actor: Actor = request.actor!;
  const seen = new Set<string>();
  const pending: PublishedEvent[] = [];
  let live = false;

  // Unit events that do not say the unit's kind (positions, older status events) are matched to
  // lent kinds through the node's fleet view.
  const fleet = fleetOf(platform);
  const kindOf = (id: string) => fleet.get(id)?.kind;
  const send = (e: PublishedEvent): void => {
    if (seen.has(e.id) || socket.readyState !== socket.OPEN) return;
    const view = viewFor(actor, e, kindOf);
    if (!view) return;
    seen.add(e.id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
    // The same bytes for every socket given the same event object (wire.ts); a text frame, as before.
    socket.send(wireOf(view), { binary: false });
  };
  // Only events at or under one of the actor's grants, or of a subtree lending it units, reach this socket (fan-out.ts); send() decides.
  const fanOut = fanOutOf(platform.bus);
  const rootsOf = (a: Actor) => [...a.grants.map((g) => g.path), ...(a.aid ?? []).map((x) => x.providingPath)];
  // While the account is re-read after a change, events wait: none goes out on grants that may be gone.
  let checking = 0;
  const flush = (): void => {
    if (live && checking === 0) for (const e of pending.splice(0)) send(e);
  };
  let listener: StreamListener = { roots: rootsOf(actor), deliver: (e) => (live && checking === 0 ? send(e) : pending.push(e)) };
  let closed = false;
  fanOut.add(listener);
  /**
   * Re-reads whom the socket serves. No valid session or token any more (logout, revoked token,
   * account disabled, password reset, idle) closes it with 4401; a grant lost closes it with 4403
   * (the client reconnects and resumes within what it still holds); otherwise new grants and
   * mutual aid apply from the next event on.
   */
  const recheck = async (safetyNet: boolean): Promise<void> => {
    checking++;
    try {
      // Not user activity: an open socket must not keep an idle session alive. The periodic safety
      // net shares the node's latest revocation counter read if under a second old (one read a
      // second instead of one per socket: 100 a second at 3,000 sockets); a check an event asked
      // for reads afresh, so that it sees the change the event announced.
      const a = await resolveActor(request, safetyNet ? { activity: false, epochAgeMs: PERIODIC_EPOCH_AGE_MS } : { activity: false });
      if (closed) return;
      if (!a) socket.close(4401, 'session ended');
      else if (lostAccess(actor, a)) socket.close(4403, 'grants changed');
      // The node's actor cache answers with the same actor while nothing changed (auth_epoch): nothing to re-index.
      else if (a !== actor) {
        actor = a;
        listener = fanOut.update(listener, rootsOf(a));
        watchChanges();
      }
    } catch (err) {
      // An idle session throws its own 401 (AUTH_SESSION_IDLE); a failed database read keeps the socket until the next check.
      if (err instanceof AppError && err.status === 401) socket.close(4401, err.code);
    } finally {
      checking--;
      flush();
    }
  };
  // At once when an event says the account changed, on whichever node it happened (account-watch.ts);
  // every RECHECK_MS as a safety net for what no event announces (an idle session, an expired token).
  let unwatch = (): void => undefined;
  const watchChanges = (): void => {
    unwatch();
    unwatch = accountWatchOf(platform.bus).watch([accountKey(actor.id), ...(actor.aid ?? []).map((x) => agreementKey(x.agreementId))], () => void recheck(false));
  };
  watchChanges();
  // The safety net's first check falls at a random point of the period, then every period: sockets
  // that connected together (3,000 stations after a restart) would otherwise all re-read their
  // accounts at the same moment every 30 s, a stall of the node's event loop (docs/benchmarks.md).
  let periodic: ReturnType<typeof setInterval> | undefined;
  const firstCheck = setTimeout(() => {
    periodic = setInterval(() => void recheck(true), RECHECK_MS);
    void recheck(true);
  }, Math.random() * RECHECK_MS);
  socket.on('close', () => {
    closed = true;
    fanOut.update(listener, []);
    unwatch();
    clearTimeout(firstCheck);
    clearInterval(periodic);
  });

  try {
    if (actor.aid?.length) await fleet.ready();
    const after = request.query.after ?? header(request, 'last-event-id');
    if (after) await relayBarrier(platform.db);
    let position = after ? await positionOf(platform.db, after) : undefined;
    if (after && position === undefined) {
      socket.send(JSON.stringify({ kind: 'error', code: 'STREAM_RESUME_UNKNOWN', detail: `Unknown or unpublished event ${after}; streaming live events only` }));
    }
    socket.send(JSON.stringify({ kind: 'hello', resumedFrom: position === undefined ? null : after }));
    let replayed = 0;
    while (position !== undefined) {
      const page = await publishedAfter(platform.db, position, REPLAY_PAGE);
      for (const e of page) send(e);
      replayed += page.length;
      position = page.length === REPLAY_PAGE ? page[page.length - 1]!.position : undefined;
    }
    socket.send(JSON.stringify({ kind: 'caught_up', replayed }));
    live = true;
    flush();
  } catch (err) {
    platform.log.error({ err }, 'stream replay failed');
    socket.close(1011, 'replay failed');
  }
}

/** Has the account lost a role on a jurisdiction, or units lent by an agreement, since `before` was read? */
function lostAccess(before: Actor, after: Actor): boolean {
  const held = new Set([...after.grants.map((g) => `${g.role}@${g.path}`), ...(after.aid ?? []).map((x) => `${x.agreementId}:${[...x.unitKinds].sort().join(',')}`)]);
  return [...before.grants.map((g) => `${g.role}@${g.path}`), ...(before.aid ?? []).map((x) => `${x.agreementId}:${[...x.unitKinds].sort().join(',')}`)].some((k) => !held.has(k));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' && z.uuid().safeParse(v).success ? v : undefined;
}
