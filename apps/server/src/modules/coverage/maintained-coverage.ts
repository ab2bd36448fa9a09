import { COVERAGE_MAX_LISTED, COVERAGE_TIERS, type CoveredPlace, type LiveCoverage, type PlaceCategory } from '@firebreak/contracts';
import { MaintainedOrigins, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { FAR_SECONDS, type PlaceAt, type UnitAt } from './live-coverage.js';
import { tierOf } from './model.js';
import { costsFor, PlaceCache } from './place-cache.js';
import { snapOrNull } from './snap.js';

interface Held { unit: UnitAt; slot: number; graph: RoadGraph; at: Snapped | null }

/** Tenths of a second of FAR_SECONDS: the widest time listed. */
const MAX_TENTHS = FAR_SECONDS * 10;
const RANKS = 2 ** 32;

/**
 * Live coverage for one set of units, kept current instead of searched again per question
 * (issue 16: 200,000 places and 10,000 units). Per travel graph a `MaintainedOrigins` holds the
 * best time and unit of every routing node within FAR_SECONDS (30 min: one state answers both the
 * 1-3-5 tiers and "how far" for the uncovered, as the two searches of `liveCoverage` do); a unit
 * that moves, comes or goes repairs only its own cell. Places are snapped once (`PlaceCache`).
 * The answer is `liveCoverage`'s: the same times, tiers, shares and order; on a tie (two units
 * exactly as fast) the nearest unit named is the one held longest here (the lowest slot), where
 * `liveCoverage` names whichever its search settled first.
 */
export class MaintainedCoverage {
  private readonly held = new Map<string, Held>();
  private readonly bySlot: (Held | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly states = new Map<RoadGraph, MaintainedOrigins>();

  constructor(private readonly graphs: ProfileGraphs, private readonly places: PlaceCache = new PlaceCache(graphs.car)) {}

  /** Units held (snapped or not). */
  get size(): number {
    return this.held.size;
  }

  /** Brings the units held to exactly these (available now, at these positions): only the differences are searched. */
  sync(unitsAt: readonly UnitAt[]): void {
    const wanted = new Map(unitsAt.map((u) => [u.id, u]));
    for (const id of [...this.held.keys()]) if (!wanted.has(id)) this.remove(id);
    this.upsertMany(unitsAt);
  }

  /** A unit's new position (an AVL fix): moved here when the unit is held, else ignored. True when held. */
  move(unitId: string, lon: number, lat: number): boolean {
    const h = this.held.get(unitId);
    if (!h) return false;
    if (h.unit.lon !== lon || h.unit.lat !== lat) this.upsert({ ...h.unit, lon, lat });
    return true;
  }

  /** `liveCoverage` over the units held (after `sync`) for these places. */
  coverage(placePoints: readonly PlaceAt[]): Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated'> {
    const n = placePoints.length;
    const entries = this.places.entries(placePoints);
    const ms = new Float64Array(n).fill(Infinity);
    const slot = new Int32Array(n).fill(-1);
    const states = [...this.states.values()].filter((s) => s.size > 0);
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      if (e.at === null) continue;
      for (const state of states) {
        const near = state.nearest(e.at, costsFor(e, state, e.at));
        if (near.ms < ms[i]! || (near.ms === ms[i]! && near.ms !== Infinity && near.origin < slot[i]!)) { ms[i] = near.ms; slot[i] = near.origin; }
      }
    }
    // Shares from the exact times; the list worst first (displayed time, then name and id) by one sort of numbers.
    const limits = COVERAGE_TIERS.map((m) => m * 60);
    const covered = limits.map(() => 0);
    const keys = new Float64Array(n);
    const indexOfRank = new Int32Array(this.places.rankCount).fill(-1);
    let unique = true;
    for (let i = 0; i < n; i++) {
      const s = ms[i]! / 1000;
      for (let t = 0; t < limits.length; t++) if (s <= limits[t]!) covered[t]!++;
      // Unreached first (key 0), then the longest times; ties by the name-and-id rank.
      const tenths = s === Infinity ? MAX_TENTHS + 1 : Math.round(s * 10);
      const rank = entries[i]!.rank;
      if (indexOfRank[rank] !== -1) unique = false;
      indexOfRank[rank] = i;
      keys[i] = (MAX_TENTHS + 1 - tenths) * RANKS + rank;
    }
    const listed = Math.min(n, COVERAGE_MAX_LISTED);
    let order: number[];
    if (unique) {
      keys.sort();
      order = Array.from(keys.subarray(0, listed), (k) => indexOfRank[k % RANKS]!);
    } else {
      // The same place twice in the question: rank alone no longer tells them apart.
      order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b).slice(0, listed);
    }
    const items: CoveredPlace[] = order.map((i) => {
      const p = placePoints[i]!;
      const exact = ms[i] === Infinity ? null : ms[i]! / 1000;
      const u = slot[i]! >= 0 ? this.bySlot[slot[i]!]!.unit : null;
      return {
        id: p.id, name: p.name, category: p.category as PlaceCategory, jurisdictionPath: p.jurisdictionPath,
        location: [p.lon, p.lat], seconds: exact === null ? null : Math.round(exact * 10) / 10, tier: tierOf(exact),
        nearestUnit: u ? { id: u.id, callSign: u.callSign } : null,
        offRoad: entries[i]!.at === null, hours: p.hours ?? null, hoursSource: p.hoursSource ?? 'always',
      };
    });
    const tiers = COVERAGE_TIERS.map((minutes, t) => ({ minutes, covered: covered[t]!, share: n === 0 ? 0 : covered[t]! / n }));
    let units = 0;
    for (const h of this.held.values()) if (h.at !== null) units++;
    return { units, places: n, tiers, uncovered: n - covered.at(-1)!, items, truncated: n > COVERAGE_MAX_LISTED };
  }

  /** Memory held by the travel-graph states, in bytes (the bench and the log say it). */
  get stateBytes(): number {
    let bytes = 0;
    for (const s of this.states.values()) bytes += s.graph.nodeCount * MaintainedOrigins.BYTES_PER_NODE;
    return bytes;
  }

  /** A unit available at this position (new, moved, or its kind changed): its cell repaired. */
  upsert(u: UnitAt): void {
    this.upsertMany([u]);
  }

  /** Units available at these positions: those new or moved searched from together, per travel graph. */
  upsertMany(units: readonly UnitAt[]): void {
    const placed = new Map<RoadGraph, { id: number; at: Snapped }[]>();
    for (const u of units) {
      const h = this.held.get(u.id);
      const graph = travelGraphOf(this.graphs, u.kind);
      if (h && h.graph === graph && h.unit.lon === u.lon && h.unit.lat === u.lat) {
        h.unit = u;
        continue;
      }
      if (h && h.graph !== graph) this.remove(u.id);
      const kept = this.held.get(u.id);
      const at = snapOrNull(this.graphs.car, u.lon, u.lat);
      const slot = kept ? kept.slot : this.freeSlots.pop() ?? this.bySlot.length;
      const next: Held = { unit: u, slot, graph, at };
      this.held.set(u.id, next);
      this.bySlot[slot] = next;
      const state = this.stateOf(graph);
      if (at === null) state.remove(slot);
      else {
        const list = placed.get(graph);
        if (list) list.push({ id: slot, at });
        else placed.set(graph, [{ id: slot, at }]);
      }
    }
    for (const [graph, list] of placed) this.stateOf(graph).setMany(list);
  }

  /** A unit no longer available (committed, off duty, out of scope): its cell refilled from the others. */
  remove(id: string): void {
    const h = this.held.get(id);
    if (!h) return;
    this.states.get(h.graph)?.remove(h.slot);
    this.held.delete(id);
    this.bySlot[h.slot] = undefined;
    this.freeSlots.push(h.slot);
  }

  private stateOf(graph: RoadGraph): MaintainedOrigins {
    let s = this.states.get(graph);
    if (!s) {
      s = new MaintainedOrigins(graph, FAR_SECONDS);
      this.states.set(graph, s);
    }
    return s;
  }
}
