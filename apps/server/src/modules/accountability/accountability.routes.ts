import { AccountabilityTrace, AuditEntry, CitedAuditQuery, TraceExportQuery, TraceQuery } from '@firebreak/contracts';
import { and, asc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../errors.js';
import { can, scopeRoots, type Actor } from '../../platform/auth/access.js';
import { auditLog } from '../../platform/db/platform.tables.js';
import { auditScope } from '../audit/index.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { csvField } from '../campaigns/index.js';
import { findIncidentRow } from '../incidents/index.js';
import { jurisdictionNamesOf } from '../jurisdictions/index.js';
import { findPlace } from '../places/index.js';
import type { Window } from './model.js';
import { traceHtml } from './trace-html.js';
import { traceCsv } from './trace-lines.js';
import { traceOf, type Reference } from './trace.js';
import { traceSpeech, type TraceSpeech } from './trace-words.js';
import { sendCsv } from '../../platform/http/csv-download.js';

const MAX_WINDOW_MS = 366 * 86_400_000;

const badWindow = (path: string, message: string) => new AppError('TRACE_WINDOW_INVALID', `${path}: ${message}`, { fields: [{ path, message }] });

export async function accountabilityRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accountability'];

  /** The incident (at its call's receipt) or the place and window asked about; unseen ones do not exist. */
  async function resolve(actor: Actor, q: TraceQuery): Promise<{ ref: Reference; window: Window }> {
    if (q.incidentId) {
      for (const k of ['placeId', 'from', 'to'] as const) if (q[k] !== undefined) throw badWindow(`query.${k}`, 'is not used with an incidentId (the trace is at the time of the call)');
      const i = await findIncidentRow(platform.db, q.incidentId);
      if (!i || !can(actor, 'incidents:read', i.jurisdictionPath)) throw notFound('Incident');
      if (!can(actor, 'accountability:read', i.jurisdictionPath)) throw new AppError('FORBIDDEN', `You need accountability:read in ${i.jurisdictionPath}`);
      if (i.lon === null || i.lat === null) throw badWindow('query.incidentId', 'the incident was imported without a place; trace a place with from and to instead');
      const ref: Reference = { kind: 'incident', id: i.id, name: `${i.type} ${i.priority}${i.address ? `, ${i.address}` : ''}`, incident: { type: i.type, priority: i.priority, address: i.address ?? null }, jurisdictionPath: i.jurisdictionPath, location: [Number(i.lon), Number(i.lat)], tiers: i.tiers };
      return { ref, window: { from: i.receivedAt, to: i.receivedAt } };
    }
    if (!q.placeId) throw badWindow('query.incidentId', 'name an incident, or a place with from and to');
    if (!q.from || !q.to) throw badWindow(q.from ? 'query.to' : 'query.from', 'a place is traced over a window: give from and to');
    const window = { from: new Date(q.from), to: new Date(q.to) };
    if (window.to < window.from) throw badWindow('query.to', 'must not be before from');
    if (window.to.getTime() - window.from.getTime() > MAX_WINDOW_MS) throw badWindow('query.to', 'the window is at most 366 days');
    const p = await findPlace(platform.db, q.placeId);
    if (!p || !can(actor, 'places:read', p.jurisdictionPath)) throw notFound('Place');
    if (!can(actor, 'accountability:read', p.jurisdictionPath)) throw new AppError('FORBIDDEN', `You need accountability:read in ${p.jurisdictionPath}`);
    return { ref: { kind: 'place', id: p.id, name: p.name, jurisdictionPath: p.jurisdictionPath, location: p.location as [number, number] }, window };
  }

  const trace = async (actor: Actor, q: TraceQuery) => {
    const { ref, window } = await resolve(actor, q);
    return traceOf(platform.db, actor, ref, window, q.radiusM, platform.clock());
  };
  /** The export's words: the reader's language and zone, and every jurisdiction the trace names by its name. */
  const speech = async (t: AccountabilityTrace, q: TraceExportQuery): Promise<TraceSpeech> => {
    const paths = new Set([t.reference, ...t.hazards, ...t.tasks, ...t.directives, ...t.posts].map((x) => x.jurisdictionPath));
    return traceSpeech(q.lang, q.timeZone, await jurisdictionNamesOf(platform.db, [...paths]));
  };

  r.get('/accountability/trace', {
    schema: {
      operationId: 'getAccountabilityTrace', errors: ['TRACE_WINDOW_INVALID'], tags, querystring: TraceQuery, response: { 200: AccountabilityTrace },
      summary: 'What the record shows for an incident (or a place over a window): open hazards near it, overdue tasks and directives, missed tiers, responsible posts and their holders then; each line with its audit entries',
    },
    config: { access: 'accountability:read' },
  }, async (request) => trace(actorOf(request), request.query));

  // A trace cites audit entries by id; those who may read the trace may read what it cites (within their scope), auditors or not.
  r.get('/accountability/audit-entries', {
    schema: { operationId: 'listTraceAuditEntries', tags, summary: 'The audit entries a trace line cites, within my accountability scope', querystring: CitedAuditQuery, response: { 200: z.array(AuditEntry) } },
    config: { access: 'accountability:read' },
  }, async (request) => {
    const ids = [...new Set(request.query.ids.toLowerCase().split(','))];
    const list = await platform.db.select().from(auditLog)
      .where(and(inArray(auditLog.id, ids), auditScope(scopeRoots(actorOf(request), 'accountability:read'))))
      .orderBy(sql`${auditLog.seq} asc nulls last`, asc(auditLog.at), asc(auditLog.id));
    return list.map((e) => ({ ...e, at: e.at.toISOString() }));
  });

  r.get('/accountability/trace.csv', {
    schema: { operationId: 'getAccountabilityTraceCsv', errors: ['TRACE_WINDOW_INVALID'], tags, summary: 'The accountability trace as CSV, one line per fact, in the language and time zone asked for', querystring: TraceExportQuery },
    config: { access: 'accountability:read' },
  }, async (request, reply) => {
    const { lang, timeZone, ...q } = request.query;
    const t = await trace(actorOf(request), q);
    return sendCsv(reply, `trace-${t.reference.kind}-${t.reference.id}.csv`, traceCsv(t, await speech(t, { ...q, lang, timeZone }), csvField));
  });

  r.get('/accountability/trace.html', {
    schema: { operationId: 'getAccountabilityTraceHtml', errors: ['TRACE_WINDOW_INVALID'], tags, summary: 'The accountability trace as a printable page, in the language and time zone asked for', querystring: TraceExportQuery },
    config: { access: 'accountability:read' },
  }, async (request, reply) => {
    const { lang, timeZone, ...q } = request.query;
    const t = await trace(actorOf(request), q);
    return reply.type('text/html; charset=utf-8').send(traceHtml(t, await speech(t, { ...q, lang, timeZone })));
  });
}
