import type { Unit, UnitKind, UnitStatus } from '@firebreak/contracts';
import type { Profile, RoadGraph, Snapped } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { prepareFleet, timesByPrepared, type PreparedFleet, type PreparedTimes } from './prepared-fleet.js';
import { canBeDispatched, findUnitRows, livePositionsOf, type LiveFix, type LivePositions } from '../units/index.js';

/** A unit as recommendation needs it, with its positions already snapped to the road. */
export interface FleetUnit {
  readonly id: string;
  callSign: string;
  kind: UnitKind;
  jurisdictionPath: string;
  status: UnitStatus;
  onDuty: boolean;
  capabilities: string[];
  /** The row's version: an event or row older than what is held is ignored. */
  version: number;
  home: [number, number];
  /** The home on the road: undefined = not snapped yet, null = too far from any road. */
  homeSnap: Snapped | null | undefined;
  /** The newest AVL fix on the road, and the time of the fix it was snapped from. */
  fixSnap: Snapped | null;
  fixSnapAt: number;
}

export type PositionSource = 'avl' | 'avl_stale' | 'home';

interface UnitFields {
  id: string;
  callSign: string;
  kind: UnitKind;
  jurisdictionPath: string;
  status: UnitStatus;
  onDuty: boolean;
  capabilities: string[];
  version: number;
  homeLon: number;
  homeLat: number;
}

/** Everything is reread now and then, for writers that bypass the events (there should be none). */
const RECONCILE_MS = 60_000;
/**
 * New fixes are snapped in the background, at most SNAP_BATCH every SNAP_EVERY_MS (a snap costs
 * 5-20 µs: snapping every fix at 50,000 fixes/s would take a core). Whatever is still waiting when
 * a recommendation needs it is snapped then.
 */
const SNAP_EVERY_MS = 100;
const SNAP_BATCH = 200;
/**
 * The fleet's road positions are prepared for many-to-one queries (RPHAST: the sweep restricted
 * to what the positions reach upwards in the hierarchy) in the background, at most this often
 * when positions changed. A recommendation takes the times of the units still where they were
 * prepared from it (a few ms on a 1M-node graph whatever the cutoff), and of the units that moved
 * since from the same query's destination costs (`preparedSecondsTo`); it searches from the
 * incident only before anything is prepared, or for a profile none was (recommend.ts, widen.ts).
 */
const PREPARE_EVERY_MS = 1000;
/** Longest slice of a background preparation between two turns of the event loop. */
const PREPARE_SLICE_MS = 4;

/**
 * Below this speed an AVL heading says where the vehicle points, not where it drives (GPS
 * headings wander when standing still): snapping ignores it.
 */
const HEADING_MIN_KMH = 5;

/** The road position of a point; with the heading of a moving unit, the road it drives along. */
export function snapOrNull(graph: RoadGraph, at: [number, number], fix?: Pick<LiveFix, 'heading' | 'speedKmh'>): Snapped | null {
  const moving = fix?.heading != null && Number.isFinite(fix.heading) && (fix.speedKmh == null || fix.speedKmh >= HEADING_MIN_KMH);
  // trySnap: an off-road fix is an ordinary answer here, not an error thrown and caught per fix (bench:avl profile).
  return graph.snapper.trySnap(at, undefined, moving ? { heading: fix.heading! } : {});
}

/**
 * Every unit of the deployment in memory on this node, for recommendations without a database
 * round trip per unit: registry fields, status and duty, and positions snapped to the road (homes
 * when registered, fixes in the background shortly after they are reported, see SNAP_EVERY_MS).
 * It is kept current by the unit events: this node's own at once after
 * commit (`onLocalCommit`), every node's from the bus. Events are applied by version, so
 * duplicates and reordering are harmless. A gap in the bus's delivery positions (a missed event)
 * or an event that skips a version makes it reread everything or that unit before the next
 * recommendation; it also rereads everything every RECONCILE_MS. What it offers is still checked
 * against the database (`verify`), and assigning locks the unit rows, so it is never the last word.
 */
export class Fleet {
  private readonly units = new Map<string, FleetUnit>();
  private graph: RoadGraph | undefined;
  private lastPosition = 0;
  private loading: Promise<void> = Promise.resolve();
  private reloadWanted = true;
  private readonly refetch = new Set<string>();
  private reconciling: Promise<void> | undefined;
  /** Units whose newest fix is not snapped yet, oldest first. */
  private readonly unsnapped = new Set<string>();
  private detach: (() => void) | undefined;
  /** The road graph of each profile (positions are snapped on the car's, valid on all). */
  private graphs: Readonly<Record<Profile, RoadGraph>> | undefined;
  /** Per graph (a profile's, or a vehicle's within its limits), the positions of the units that drive it. */
  private prepared: PreparedFleet | undefined;
  private positionsChanged = true;
  private preparedAt = 0;
  /** The preparation under way in the background (prepareInBackground), if any. */
  private preparing: Generator<void, void> | undefined;
  /** How often the whole view was (re)loaded; tests read it. */
  loads = 0;
  /** At most how often the positions are prepared again in the background (tests hold it off). */
  prepareEveryMs = PREPARE_EVERY_MS;

  constructor(
    private readonly db: Queryable,
    readonly live: LivePositions,
    private readonly log: Pick<Logger, 'info' | 'warn'>,
  ) {}

  /** Subscribes to the events that change units; returns the unsubscriber. */
  attach(platform: Pick<Platform, 'bus' | 'onLocalCommit'>): () => void {
    const offBus = platform.bus.subscribe((e) => this.onEvent(e.type, e.data, e.position));
    const offLocal = platform.onLocalCommit((events) => {
      for (const e of events) this.onEvent(e.type, e.data);
    });
    const offLive = this.live.onNewest((unitId) => void this.unsnapped.add(unitId));
    // In the background: requests meanwhile use the view as it is (rows apply by version).
    const reconcile = setInterval(() => {
      this.reconciling ??= this.load().catch((err: unknown) => this.log.warn({ err }, 'fleet view: rereading units failed')).finally(() => (this.reconciling = undefined));
    }, RECONCILE_MS);
    const snapper = setInterval(() => {
      try {
        this.snapSome(SNAP_BATCH);
        // Not while fixes wait to be snapped (preparing would snap them all at once).
        if (this.positionsChanged && this.unsnapped.size === 0 && Date.now() - this.preparedAt >= this.prepareEveryMs) this.prepareInBackground();
      } catch (err) {
        // Requests then snap and search themselves; a background failure must not end the process.
        this.log.warn({ err }, 'fleet view: snapping or preparing positions failed');
        this.preparedAt = Date.now();
      }
    }, SNAP_EVERY_MS);
    reconcile.unref();
    snapper.unref();
    this.detach = () => {
      offBus();
      offLocal();
      offLive();
      clearInterval(reconcile);
      clearInterval(snapper);
      this.preparing = undefined;
    };
    return this.detach;
  }

  /** Stops listening (the node is shutting down). */
  close(): void {
    this.detach?.();
  }

  /** Resolves when the view is current: loaded, and rereads owed after a gap done. */
  async ready(): Promise<void> {
    for (;;) {
      try {
        await this.loading;
      } catch (err) {
        this.loading = Promise.resolve();
        this.reloadWanted = true;
        throw err;
      }
      if (this.reloadWanted) {
        this.reloadWanted = false;
        this.refetch.clear();
        this.loading = this.load();
      } else if (this.refetch.size > 0) {
        const ids = [...this.refetch];
        this.refetch.clear();
        this.loading = this.reread(ids).then(() => undefined);
      } else {
        return;
      }
    }
  }

  /**
   * The road graphs: positions are snapped on the car's and each unit's ETAs are on its kind's
   * graph (`travelGraphOf`: its profile's, less roads over its size); new graphs drop the snaps
   * taken on the old ones.
   */
  useGraphs(graphs: Readonly<Record<Profile, RoadGraph>>): void {
    if (this.graphs === graphs) return;
    this.graphs = graphs;
    this.graph = graphs.car;
    this.prepared = undefined;
    this.preparing = undefined;
    this.positionsChanged = true;
    for (const u of this.units.values()) {
      u.homeSnap = undefined;
      u.fixSnapAt = Number.NaN;
    }
  }

  /** Prepares every unit's current road position for many-to-one queries (see PREPARE_EVERY_MS), per profile, now. */
  prepare(): void {
    const steps = this.prepareSteps();
    this.preparing = steps;
    while (this.preparing === steps) if (steps.next().done) break;
  }

  /**
   * `prepare` in the background: slices of at most PREPARE_SLICE_MS, each in its own turn of the
   * event loop, so a request waits for one slice at most (in one piece, the restricted sweep of a
   * 1,000-unit fleet on the 14x14 metro held the loop for 38-65 ms every second while units
   * moved: the moving phase's p99, bench:dispatch). A newer preparation, or new graphs, drop it.
   */
  private prepareInBackground(): void {
    if (this.preparing) return;
    const steps = this.prepareSteps();
    this.preparing = steps;
    const slice = () => {
      try {
        const until = performance.now() + PREPARE_SLICE_MS;
        while (this.preparing === steps) {
          if (steps.next().done) return;
          if (performance.now() >= until) return void setImmediate(slice);
        }
      } catch (err) {
        // Requests then search themselves; tried again after PREPARE_EVERY_MS.
        if (this.preparing === steps) this.preparing = undefined;
        this.positionsChanged = true;
        this.log.warn({ err }, 'fleet view: preparing positions failed');
      }
    };
    slice();
  }

  private *prepareSteps(): Generator<void, void> {
    const graph = this.graph;
    const graphs = this.graphs;
    if (!graph || !graphs) return void (this.preparing = undefined);
    // Changes from here on are for the next preparation.
    this.positionsChanged = false;
    this.preparedAt = Date.now();
    const positions: { id: string; kind: UnitKind; snapped: Snapped }[] = [];
    for (const u of this.units.values()) {
      const snapped = this.snappedNow(graph, u).snapped;
      if (snapped) positions.push({ id: u.id, kind: u.kind, snapped });
    }
    yield;
    const prepared = yield* prepareFleet(graphs, positions);
    // Graphs swapped meanwhile (useGraphs) dropped this preparation: its sweeps are on the old ones.
    if (this.graphs !== graphs) return;
    this.prepared = prepared;
    this.preparing = undefined;
    this.preparedAt = Date.now();
  }

  /**
   * Seconds from each unit (at `snapped`, from positionOf) to the destination by the prepared
   * sweeps, moved units included (`timesByPrepared`, prepared-fleet.ts). Null when nothing is prepared.
   */
  preparedSecondsTo(units: FleetUnit[], snapped: (Snapped | null)[], destination: Snapped, cutoff: number, nearest?: number | ((graph: RoadGraph) => number)): PreparedTimes | null {
    const prepared = this.prepared;
    const graphs = this.graphs;
    if (!prepared || !graphs) return null;
    return timesByPrepared(prepared, graphs, units, snapped, destination, cutoff, nearest);
  }

  get(id: string): FleetUnit | undefined {
    return this.units.get(id);
  }

  /** Units that can be sent now (on duty, available or at their station) and pass `allowed`. */
  dispatchable(allowed: (u: FleetUnit) => boolean, kind?: UnitKind): FleetUnit[] {
    const out: FleetUnit[] = [];
    for (const u of this.units.values()) {
      if (canBeDispatched(u) && (!kind || u.kind === kind) && allowed(u)) out.push(u);
    }
    return out;
  }

  /** Whether any unit, whatever its status or duty, is one `match` keeps. */
  some(match: (u: FleetUnit) => boolean): boolean {
    for (const u of this.units.values()) if (match(u)) return true;
    return false;
  }

  /** The kinds of the units `allowed` keeps, whatever their status or duty. */
  kindsOf(allowed: (u: FleetUnit) => boolean): Set<UnitKind> {
    const out = new Set<UnitKind>();
    for (const u of this.units.values()) if (!out.has(u.kind) && allowed(u)) out.add(u.kind);
    return out;
  }

  /** Where the unit is on the road: its newest fix, else its home (null: off the road network). */
  positionOf(u: FleetUnit, now: Date): { snapped: Snapped | null; source: PositionSource } {
    const graph = this.graph;
    if (!graph) throw new Error('Fleet.positionOf before useGraphs');
    const { snapped, fix } = this.snappedNow(graph, u);
    return { snapped, source: !fix ? 'home' : this.live.isStale(fix, now) ? 'avl_stale' : 'avl' };
  }

  private snappedNow(graph: RoadGraph, u: FleetUnit): { snapped: Snapped | null; fix: LiveFix | undefined } {
    const fix = this.live.get(u.id);
    if (fix) {
      if (u.fixSnapAt !== fix.at) this.snapFix(graph, u, fix);
      return { snapped: u.fixSnap, fix };
    }
    if (u.homeSnap === undefined) {
      u.homeSnap = snapOrNull(graph, u.home);
      this.positionsChanged = true;
    }
    return { snapped: u.homeSnap, fix };
  }

  /**
   * Checks units about to be offered against the database; rows that moved on (another node's
   * change whose event has not arrived yet) replace the held ones. True when all were current.
   * The versions are those the offer was ranked with, taken before any await: an event applied
   * while the check runs must not pass an offer made from the state before it.
   */
  async verify(offered: ReadonlyMap<string, number>): Promise<boolean> {
    if (offered.size === 0) return true;
    const ids = [...offered.keys()];
    // Versions only (an index lookup per unit); whole rows only for the ones that moved on.
    const current = await rows<{ id: string; version: number }>(this.db, sql`
      select id, version from units where id = any(${`{${ids.join(',')}}`}::uuid[])`);
    const behind = current.filter((r) => offered.get(r.id) !== Number(r.version)).map((r) => r.id);
    // A unit the database does not know (an event of another deployment on a shared bus) goes.
    const found = new Set(current.map((r) => r.id));
    const unknown = ids.filter((id) => !found.has(id));
    for (const id of unknown) this.units.delete(id);
    if (behind.length === 0 && unknown.length === 0) return true;
    await this.reread(behind);
    return false;
  }

  /** The versions held now of the given units (what an offer made from them is checked against). */
  versionsOf(ids: readonly string[]): Map<string, number> {
    return new Map(ids.map((id) => [id, this.units.get(id)?.version ?? -1]));
  }

  /** Rereads units from the database; returns how many were behind. */
  private async reread(ids: string[]): Promise<number> {
    const found = await findUnitRows(this.db, ids);
    let behind = 0;
    for (const r of found) {
      if (this.units.get(r.id)?.version !== r.version) behind++;
      // The database wins over an event-made state of the same version (see the skipped version below).
      this.applyRow({ ...r, homeLon: Number(r.homeLon), homeLat: Number(r.homeLat) }, true);
    }
    return behind;
  }

  private async load(): Promise<void> {
    const list = await rows<{ id: string; call_sign: string; kind: UnitKind; path: string; status: UnitStatus; on_duty: boolean; capabilities: string[]; version: number; lon: number; lat: number }>(this.db, sql`
      select id, call_sign, kind, jurisdiction_path::text as path, status, on_duty, capabilities, version,
        ST_X(home_location) as lon, ST_Y(home_location) as lat
      from units`);
    for (const r of list) {
      this.applyRow({
        id: r.id, callSign: r.call_sign, kind: r.kind, jurisdictionPath: r.path, status: r.status, onDuty: r.on_duty,
        capabilities: r.capabilities, version: Number(r.version), homeLon: Number(r.lon), homeLat: Number(r.lat),
      });
    }
    this.loads++;
  }

  /** Takes a unit's state when it is newer than the one held. */
  private applyRow(r: UnitFields, sameVersionToo = false): void {
    const held = this.units.get(r.id);
    if (held && (sameVersionToo ? held.version > r.version : held.version >= r.version)) return;
    const home: [number, number] = [r.homeLon, r.homeLat];
    const fields = { callSign: r.callSign, kind: r.kind, jurisdictionPath: r.jurisdictionPath, status: r.status, onDuty: r.onDuty, capabilities: r.capabilities, version: r.version };
    if (held) {
      const moved = held.home[0] !== home[0] || held.home[1] !== home[1];
      Object.assign(held, fields, { home });
      if (moved) {
        held.homeSnap = this.graph ? snapOrNull(this.graph, home) : undefined;
        this.positionsChanged = true;
      }
      return;
    }
    this.positionsChanged = true;
    this.units.set(r.id, {
      id: r.id, ...fields, home, homeSnap: this.graph ? snapOrNull(this.graph, home) : undefined, fixSnap: null, fixSnapAt: Number.NaN,
    });
  }

  private onEvent(type: string, data: unknown, position?: number): void {
    if (position !== undefined) {
      // Delivery positions are consecutive; a hole means an event may have been missed.
      if (this.lastPosition > 0 && position > this.lastPosition + 1) {
        this.log.info({ after: this.lastPosition, got: position }, 'fleet view: gap in the event stream, rereading units');
        this.reloadWanted = true;
      }
      this.lastPosition = Math.max(this.lastPosition, position);
    }
    if (type === 'units.registered' || type === 'units.updated') {
      const u = data as Unit;
      this.applyRow({ ...u, homeLon: u.homeLocation[0], homeLat: u.homeLocation[1] });
    } else if (type === 'units.status_changed') {
      const d = data as { id: string; status: UnitStatus; onDuty: boolean; version?: number };
      const held = this.units.get(d.id);
      if (!held || typeof d.version !== 'number') {
        this.refetch.add(d.id);
        return;
      }
      if (d.version <= held.version) return;
      // A skipped version (say a missed registry change) is read from the database before use.
      if (d.version > held.version + 1) this.refetch.add(d.id);
      held.status = d.status;
      held.onDuty = d.onDuty;
      held.version = d.version;
    } else if (type === 'onboarding.undone') {
      // An undone onboarding batch removed the units it had registered: they must not be recommended.
      const d = data as { kind: string; ids: string[] };
      if (d.kind !== 'units') return;
      for (const id of d.ids) this.units.delete(id);
      this.positionsChanged = true;
    }
  }

  /** Snaps up to `max` of the newest fixes still waiting. */
  snapSome(max: number): void {
    const graph = this.graph;
    if (!graph) return;
    let n = 0;
    for (const id of this.unsnapped) {
      if (n++ >= max) return;
      this.unsnapped.delete(id);
      const u = this.units.get(id);
      const fix = this.live.get(id);
      if (u && fix && u.fixSnapAt !== fix.at) this.snapFix(graph, u, fix);
    }
  }

  private snapFix(graph: RoadGraph, u: FleetUnit, fix: LiveFix): void {
    u.fixSnap = snapOrNull(graph, [fix.lon, fix.lat], fix);
    u.fixSnapAt = fix.at;
    this.positionsChanged = true;
  }
}

const fleets = new WeakMap<object, Fleet>();

/** The one fleet view of a running node (keyed by its platform), created and attached on first use. */
export function fleetOf(platform: Platform): Fleet {
  let fleet = fleets.get(platform);
  if (!fleet) {
    fleet = new Fleet(platform.db, livePositionsOf(platform), platform.log);
    fleet.attach(platform);
    fleets.set(platform, fleet);
  }
  return fleet;
}
