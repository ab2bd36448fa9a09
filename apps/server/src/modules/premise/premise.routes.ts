import { Premise, PREMISE_GOODS_RADIUS_M, PremiseQuery } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { goodsNear } from '../controlled-goods/index.js';
import { possibleDuplicates } from '../incidents/index.js';
import { premiseAt } from './premise.queries.js';

export async function premiseRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/intake/premise', {
    schema: {
      operationId: 'getPremiseAtIntake', tags: ['incidents'], querystring: PremiseQuery, response: { 200: Premise },
      summary: 'At intake, for a chosen location: its jurisdiction and who is on duty, key places and open hazards within 200 m, licensed dangerous goods held within 500 m, incidents within 50 m in the last 30 days, possible duplicates (with type)',
    },
    // Scoped as any read: each part lists only what the caller may read there (an empty part otherwise).
    config: { access: 'authenticated' },
  }, async (request) => {
    const { lon, lat, type } = request.query;
    const actor = actorOf(request);
    const now = platform.clock();
    const scope = {
      places: scopeRoots(actor, 'places:read'), hazards: scopeRoots(actor, 'hazards:read'), incidents: scopeRoots(actor, 'incidents:read'),
      units: scopeRoots(actor, 'units:read'), posts: scopeRoots(actor, 'jurisdictions:read'),
    };
    // The duplicates are the intake's existing query (same rule as GET /incidents/possible-duplicates), asked only
    // once the type is known; beside the statement, not after it (on a PostgreSQL pool they run at once).
    const [known, duplicates, dangerousGoods] = await Promise.all([
      premiseAt(platform.db, lon, lat, now, scope),
      type ? possibleDuplicates(platform.db, scope.incidents, { type, origin: 'live', lon, lat, receivedAt: now }, platform.config.duplicates) : null,
      goodsNear(platform.db, scope.places, { lon, lat, radiusMeters: PREMISE_GOODS_RADIUS_M }, now),
    ]);
    return { ...known, dangerousGoods, duplicates };
  });
}
