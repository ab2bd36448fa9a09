import { IsochroneQuery, Isochrones } from '@firebreak/contracts';
import type { RoadGraph, Snapped } from '@firebreak/roadgraph';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, invalidField } from '../../errors.js';
import { canAnywhere, scopeRoots } from '../../platform/auth/access.js';
import { actorOf } from '../../platform/auth/guard.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork, travelGraphOf } from '../dispatch/index.js';
import { listUnitRows, livePositionsOf } from '../units/index.js';
import { ringsFromUnits, ringsToPlace, snapPlace } from './rings.js';

/** Coverage of more units than this is a planning question, not a map layer. */
const MAX_UNITS = 500;

export async function reachabilityRoutes(app: FastifyInstance, { platform }: { platform: Platform }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const live = livePositionsOf(platform);

  r.get('/isochrones', {
    schema: {
      operationId: 'getIsochrones', tags: ['map'], querystring: IsochroneQuery, response: { 200: Isochrones },
      summary: 'Reachability rings: from where a unit reaches the place within each number of minutes (from=place), or what the available units I may see reach (from=units)',
    },
    config: { access: 'authenticated' },
  }, async (request) => {
    const actor = actorOf(request);
    const { lat, lon, minutes, from } = request.query;
    const { graph, byProfile } = await deploymentRoadNetwork(platform.config);
    const computedAt = platform.clock().toISOString();
    if (from === 'units') {
      if (!canAnywhere(actor, 'units:read')) throw new AppError('FORBIDDEN', 'You need the units:read permission');
      await live.ready();
      const { rows } = await listUnitRows(platform.db, { roots: scopeRoots(actor, 'units:read'), dispatchable: true, limit: MAX_UNITS });
      const origins = rows.map((u) => {
        const fix = live.get(u.id);
        const at: [number, number] = fix ? [fix.lon, fix.lat] : [Number(u.homeLon), Number(u.homeLat)];
        try {
          // Snapped on the car's graph (every kind drives it), timed on the unit kind's.
          return { at: graph.snapper.snap(at), graph: travelGraphOf(byProfile, u.kind) };
        } catch {
          return null; // a unit off the road network reaches nothing by road
        }
      }).filter((s): s is { at: Snapped; graph: RoadGraph } => s !== null);
      const features = await ringsFromUnits(platform.db, origins, minutes);
      return { type: 'FeatureCollection' as const, features, snapped: null, units: origins.length, computedAt };
    }
    if (lat === undefined) throw invalidField('query.lat', 'required (the place), unless from=units');
    if (lon === undefined) throw invalidField('query.lon', 'required (the place), unless from=units');
    const place = snapPlace(graph, [lon, lat]);
    return { type: 'FeatureCollection' as const, features: ringsToPlace(graph, place, minutes), snapped: [place.point[0], place.point[1]] as [number, number], units: null, computedAt };
  });
}
