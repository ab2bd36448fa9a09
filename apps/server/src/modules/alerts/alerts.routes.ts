import { AlertReceipt, AlertReceiptsQuery, MarkAlertsBody, MarkAlertsResult } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField } from '../../errors.js';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { receiptsOf } from './alerts.queries.js';
import { markAlerts } from './mark-alerts.js';

/** Receipts older than this are not asked for: the alerts' catch-up reaches 7 days back. */
const MAX_BACK_MS = 8 * 24 * 3_600_000;

export async function alertRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];

  r.get('/alerts/receipts', {
    schema: { operationId: 'listAlertReceipts', tags, summary: 'The alerts I have seen (as a toast) or read, on any device, since a time', querystring: AlertReceiptsQuery, response: { 200: z.array(AlertReceipt) } },
    config: { access: 'authenticated' },
  }, async (request) => {
    const since = new Date(request.query.since);
    if (platform.clock().getTime() - since.getTime() > MAX_BACK_MS) {
      throw invalidField('query.since', 'at most 8 days back');
    }
    return receiptsOf(platform.db, actorOf(request).id, since);
  });

  r.post('/alerts/receipts', {
    schema: { operationId: 'markAlertsSeen', tags, summary: 'Mark alerts seen (claims their toast: the answer says which no device had seen) or read; send an Idempotency-Key', body: MarkAlertsBody, response: { 200: MarkAlertsResult } },
    config: { access: 'authenticated' },
  }, async (request) => markAlerts(platform.command, commandContext(request), request.body));
}
