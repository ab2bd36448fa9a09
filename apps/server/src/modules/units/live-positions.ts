import type { AvlFix, UnitPosition } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows, type Queryable } from '../../platform/db/client.js';
import { LIVE_ONLY, type EventBus, type PublishedEvent } from '../../platform/events/bus.js';
import { positionsWire } from './positions-wire.js';

/**
 * A unit's newest fix. The store updates a unit's object in place when a newer fix comes (one
 * object per unit for the node's life, not one per fix: under bench:avl every fix is a unit's
 * newest, so that was an object and its boxed numbers per fix for the garbage collector), so read
 * what you need from it at once and keep the numbers, not the object.
 */
export interface LiveFix {
  lon: number;
  lat: number;
  at: number;
  speedKmh: number | null;
  heading: number | null;
}

/**
 * Everything this node keeps per unit for its positions, in one object found once per fix (it was
 * a map each: newest fix, track mark, jurisdiction, the batch's newest per unit — half a dozen
 * lookups of the same key per fix, docs/benchmarks.md "AVL ingest over MQTT: what dominates").
 * The MQTT ingest finds it by the topic's bytes and passes it along with the fix.
 */
export interface UnitLive {
  readonly id: string;
  /** The newest fix (see `LiveFix`), undefined until one comes. */
  fix: LiveFix | undefined;
  /** The last point kept in the track (downsampling); `keptAt` NaN while none. */
  keptLon: number;
  keptLat: number;
  keptAt: number;
  /** The unit's jurisdiction once read from its row (it never changes); undefined until then. */
  path: string | undefined;
  /** `storeFixes`' newest fix of the unit in the batch it is sorting (`batch` says which batch). */
  batch: number;
  newest: number;
}

/** Keep a track point when the unit moved this far or this long since the last one kept. */
const TRACK_EVERY_METRES = 50;
const TRACK_EVERY_MS = 30_000;
/**
 * Fixes per broadcast event: the largest batch either ingest path stores at once (`POST /avl/positions`
 * takes up to 5,000 fixes, the MQTT ingest stores 5,000 at a time), so a batch is one event per
 * jurisdiction. A browser's map re-tiles its units once per event that reaches it in a separate
 * animation frame: at 2,000 a batch of 5,000 was three events, often over two frames, and the
 * units were re-tiled twice in that second (docs/benchmarks.md, "Web app in the browser: what
 * dominates"). The NATS message is one per broadcast call whatever this is (`positionsWire`
 * encodes all its events: ~93 bytes a fix, ~465 KB for 5,000, under the server's 1 MB limit).
 */
const FIXES_PER_EVENT = 5000;

function metresBetween(aLon: number, aLat: number, [lon, lat]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (lon - aLon) * rad * Math.cos(((aLat + lat) / 2) * rad);
  const y = (lat - aLat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

/**
 * The latest AVL position of every unit, in memory on this node. Fixes reported here are applied
 * at once; those reported on other nodes arrive as `units.positions_reported` broadcasts on the
 * bus (`share`). A fix older than the one held is ignored, so the order of arrival does not matter.
 */
export class LivePositions {
  private readonly units = new Map<string, UnitLive>();
  private readonly listeners = new Set<(unitId: string, fix: LiveFix) => void>();
  private readonly storedHereListeners = new Set<(fixes: readonly AvlFix[], times: ArrayLike<number>) => void>();
  private loaded: Promise<void> | undefined;
  private bus: EventBus | undefined;
  /** True while this node's own broadcast is handed to its handlers: those fixes are applied already. */
  private sharing = false;

  constructor(private readonly staleMs: number) {}

  /** Takes the newest fixes from the bus, and once the latest stored track point of each unit. */
  attach(bus: EventBus, db: Queryable): () => void {
    this.loaded ??= this.loadFrom(db);
    this.bus = bus;
    bus.setBroadcastCodec('units.positions_reported', positionsWire);
    return bus.subscribe((event) => {
      if (event.type !== 'units.positions_reported' || this.sharing) return;
      for (const f of (event.data as { fixes: AvlFix[] }).fixes) this.apply(f);
    });
  }

  async ready(): Promise<void> {
    await this.loaded;
  }

  private async loadFrom(db: Queryable): Promise<void> {
    const list = await rows<{ unit_id: string; lon: number; lat: number; at: Date | string; speed_kmh: number | null; heading: number | null }>(db, sql`
      select distinct on (unit_id) unit_id, ST_X(location) as lon, ST_Y(location) as lat, at, speed_kmh, heading
      from unit_track order by unit_id, at desc`);
    for (const r of list) {
      this.apply({ unitId: r.unit_id, location: [Number(r.lon), Number(r.lat)], at: new Date(r.at).toISOString(), ...(r.speed_kmh !== null ? { speedKmh: r.speed_kmh } : {}), ...(r.heading !== null ? { heading: r.heading } : {}) });
    }
  }

  /** The unit's record, made on first use (a unit id is taken as given: callers know it). */
  unit(unitId: string): UnitLive {
    let u = this.units.get(unitId);
    if (u === undefined) {
      u = { id: unitId, fix: undefined, keptLon: 0, keptLat: 0, keptAt: Number.NaN, path: undefined, batch: 0, newest: 0 };
      this.units.set(unitId, u);
    }
    return u;
  }

  /** The unit's record if it has one (no record is made). */
  peek(unitId: string): UnitLive | undefined {
    return this.units.get(unitId);
  }

  /** Applies a fix (`u`: its unit's record, when the caller has it); true when it is the unit's newest. */
  apply(fix: AvlFix, at = Date.parse(fix.at), u: UnitLive = this.unit(fix.unitId)): boolean {
    let held = u.fix;
    if (held) {
      if (held.at >= at) return false;
      // In place (see LiveFix): the doubles are written into the fields' own boxes, nothing allocated.
      held.lon = fix.location[0];
      held.lat = fix.location[1];
      held.at = at;
      held.speedKmh = fix.speedKmh ?? null;
      held.heading = fix.heading ?? null;
    } else {
      held = { lon: fix.location[0], lat: fix.location[1], at, speedKmh: fix.speedKmh ?? null, heading: fix.heading ?? null };
      u.fix = held;
    }
    for (const listener of this.listeners) listener(fix.unitId, held);
    return true;
  }

  /**
   * Tells every node (this one first, at once) of the newest fixes of units stored here, one
   * `units.positions_reported` event per jurisdiction (the stream's visibility is by path), as a
   * bus broadcast: positions are passing states, superseded by the next fix, so they are not
   * outbox events (a row, a relay read-back and a replay per batch were a third of the ingest's
   * database time). Then the `onStoredHere` listeners (arrival detection) get them.
   */
  share(newest: readonly AvlFix[], times: ArrayLike<number>, units: readonly UnitLive[], now: Date): void {
    const byPath = new Map<string, AvlFix[]>();
    // A batch is mostly of one jurisdiction, or of a few in runs: the map only when the path changes.
    let lastPath: string | undefined;
    let lastList: AvlFix[] = [];
    for (let i = 0; i < newest.length; i++) {
      const path = units[i]!.path!;
      if (path !== lastPath) {
        let list = byPath.get(path);
        if (!list) byPath.set(path, (list = []));
        lastPath = path;
        lastList = list;
      }
      lastList.push(newest[i]!);
    }
    const occurredAt = now.toISOString();
    const events: PublishedEvent[] = [];
    for (const [path, list] of byPath) {
      for (let i = 0; i < list.length; i += FIXES_PER_EVENT) {
        events.push({ id: uuidv7(), position: LIVE_ONLY, type: 'units.positions_reported', occurredAt, jurisdictionPath: path, data: { fixes: list.slice(i, i + FIXES_PER_EVENT) } });
      }
    }
    this.sharing = true;
    try {
      this.bus?.broadcast(events);
    } finally {
      this.sharing = false;
    }
    for (const listener of this.storedHereListeners) listener(newest, times);
  }

  /**
   * Calls `listener` with the newest fixes of each batch stored on this node (not those of other
   * nodes), with their times (ms, `times[i]` of `fixes[i]`) parsed once for all listeners.
   */
  onStoredHere(listener: (fixes: readonly AvlFix[], times: ArrayLike<number>) => void): () => void {
    this.storedHereListeners.add(listener);
    return () => this.storedHereListeners.delete(listener);
  }

  /** Calls `listener` with every fix that becomes a unit's newest (e.g. to snap it to the road once). */
  onNewest(listener: (unitId: string, fix: LiveFix) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Should this fix go into the stored track? Remembers it if so (downsampling per unit; `u` as for `apply`). */
  keepInTrack(fix: AvlFix, at = Date.parse(fix.at), u: UnitLive = this.unit(fix.unitId)): boolean {
    const none = Number.isNaN(u.keptAt);
    if (!none && Math.abs(at - u.keptAt) < TRACK_EVERY_MS && metresBetween(u.keptLon, u.keptLat, fix.location) < TRACK_EVERY_METRES) return false;
    // In the unit's record: nothing allocated per kept fix.
    if (none || at > u.keptAt) {
      u.keptLon = fix.location[0];
      u.keptLat = fix.location[1];
      u.keptAt = at;
    }
    return true;
  }

  get(unitId: string): LiveFix | undefined {
    return this.units.get(unitId)?.fix;
  }

  isStale(fix: LiveFix, now: Date): boolean {
    return now.getTime() - fix.at > this.staleMs;
  }

  view(unitId: string, now: Date): UnitPosition | null {
    const f = this.units.get(unitId)?.fix;
    if (!f) return null;
    return { location: [f.lon, f.lat], at: new Date(f.at).toISOString(), speedKmh: f.speedKmh, heading: f.heading, stale: this.isStale(f, now) };
  }
}

const stores = new WeakMap<object, LivePositions>();

/** The one store of a running node (keyed by its platform), created and attached on first use. */
export function livePositionsOf(platform: { bus: EventBus; db: Queryable; config: { avlStaleSeconds: number } }): LivePositions {
  let store = stores.get(platform);
  if (!store) {
    store = new LivePositions(platform.config.avlStaleSeconds * 1000);
    store.attach(platform.bus, platform.db);
    stores.set(platform, store);
  }
  return store;
}
