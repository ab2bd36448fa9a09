import { LiveCoverage, LiveCoverageQuery, PlacementRequest, PlacementResult } from '@firebreak/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { canAnywhere, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork } from '../dispatch/index.js';
import { visibleJurisdiction } from '../jurisdictions/index.js';
import { keyPlacePoints } from '../places/index.js';
import { listUnitRows, livePositionsOf } from '../units/index.js';
import { liveCoverage } from './live-coverage.js';
import { planPlacement } from './plan-placement.js';

/** A national fleet; past this the answer would leave units out, so it is refused rather than silently partial. */
const MAX_UNITS = 20_000;

export async function coverageRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const live = livePositionsOf(platform);

  r.get('/coverage', {
    schema: {
      operationId: 'getLiveCoverage', tags: ['coverage'], querystring: LiveCoverageQuery, response: { 200: LiveCoverage },
      errors: ['FORBIDDEN', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
      summary: 'Live 1-3-5 coverage: the share of key places the available units reach by road within 1, 3 and 5 minutes now, and the uncovered places',
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    // LiveCoverage is by the units I may see: without units:read it would be a guess.
    if (!canAnywhere(actor, 'units:read')) throw new AppError('FORBIDDEN', 'You need the units:read permission');
    const j = q.jurisdictionId === undefined ? null : await visibleJurisdiction(platform.db, actor, 'places:read', q.jurisdictionId);
    const [{ graph }, placePoints] = await Promise.all([
      deploymentRoadNetwork(platform.config),
      keyPlacePoints(platform.db, { roots: scopeRoots(actor, 'places:read'), underPath: j?.path, category: q.category }),
      live.ready(),
    ]);
    // Units from anywhere I may see: a school by a border is covered by the neighbour's patrol too.
    const { rows, nextCursor } = await listUnitRows(platform.db, { roots: scopeRoots(actor, 'units:read'), dispatchable: true, kind: q.unitKind, limit: MAX_UNITS });
    if (nextCursor !== null) throw new AppError('PAYLOAD_TOO_LARGE', `More than ${MAX_UNITS} available units in scope; ask for one unit kind (unitKind)`);
    const now = platform.clock();
    const unitsAt = rows.map((u) => {
      const fix = live.get(u.id);
      return { id: u.id, callSign: u.callSign, lon: fix ? fix.lon : Number(u.homeLon), lat: fix ? fix.lat : Number(u.homeLat) };
    });
    return {
      computedAt: now.toISOString(),
      jurisdiction: j ? { id: j.id, path: j.path, name: j.name } : null,
      categories: q.category ?? null,
      ...liveCoverage(graph, unitsAt, placePoints),
    };
  });

  r.post('/coverage/placements', {
    schema: {
      operationId: 'planPlacement', tags: ['coverage'], body: PlacementRequest, response: { 200: PlacementResult },
      errors: ['NOT_FOUND', 'PLACEMENT_MODEL_INVALID', 'PLACEMENT_TOO_LARGE'],
      summary: 'Where p patrol posts should stand: MCLP (most demand within T minutes) or p-median (least weighted travel time) over stations, key places and drawn points; exact (HiGHS) or heuristic with its gap',
    },
    config: { access: 'places:read' },
  }, async (request) => {
    const actor = actorOf(request);
    const body = request.body;
    const j = body.jurisdictionId === undefined ? null : await visibleJurisdiction(platform.db, actor, 'places:read', body.jurisdictionId);
    const [{ graph }, placePoints] = await Promise.all([
      deploymentRoadNetwork(platform.config),
      keyPlacePoints(platform.db, { roots: scopeRoots(actor, 'places:read'), underPath: j?.path }),
    ]);
    return planPlacement(graph, body, placePoints);
  });
}
