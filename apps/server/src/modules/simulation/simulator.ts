import type { AvlFix, IncidentType, Priority, UnitKind } from '@firebreak/contracts';
import { route, type Route } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandContext } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { advanceAssignment, assignUnits, deploymentRoadNetwork, travelProfileOf, travelTimes, type ProfileGraphs } from '../dispatch/index.js';
import { closeIncident, openIncident } from '../incidents/index.js';
import { listUnitRows, livePositionsOf, reportPositions, type LivePositions } from '../units/index.js';
import { offset, pointAlong } from './along-route.js';
import { pick, poisson, seeded, weighted } from './random.js';

type LonLat = [number, number];

export interface SimulatorOptions {
  /** Same seed, same database content and same ticks: the same incidents, units and routes. */
  seed: number;
  /** Incidents raised per hour on average (a Poisson process). */
  ratePerHour: number;
  /** Seconds from a simulated call to the simulator sending a unit. */
  dispatchDelaySeconds?: number;
  /** Minutes a unit stays on scene before it clears: drawn between these. */
  onSceneMinutes?: [min: number, max: number];
}

export interface TickReport {
  raised: string[];
  dispatched: { incidentId: string; unitId: string }[];
  arrived: string[];
  cleared: string[];
  fixes: number;
}

/** What kind of call is plausible at a kind of place. */
const TYPES_AT: Record<string, IncidentType[]> = {
  school: ['campus_incident', 'medical', 'fire'],
  kindergarten: ['campus_incident', 'medical'],
  hospital: ['medical', 'fire'],
  fuel_station: ['fire', 'hazmat_leak', 'traffic_accident'],
  hazardous_chemicals: ['hazmat_leak', 'fire', 'explosion'],
  explosives_magazine: ['explosion', 'fire'],
  crowded_place: ['public_disorder', 'medical', 'violent_crime'],
  road_black_spot: ['traffic_accident'],
};
const OTHER_TYPES: IncidentType[] = ['traffic_accident', 'medical', 'fire', 'rescue', 'other'];
const PRIORITIES: Record<Priority, number> = { P1: 15, P2: 35, P3: 35, P4: 15 };
/** Which kind of unit the simulator sends first to each type of call. */
const FIRST_KIND: Partial<Record<IncidentType, UnitKind>> = {
  fire: 'fire_engine', explosion: 'fire_engine', hazmat_leak: 'fire_engine', rescue: 'fire_engine', medical: 'ambulance',
};

interface Movement { route: Route; line: LonLat[]; startedAt: number }

/**
 * The demo's life: raises incidents at plausible places (beside a road near a key place) at a
 * seeded rate, sends the fastest fitting unit to each, drives it along its road route by posting
 * AVL fixes, and steps it en route, on scene and clear — all through the same commands as
 * dispatchers and devices use (intake, assignment, assignment steps, AVL batches), acting as the
 * `simulator` system actor. Its incidents are `origin = simulated`, which reports leave out
 * unless asked for. It moves only the units it sent to its own incidents. Call `tick()` on a
 * timer (or an injected clock in tests); all state worth keeping is in the database, so a
 * restarted simulator picks up the units on their way from where they are.
 */
export class Simulator {
  private readonly random: () => number;
  private readonly moving = new Map<string, Movement>();
  private readonly dwell = new Map<string, number>();
  private lastTick: number | null = null;

  private constructor(
    private readonly platform: Platform,
    private readonly graphs: ProfileGraphs,
    private readonly ctx: CommandContext & { actor: Actor },
    private readonly places: { name: string; category: string; at: LonLat }[],
    private readonly live: LivePositions,
    private readonly opts: Required<SimulatorOptions>,
  ) {
    this.random = seeded(opts.seed);
  }

  static async start(platform: Platform, options: SimulatorOptions): Promise<Simulator> {
    const { byProfile } = await deploymentRoadNetwork(platform.config);
    const [root] = await rows<{ id: string; path: string; name: string }>(platform.db, sql`select id, path::text as path, name from jurisdictions where parent_id is null order by path limit 1`);
    if (!root) throw new Error('the simulator needs a jurisdiction tree (start the demo first)');
    const grant = { jurisdictionId: root.id, path: root.path, jurisdictionName: root.name };
    const actor: Actor = {
      id: SIMULATOR_ID, username: 'simulator', displayName: 'Simulator', kind: 'device', via: { kind: 'system' },
      grants: [{ id: SIMULATOR_ID, role: 'administrator', ...grant }, { id: SIMULATOR_ID, role: 'unit_member', ...grant }],
    };
    // Sorted by their OSM identity, not by our ids: the same places in the same order in every database.
    const places = await rows<{ name: string; category: string; lon: number; lat: number }>(platform.db, sql`
      select name, category, ST_X(location) as lon, ST_Y(location) as lat from places order by osm_type nulls last, osm_id nulls last, name`);
    if (places.length === 0) throw new Error('the simulator needs key places to raise incidents near');
    return new Simulator(platform, byProfile, { actor, requestId: null }, places.map((p) => ({ name: p.name, category: p.category, at: [Number(p.lon), Number(p.lat)] })), livePositionsOf(platform), {
      dispatchDelaySeconds: 45, onSceneMinutes: [5, 20], ...options,
    });
  }

  /** Closes the incident once its last unit has cleared, as a dispatcher would. */
  private async closeWhenDone(incidentId: string): Promise<void> {
    try {
      await closeIncident(this.platform.command, this.ctx, incidentId, { disposition: 'resolved' });
    } catch (err) {
      if (!(err instanceof AppError && (err.code === 'INCIDENT_UNITS_COMMITTED' || err.code === 'INCIDENT_CLOSED'))) throw err;
    }
  }

  /** The road route a moving assignment follows (tests check the fixes against it). */
  routeOf(assignmentId: string): Route | undefined {
    return this.moving.get(assignmentId)?.route;
  }

  async tick(): Promise<TickReport> {
    const now = this.platform.clock().getTime();
    const seconds = this.lastTick === null ? 0 : Math.max(0, (now - this.lastTick) / 1000);
    this.lastTick = now;
    const report: TickReport = { raised: [], dispatched: [], arrived: [], cleared: [], fixes: 0 };
    const calls = poisson(this.random, (this.opts.ratePerHour / 3600) * seconds);
    for (let i = 0; i < calls; i++) {
      const id = await this.raise();
      if (id) report.raised.push(id);
    }
    await this.dispatchWaiting(now, report);
    await this.advanceUnits(now, report);
    return report;
  }

  private async raise(): Promise<string | null> {
    const place = pick(this.random, this.places);
    const near = offset(place.at, 30 + this.random() * 220, this.random() * 2 * Math.PI);
    const type = pick(this.random, TYPES_AT[place.category] ?? OTHER_TYPES);
    const priority = weighted(this.random, PRIORITIES);
    let at: LonLat;
    try {
      const snapped = this.graphs.car.snapper.snap(near).point;
      at = [snapped[0], snapped[1]];
    } catch {
      return null; // no road near: no call from here this time
    }
    try {
      const incident = await openIncident(this.platform.command, this.ctx, {
        type, priority, location: at, address: `near ${place.name}`, narrative: `Simulated call (seed ${this.opts.seed})`,
      }, this.platform.config.responseTiers, 'simulated');
      return incident.id;
    } catch (err) {
      if (err instanceof AppError && err.code === 'NO_JURISDICTION_AT_POINT') return null; // over the border
      throw err;
    }
  }

  private async dispatchWaiting(now: number, report: TickReport): Promise<void> {
    const waiting = await rows<{ id: string; type: IncidentType; lon: number; lat: number }>(this.platform.db, sql`
      select i.id, i.type, ST_X(i.location) as lon, ST_Y(i.location) as lat from incidents i
      where i.origin = 'simulated' and i.state = 'open' and i.received_at <= ${new Date(now - this.opts.dispatchDelaySeconds * 1000)}
        and not exists (select 1 from assignments a where a.incident_id = i.id)
      order by i.received_at, i.id limit 20`);
    if (waiting.length === 0) return;
    const root = this.ctx.actor.grants[0]!.path;
    const { rows: free } = await listUnitRows(this.platform.db, { roots: [root], dispatchable: true, limit: 5000 });
    const pool = free.sort((a, b) => a.callSign.localeCompare(b.callSign));
    const taken = new Set<string>();
    for (const inc of waiting) {
      const scene: LonLat = [Number(inc.lon), Number(inc.lat)];
      const open = pool.filter((u) => !taken.has(u.id));
      const wanted = FIRST_KIND[inc.type] ?? 'patrol_car';
      const candidates = open.some((u) => u.kind === wanted) ? open.filter((u) => u.kind === wanted) : open;
      if (candidates.length === 0) return;
      const etas = travelTimes(this.graphs, candidates.map((u) => ({ at: this.whereIs(u.id, [Number(u.homeLon), Number(u.homeLat)]), kind: u.kind })), scene);
      let best = -1;
      for (const [i, eta] of etas.entries()) if (eta !== null && (best < 0 || eta < etas[best]!)) best = i;
      if (best < 0) continue;
      const unit = candidates[best]!;
      try {
        await assignUnits(this.platform.command, this.ctx, inc.id, { unitIds: [unit.id] }, async () => new Map([[unit.id, etas[best]!]]));
        taken.add(unit.id);
        report.dispatched.push({ incidentId: inc.id, unitId: unit.id });
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // taken meanwhile by a dispatcher: try again next tick
      }
    }
  }

  private whereIs(unitId: string, home: LonLat): LonLat {
    const fix = this.live.get(unitId);
    return fix ? [fix.lon, fix.lat] : home;
  }

  private async advanceUnits(now: number, report: TickReport): Promise<void> {
    const live = await rows<{ id: string; incidentId: string; unitId: string; kind: UnitKind; state: string; onSceneAt: Date | null; lon: number; lat: number; homeLon: number; homeLat: number }>(this.platform.db, sql`
      select a.id, a.incident_id as "incidentId", a.unit_id as "unitId", u.kind, a.state, a.on_scene_at as "onSceneAt", ST_X(i.location) as lon, ST_Y(i.location) as lat,
        ST_X(u.home_location) as "homeLon", ST_Y(u.home_location) as "homeLat"
      from assignments a join incidents i on i.id = a.incident_id join units u on u.id = a.unit_id
      where i.origin = 'simulated' and a.state in ('assigned', 'acknowledged', 'en_route', 'on_scene') order by a.id`);
    const fixes: AvlFix[] = [];
    const at = new Date(now).toISOString();
    const step = (id: string, action: 'acknowledge' | 'en_route' | 'on_scene' | 'clear') => advanceAssignment(this.platform.command, this.ctx, id, { action });
    for (const a of live) {
      const scene: LonLat = [Number(a.lon), Number(a.lat)];
      if (a.state === 'on_scene') {
        const since = a.onSceneAt ? new Date(a.onSceneAt).getTime() : now;
        if (!this.dwell.has(a.id)) this.dwell.set(a.id, this.minutesOnScene() * 60_000);
        if (now - since >= this.dwell.get(a.id)!) {
          await step(a.id, 'clear');
          this.dwell.delete(a.id);
          this.moving.delete(a.id);
          report.cleared.push(a.id);
          await this.closeWhenDone(a.incidentId);
        }
        continue;
      }
      if (a.state === 'assigned') await step(a.id, 'acknowledge');
      if (a.state !== 'en_route') await step(a.id, 'en_route');
      let m = this.moving.get(a.id);
      if (!m) {
        const from = this.whereIs(a.unitId, [Number(a.homeLon), Number(a.homeLat)]);
        try {
          // Snapped on the car's graph (every profile drives it), driven on the unit's profile.
          const snapper = this.graphs.car.snapper;
          const r = route(this.graphs[travelProfileOf(a.kind)], snapper.snap(from), snapper.snap(scene));
          m = { route: r, line: r.geometry.coordinates as LonLat[], startedAt: now };
        } catch {
          await step(a.id, 'on_scene'); // no road between them: it gets there off-road
          report.arrived.push(a.id);
          continue;
        }
        this.moving.set(a.id, m);
      }
      const share = m.route.time > 0 ? (now - m.startedAt) / 1000 / m.route.time : 1;
      const [lon, lat] = pointAlong(m.line, share);
      fixes.push({ unitId: a.unitId, location: [lon, lat], at });
      if (share >= 1) {
        await this.post(fixes.splice(0), report);
        await step(a.id, 'on_scene');
        report.arrived.push(a.id);
      }
    }
    await this.post(fixes, report);
  }

  private async post(fixes: AvlFix[], report: TickReport): Promise<void> {
    if (fixes.length === 0) return;
    await reportPositions(this.platform.command, this.ctx, { fixes }, this.live);
    report.fixes += fixes.length;
  }

  private minutesOnScene(): number {
    const [lo, hi] = this.opts.onSceneMinutes;
    return lo + this.random() * (hi - lo);
  }
}

/** The simulator's actor id in audit rows and `created_by` (no staff account behind it). */
export const SIMULATOR_ID = '00000000-0000-7000-8000-000000051300';
