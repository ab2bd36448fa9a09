import type { AvlFix, Priority, UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Actor } from '../../platform/auth/access.js';
import type { CommandContext } from '../../platform/command.js';
import { rows } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { advanceAssignment, assignUnits, deploymentOsmExtract, deploymentRoadNetwork, detectArrivals, fleetOf, recommend, type ProfileGraphs } from '../dispatch/index.js';
import { closeIncident, findIncidentRow, openIncident } from '../incidents/index.js';
import { livePositionsOf, reportPositions, type LivePositions } from '../units/index.js';
import { sampleSeconds, sampleTravelFactor } from './calibration.js';
import { buildingsOf, Demand } from './demand.js';
import { drive, positionAt, type Movement } from './movement.js';
import { poisson, seeded } from './random.js';

type LonLat = [number, number];

export interface SimulatorOptions {
  /** Same seed, same database content and same ticks: the same incidents, units and routes. */
  seed: number;
  /** Incidents raised per hour on average (a Poisson process). */
  ratePerHour: number;
  /**
   * Where calls come from: `buildings` (default) at OSM buildings weighted by levels and at key
   * places (demand.ts); `key_places` only at key places (faster to start: no pass over the extract).
   */
  demand?: 'buildings' | 'key_places';
  /** The priority mix in percent (default demand.ts `PRIORITIES`): a run about P1 calls raises more of them. */
  priorities?: Record<Priority, number>;
}

export interface TickReport {
  raised: string[];
  dispatched: { incidentId: string; unitId: string }[];
  /** Assignments on scene this tick (by their AVL fixes, or by status when no road led there). */
  arrived: string[];
  /** Of those, the ones the product's arrival detection marked from the fixes. */
  arrivedByAvl: string[];
  cleared: string[];
  fixes: number;
}

interface LiveAssignment {
  id: string; incidentId: string; unitId: string; kind: UnitKind; state: string; priority: Priority;
  assignedAt: Date; onSceneAt: Date | null; lon: number; lat: number; homeLon: number; homeLat: number;
}

/** Incidents dispatched per tick at most (the rest wait for the next). */
const DISPATCH_PER_TICK = 20;

/**
 * The demo's life, calibrated: raises calls where people are (buildings and key places, demand.ts)
 * at a seeded rate; after a call-processing time drawn from the SF week's fit (calibration.ts)
 * sends the units the run card asks for, through the recommendation a dispatcher sees; each unit
 * turns out after a drawn turnout time, drives its road route in the route's time x a travel
 * factor posting AVL fixes, is put on scene by the product's arrival detection when its fix enters
 * the incident's radius, stays a drawn on-scene time, clears and drives home (available on the
 * way). All through the same commands as dispatchers and devices use, as the `simulator` system
 * actor. Its incidents are `origin = simulated`, which reports leave out unless asked for. It
 * moves only the units it sent to its own incidents. Call `tick()` on a timer (or an injected
 * clock in tests); the draws that are not in the database (due times, travel factors) are kept
 * in memory, so a restarted simulator draws them anew.
 */
export class Simulator {
  private readonly random: () => number;
  /** Incident -> when its call processing ends (the units are sent then). */
  private readonly dispatchDue = new Map<string, number>();
  /** Assignment -> when its crew has turned out (en route). */
  private readonly turnoutDue = new Map<string, number>();
  private readonly moving = new Map<string, Movement>();
  private readonly dwell = new Map<string, number>();
  /** Unit -> its drive home after clearing. */
  private readonly returning = new Map<string, Movement>();
  private lastTick: number | null = null;
  /** Half the last tick's length: a drawn step happens at the tick nearest its time (not the first after it), so ticks bias no figure. */
  private halfTick = 0;

  private constructor(
    private readonly platform: Platform,
    private readonly graphs: ProfileGraphs,
    private readonly ctx: CommandContext & { actor: Actor },
    private readonly demand: Demand,
    private readonly live: LivePositions,
    private readonly opts: SimulatorOptions,
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
    const buildings = options.demand === 'key_places' ? [] : await buildingsOf(deploymentOsmExtract(platform.config));
    const demand = new Demand(buildings, places.map((p) => ({ name: p.name, category: p.category, at: [Number(p.lon), Number(p.lat)] })), options.priorities);
    const live = livePositionsOf(platform);
    const fleet = fleetOf(platform);
    await Promise.all([live.ready(), fleet.ready()]);
    return new Simulator(platform, byProfile, { actor, requestId: null }, demand, live, options);
  }

  /** The road route a moving assignment follows (tests check the fixes against it). */
  routeOf(assignmentId: string): Movement | undefined {
    return this.moving.get(assignmentId);
  }

  async tick(): Promise<TickReport> {
    const now = this.platform.clock().getTime();
    const seconds = this.lastTick === null ? 0 : Math.max(0, (now - this.lastTick) / 1000);
    this.lastTick = now;
    this.halfTick = (seconds * 1000) / 2;
    const report: TickReport = { raised: [], dispatched: [], arrived: [], arrivedByAvl: [], cleared: [], fixes: 0 };
    const calls = poisson(this.random, (this.opts.ratePerHour / 3600) * seconds);
    for (let i = 0; i < calls; i++) {
      const id = await this.raise(now);
      if (id) report.raised.push(id);
    }
    await this.dispatchWaiting(now, report);
    await this.advanceUnits(now, report);
    return report;
  }

  private async raise(now: number): Promise<string | null> {
    const call = this.demand.draw(this.random);
    let at: LonLat;
    try {
      const snapped = this.graphs.car.snapper.snap(call.at).point; // the street the crews drive to
      at = [snapped[0], snapped[1]];
    } catch {
      return null; // no road near: no call from here this time
    }
    try {
      const incident = await openIncident(this.platform.command, this.ctx, {
        type: call.type, priority: call.priority, location: at, address: call.address, narrative: `Simulated call (seed ${this.opts.seed})`,
      }, this.platform.config.responseTiers, 'simulated');
      this.dispatchDue.set(incident.id, now + sampleSeconds(this.random, 'callProcessing', call.priority) * 1000);
      return incident.id;
    } catch (err) {
      if (err instanceof AppError && err.code === 'NO_JURISDICTION_AT_POINT') return null; // over the border
      throw err;
    }
  }

  /**
   * Sends units to the simulated calls whose call processing is over: the recommendation a
   * dispatcher would see (run card in force, else the type's default card), every unit it puts in
   * a slot of the card; with no slot filled, the fastest unit offered. A call nothing can reach
   * waits for the next tick (its units are all busy).
   */
  private async dispatchWaiting(now: number, report: TickReport): Promise<void> {
    // Never in the tick the call came in: a step rounds to the nearest tick, but not to none.
    const waiting = await rows<{ id: string; priority: Priority }>(this.platform.db, sql`
      select i.id, i.priority from incidents i
      where i.origin = 'simulated' and i.state = 'open' and i.received_at < ${new Date(now)} and not exists (select 1 from assignments a where a.incident_id = i.id)
      order by i.received_at, i.id`);
    let sent = 0;
    for (const w of waiting) {
      if (!this.dispatchDue.has(w.id)) this.dispatchDue.set(w.id, now + sampleSeconds(this.random, 'callProcessing', w.priority) * 1000);
      if (this.dispatchDue.get(w.id)! > now + this.halfTick || sent >= DISPATCH_PER_TICK) continue;
      const incident = await findIncidentRow(this.platform.db, w.id);
      if (!incident) continue;
      const answer = await recommend(this.platform.db, this.graphs, fleetOf(this.platform), this.ctx.actor, incident, new Date(now), { limit: 20 });
      const reachable = answer.items.filter((i) => i.etaSeconds !== null);
      const carded = reachable.filter((i) => i.planSlot !== null);
      const chosen = carded.length > 0 ? carded : reachable.slice(0, 1);
      if (chosen.length === 0) continue;
      const etas = new Map(chosen.map((i) => [i.unitId, i.etaSeconds]));
      try {
        await assignUnits(this.platform.command, this.ctx, w.id, { unitIds: chosen.map((i) => i.unitId), recommendedUnitIds: answer.items.map((i) => i.unitId) }, async () => etas);
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // taken meanwhile by a dispatcher: try again next tick
        continue;
      }
      sent++;
      this.dispatchDue.delete(w.id);
      for (const i of chosen) {
        report.dispatched.push({ incidentId: w.id, unitId: i.unitId });
        this.returning.delete(i.unitId);
      }
    }
  }

  private whereIs(unitId: string, home: LonLat): LonLat {
    const fix = this.live.get(unitId);
    return fix ? [fix.lon, fix.lat] : home;
  }

  private step(id: string, action: 'acknowledge' | 'en_route' | 'on_scene' | 'clear') {
    return advanceAssignment(this.platform.command, this.ctx, id, { action }, {
      radiusMetres: this.platform.config.arrivalRadiusMetres, staleSeconds: this.platform.config.avlStaleSeconds,
    });
  }

  private async advanceUnits(now: number, report: TickReport): Promise<void> {
    const live = await rows<LiveAssignment>(this.platform.db, sql`
      select a.id, a.incident_id as "incidentId", a.unit_id as "unitId", u.kind, a.state, i.priority, a.assigned_at as "assignedAt", a.on_scene_at as "onSceneAt",
        ST_X(i.location) as lon, ST_Y(i.location) as lat, ST_X(u.home_location) as "homeLon", ST_Y(u.home_location) as "homeLat"
      from assignments a join incidents i on i.id = a.incident_id join units u on u.id = a.unit_id
      where i.origin = 'simulated' and a.state in ('assigned', 'acknowledged', 'en_route', 'on_scene') order by a.id`);
    const fixes: AvlFix[] = [];
    const at = new Date(now).toISOString();
    const arrivals: { assignmentId: string; fix: AvlFix }[] = [];
    for (const a of live) {
      this.returning.delete(a.unitId);
      if (a.state === 'on_scene') {
        await this.clearWhenDone(a, now, report);
        continue;
      }
      if (a.state === 'assigned') await this.step(a.id, 'acknowledge');
      if (a.state !== 'en_route') {
        if (!this.turnoutDue.has(a.id)) this.turnoutDue.set(a.id, new Date(a.assignedAt).getTime() + sampleSeconds(this.random, 'turnout', a.priority) * 1000);
        // The crew is still turning out (and never sets off in the tick it was sent).
        if (this.turnoutDue.get(a.id)! > now + this.halfTick || new Date(a.assignedAt).getTime() >= now) continue;
        await this.step(a.id, 'en_route');
        this.turnoutDue.delete(a.id);
      }
      let m = this.moving.get(a.id);
      if (!m) {
        const from = this.whereIs(a.unitId, [Number(a.homeLon), Number(a.homeLat)]);
        m = drive(this.graphs, a.kind, from, [Number(a.lon), Number(a.lat)], now, sampleTravelFactor(this.random)) ?? undefined;
        if (!m) {
          await this.step(a.id, 'on_scene'); // no road between them: it gets there off-road, the crew says so
          report.arrived.push(a.id);
          continue;
        }
        this.moving.set(a.id, m);
      }
      const where = positionAt(m, now);
      const fix: AvlFix = { unitId: a.unitId, location: where.at, at: where.arrivedAt === null ? at : new Date(where.arrivedAt).toISOString() };
      fixes.push(fix);
      if (where.arrivedAt !== null) arrivals.push({ assignmentId: a.id, fix });
    }
    for (const [unitId, m] of this.returning) {
      const where = positionAt(m, now);
      fixes.push({ unitId, location: where.at, at: where.arrivedAt === null ? at : new Date(where.arrivedAt).toISOString() });
      if (where.arrivedAt !== null) this.returning.delete(unitId);
    }
    await this.post(fixes, report);
    if (arrivals.length === 0) return;
    // The product's arrival detection, run at once on the arriving fixes (its outbox consumer would find them marked).
    const marked = new Set(await detectArrivals(this.platform.command, { radiusMetres: this.platform.config.arrivalRadiusMetres }, arrivals.map((x) => x.fix)));
    for (const x of arrivals) {
      this.moving.delete(x.assignmentId);
      if (marked.has(x.assignmentId)) report.arrivedByAvl.push(x.assignmentId);
      else {
        // The route ends farther than the radius from the incident (a scene off the road network), or the product's
        // outbox consumer detected the arrival from the same fixes first: then it is an AVL arrival all the same.
        const [s] = await rows<{ state: string; source: string | null }>(this.platform.db, sql`select state, arrival_source as source from assignments where id = ${x.assignmentId}`);
        if (s?.state === 'on_scene' && s.source === 'avl') report.arrivedByAvl.push(x.assignmentId);
        else if (s?.state !== 'on_scene') await this.step(x.assignmentId, 'on_scene');
      }
      report.arrived.push(x.assignmentId);
    }
  }

  /** Clears a unit once its drawn on-scene time is over, sends it home, and closes the incident when its last unit cleared. */
  private async clearWhenDone(a: LiveAssignment, now: number, report: TickReport): Promise<void> {
    const since = a.onSceneAt ? new Date(a.onSceneAt).getTime() : now;
    if (!this.dwell.has(a.id)) this.dwell.set(a.id, sampleSeconds(this.random, 'onScene', a.priority) * 1000);
    if (now - since < this.dwell.get(a.id)!) return;
    await this.step(a.id, 'clear');
    this.dwell.delete(a.id);
    this.moving.delete(a.id);
    report.cleared.push(a.id);
    const home = drive(this.graphs, a.kind, this.whereIs(a.unitId, [Number(a.lon), Number(a.lat)]), [Number(a.homeLon), Number(a.homeLat)], now, sampleTravelFactor(this.random));
    if (home) this.returning.set(a.unitId, home);
    try {
      await closeIncident(this.platform.command, this.ctx, a.incidentId, { disposition: 'resolved' });
    } catch (err) {
      if (!(err instanceof AppError && (err.code === 'INCIDENT_UNITS_COMMITTED' || err.code === 'INCIDENT_CLOSED'))) throw err;
    }
  }

  private async post(fixes: AvlFix[], report: TickReport): Promise<void> {
    if (fixes.length === 0) return;
    await reportPositions(this.platform.command, this.ctx, { fixes }, this.live);
    report.fixes += fixes.length;
  }
}

/** The simulator's actor id in audit rows and `created_by` (no staff account behind it). */
export const SIMULATOR_ID = '00000000-0000-7000-8000-000000051300';
