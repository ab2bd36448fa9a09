import { ClosedDaysList, ClosedDaysQuery, PutClosedDaysBody } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/guard.js';
import { commandContext } from '../../platform/http/context.js';
import type { Platform } from '../../platform/kernel.js';
import { visibleJurisdiction } from '../jurisdictions/index.js';
import { closedDaysList, localDate } from './closed-days.js';
import { setClosedDays } from './set-closed-days.js';

const JurisdictionParams = z.strictObject({ jurisdictionId: z.uuid() });

/** Closed days (public and school holidays) per jurisdiction and year, read by coverage windows and transport permits. */
export async function closedDayRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/coverage/closed-days/:jurisdictionId', {
    schema: {
      operationId: 'getClosedDays', tags: ['coverage'], params: JurisdictionParams, querystring: ClosedDaysQuery, response: { 200: ClosedDaysList }, errors: ['NOT_FOUND'],
      summary: "A jurisdiction's closed days for a year (public and school holidays: its own, and those set above it that apply here too)",
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'places:read', request.params.jurisdictionId);
    const year = request.query.year ?? Number(localDate(platform.clock(), platform.config.timeZone).slice(0, 4));
    return closedDaysList(platform.db, j, year);
  });

  r.put('/coverage/closed-days/:jurisdictionId', {
    schema: {
      operationId: 'setClosedDays', tags: ['coverage'], params: JurisdictionParams, body: PutClosedDaysBody, response: { 200: ClosedDaysList },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
      summary: "Replace a jurisdiction's closed days for a year (units:manage, as its coverage settings): public and school holidays closing the places of their categories in its subtree",
    },
    config: { access: 'units:manage' },
  }, async (request) => {
    const j = await visibleJurisdiction(platform.db, actorOf(request), 'places:read', request.params.jurisdictionId);
    return setClosedDays(platform.command, commandContext(request), j, request.body);
  });
}
