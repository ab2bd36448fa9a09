import { PublicAlertParams } from '@firebreak/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v5 as uuidv5 } from 'uuid';
import { notFound } from '../../errors.js';
import type { Platform } from '../../platform/kernel.js';
import { feedMessages, messageById } from './alerts.queries.js';
import { atomFeed } from './cap.js';

const CAP_TYPE = 'application/cap+xml; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
// Readers poll: a minute of caching keeps a surge of the public off the database.
const CACHE = 'public, max-age=60';
/** Namespace of the feeds' ids (UUIDv5 of the sender and the feed's file): fixed, so a feed's id never changes. */
const FEED_ID_NAMESPACE = 'a3e5c1f0-6b0e-5d2c-9f6a-2f1b8c4d7e90';

/**
 * Public warnings without login, for the public, the media and other agencies' aggregators: each
 * CAP 1.2 message as issued, and Atom feeds of the messages in force (live alerts, and exercise
 * alerts apart so that no exercise ever reaches a live reader).
 */
export async function publicAlertRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public-alerts'];
  /*
   * Nothing in a feed comes from the request's Host or X-Forwarded-Host: a feed is cached publicly,
   * and one asked for with `Host: evil.example` would otherwise send every reader's links to that
   * server and its forged alerts. The links are relative to the feed (RFC 4287 §4.2.7.1: the reader
   * resolves them against the address it fetched from); the feed's id is a fixed UUID.
   */
  const feed = (status: 'Actual' | 'Exercise', file: string, title: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    const now = platform.clock();
    const list = await feedMessages(platform.db, status, now);
    const sender = platform.config.publicAlerts.sender;
    const xml = atomFeed({
      id: `urn:uuid:${uuidv5(`${sender}/${file}`, FEED_ID_NAMESPACE)}`, title, selfUrl: file, updated: list[0]?.sentAt ?? now, author: sender,
      entries: list.map((m) => ({
        id: m.id, identifier: m.identifier, sent: m.sent, sentAt: m.sentAt, msgType: m.msgType, headline: m.info[0]?.headline ?? m.identifier,
        summary: m.msgType === 'Cancel' ? (m.note ?? '') : (m.info[0]?.instruction ?? ''), xmlUrl: `${m.id}.xml`,
      })),
    });
    return reply.type(ATOM_TYPE).header('cache-control', CACHE).send(xml);
  };

  r.get('/public-alerts/feed.atom', {
    schema: { operationId: 'getPublicAlertFeed', tags, summary: 'Atom feed of the live public alerts in force (CAP 1.2 messages; no login)' },
    config: { access: 'public' },
  }, feed('Actual', 'feed.atom', 'Public alerts'));

  r.get('/public-alerts/exercise.atom', {
    schema: { operationId: 'getExerciseAlertFeed', tags, summary: 'Atom feed of the exercise alerts in force (status Exercise; no login)' },
    config: { access: 'public' },
  }, feed('Exercise', 'exercise.atom', 'Exercise alerts'));

  r.get('/public-alerts/:id.xml', {
    schema: { operationId: 'getPublicAlertCap', errors: ['NOT_FOUND'], tags, summary: 'One public alert message as OASIS CAP 1.2 XML (no login)', params: PublicAlertParams },
    config: { access: 'public' },
  }, async (request, reply) => {
    const message = await messageById(platform.db, request.params.id);
    if (!message) throw notFound('Public alert');
    return reply.type(CAP_TYPE).header('cache-control', CACHE).send(message.xml);
  });
}
