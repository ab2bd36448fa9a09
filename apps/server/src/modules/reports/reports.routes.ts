import { ResponseBreakdownQuery, ResponseBreakdownReport } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidField, notFound } from '../../errors.js';
import { can, type Actor } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { findJurisdiction } from '../jurisdictions/index.js';
import { responseBreakdown, type BreakdownScope } from './response-breakdown.js';
import { responseBreakdownCsv } from './response-breakdown-csv.js';
import { sendCsv } from '../../platform/http/csv-download.js';

export async function reportRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  /** The scope of a report: a jurisdiction I may read incidents of (else 404, as if it did not exist) and a forward period. */
  const scopeOf = async (actor: Actor, q: ResponseBreakdownQuery): Promise<BreakdownScope> => {
    const [from, to] = [new Date(q.from), new Date(q.to)];
    if (from >= to) throw invalidField('query.to', 'must be after from');
    const j = await findJurisdiction(platform.db, q.jurisdictionId);
    if (!j || !can(actor, 'incidents:read', j.path)) throw notFound('Jurisdiction');
    const depth = j.path.split('.').length;
    return {
      jurisdiction: { id: j.id, path: j.path, name: j.name },
      from, to, origin: q.origin, by: q.by, within: q.within,
      // Grouping above the jurisdiction asked for would be one group: the jurisdiction itself.
      level: Math.max(q.level ?? depth + 1, depth),
    };
  };

  r.get('/reports/response-times/breakdown', {
    schema: {
      operationId: 'getResponseTimesBreakdown',
      tags,
      summary: 'Response times by priority, incident type, jurisdiction or unit kind: call processing, turnout, travel and total (p50/p90, % within N s) and the tiers',
      querystring: ResponseBreakdownQuery,
      response: { 200: ResponseBreakdownReport },
    },
    config: { access: 'incidents:read' },
  }, async (request) => responseBreakdown(platform.db, await scopeOf(actorOf(request), request.query)));

  r.get('/reports/response-times/breakdown.csv', {
    schema: { operationId: 'getResponseTimesBreakdownCsv', tags, summary: 'The response-times breakdown as CSV (one line per group and measure)', querystring: ResponseBreakdownQuery },
    config: { access: 'incidents:read' },
  }, async (request, reply) => {
    const report = await responseBreakdown(platform.db, await scopeOf(actorOf(request), request.query));
    return sendCsv(reply, `response-times-by-${report.by}-${report.jurisdictionPath}.csv`, responseBreakdownCsv(report));
  });
}
