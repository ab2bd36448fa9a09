import { COVERAGE_MAX_LISTED, COVERAGE_TIERS, type CoveredPlace, type LiveCoverage, type PlaceCategory } from '@firebreak/contracts';
import { MaintainedOrigins, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';
import { FAR_SECONDS, type UnitAt } from './live-coverage.js';
import { tierOf, worstFirstOrder } from './model.js';
import { PlaceCache, type PlaceKey } from './place-cache.js';
import { Scratch } from './scratch.js';
import { snapOrNull } from './snap.js';
import type { HoursSource } from './windows.js';

/** What a question reads of a place: its key, and what a listed item shows. */
export type CoveragePlace = PlaceKey & { category: string; jurisdictionPath: string; hours?: string | null; hoursSource?: HoursSource };

/** The hours a listed place is shown with, by its index in the question (given by the service instead of a copy of each place). */
export type HoursAt = (k: number) => { hours: string | null; hoursSource: HoursSource };

/** The questions' working arrays, shared by every state of the process (questions run one at a time: synchronous). */
const scratch = new Scratch();

interface Held { unit: UnitAt; slot: number; graph: RoadGraph; at: Snapped | null; seen: number }

/** A state's answers by place slot: time (ms), unit slot, and the place stamp they were read for (0: none). */
interface Answers { ms: Float64Array; who: Int32Array; stamp: Int32Array; pool: number }

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
  /**
   * Changed routing nodes per place above which a question finds the places to read again by one
   * pass over every place's seeds (`forChangedRows`) rather than by the index of places by node.
   * 0 (the index always). The earlier national comparison (p99 141 by the pass against 67 by the
   * index, 2026-12-07 16:54) was the benches' order effect: the first moves row paid the JIT's
   * recompiles and, with the benches' cycling generator, more places to read again; warmed and in
   * both orders the index is the faster: CPU p50 46-52 / p99 53-70 ms against 57-66 / 70-118 by
   * the pass (national size, three runs, 2026-12-07 19:54; docs/benchmarks.md, issue 16). Tests and the bench set it
   * (Infinity: the pass always).
   */
  static scanAbove = 0;
  private readonly held = new Map<string, Held>();
  private readonly bySlot: (Held | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly states = new Map<RoadGraph, MaintainedOrigins>();
  private readonly answers = new Map<MaintainedOrigins, Answers>();
  /** Syncs so far (marks the units a sync saw) and units held on the road network. */
  private syncs = 0;
  private onRoad = 0;
  /** Places the last question read from a state's labels again, and routing nodes it was told changed (the bench says them). */
  readAgain = 0;
  nodesChanged = 0;

  constructor(private readonly graphs: ProfileGraphs, private readonly places: PlaceCache = new PlaceCache(graphs.car)) {}

  /** Units held (snapped or not). */
  get size(): number {
    return this.held.size;
  }

  /** Brings the units held to exactly these (available now, at these positions): only the differences are searched. */
  sync(unitsAt: readonly UnitAt[]): void {
    // Those held and not in the list go first (their slots free for newcomers): marked by this sync's number.
    const mark = ++this.syncs;
    for (const u of unitsAt) { const h = this.held.get(u.id); if (h) h.seen = mark; }
    for (const [id, h] of this.held) if (h.seen !== mark) this.remove(id);
    this.upsertMany(unitsAt);
  }

  /** A unit's new position (an AVL fix): moved here when the unit is held, else ignored. True when held. */
  move(unitId: string, lon: number, lat: number): boolean {
    const h = this.held.get(unitId);
    if (!h) return false;
    if (h.unit.lon !== lon || h.unit.lat !== lat) this.upsert({ ...h.unit, lon, lat });
    return true;
  }

  /**
   * `liveCoverage` over the units held (after `sync`) for these places. One pass over flat arrays
   * (the places' slots and seeds in the cache, the states' node labels): no object per place,
   * only the listed ones become items; the list is picked without sorting every place; the
   * working arrays are reused between questions (`scratch`). The places are read as given (the
   * request's rows, not copies); a listed place shows `hoursAt(k)` when given, else its own
   * `hours` and `hoursSource`.
   */
  coverage(placePoints: readonly CoveragePlace[], hoursAt?: HoursAt): Pick<LiveCoverage, 'units' | 'places' | 'tiers' | 'uncovered' | 'items' | 'truncated'> {
    const n = placePoints.length;
    this.readAgain = 0; this.nodesChanged = 0;
    const slots = this.places.slotsOf(placePoints);
    const ms = scratch.float64('coverage.ms', n).fill(Infinity);
    const slot = scratch.int32('coverage.slot', n).fill(-1);
    for (const state of this.states.values()) {
      const a = this.answersOf(state, slots);
      if (state.size === 0) continue;
      for (let k = 0; k < n; k++) {
        const s = slots[k]!, m = a.ms[s]!;
        if (m < ms[k]! || (m === ms[k]! && m !== Infinity && a.who[s]! < slot[k]!)) { ms[k] = m; slot[k] = a.who[s]!; }
      }
    }
    // Shares from the exact times.
    const limits = COVERAGE_TIERS.map((m) => m * 60);
    const covered = limits.map(() => 0);
    const rank = scratch.int32('coverage.rank', n);
    for (let i = 0; i < n; i++) {
      const s = ms[i]! / 1000;
      for (let t = 0; t < limits.length; t++) if (s <= limits[t]!) covered[t]!++;
      rank[i] = this.places.rankOf(slots[i]!);
    }
    const items: CoveredPlace[] = Array.from(worstFirstOrder(ms, rank, this.places.rankCount, COVERAGE_MAX_LISTED, scratch), (i) => {
      const p = placePoints[i]!;
      const exact = ms[i] === Infinity ? null : ms[i]! / 1000;
      const u = slot[i]! >= 0 ? this.bySlot[slot[i]!]!.unit : null;
      const h = hoursAt?.(i);
      return {
        id: p.id, name: p.name, category: p.category as PlaceCategory, jurisdictionPath: p.jurisdictionPath,
        location: [p.lon, p.lat], seconds: exact === null ? null : Math.round(exact * 10) / 10, tier: tierOf(exact),
        nearestUnit: u ? { id: u.id, callSign: u.callSign } : null,
        offRoad: this.places.offRoad(slots[i]!), hours: h ? h.hours : p.hours ?? null, hoursSource: h ? h.hoursSource : p.hoursSource ?? 'always',
      };
    });
    const tiers = COVERAGE_TIERS.map((minutes, t) => ({ minutes, covered: covered[t]!, share: n === 0 ? 0 : covered[t]! / n }));
    return { units: this.onRoad, places: n, tiers, uncovered: n - covered.at(-1)!, items, truncated: n > COVERAGE_MAX_LISTED };
  }

  /**
   * A state's answer (ms, unit slot) for these place slots, kept by slot between questions: only
   * places whose seeds' nodes or edge changed since (the state's change log), or that are new or
   * moved (their stamp), are read from the labels again. Reading 200,000 places' labels every
   * question was most of its CPU (random reads over a graph's labels; node --cpu-prof).
   */
  private answersOf(state: MaintainedOrigins, slots: Int32Array): Answers {
    const table = this.places.tableFor(state, slots);
    this.places.prepareIndexes(state.graph);
    let a = this.answers.get(state);
    if (!a || a.ms.length < this.places.capacity) a = this.growAnswers(state, a);
    const changes = state.peekChanges();
    this.nodesChanged += changes.nodes.length;
    const pool = this.places.poolOf(state.graph);
    const stampOut = (s: number) => { a.stamp[s] = 0; };
    if (changes.all || a.pool !== pool) { a.stamp.fill(0); a.pool = pool; }
    // Many nodes changed (units moved since the last question): one pass over the places' seeds; few: the index by node.
    else if (changes.nodes.length * MaintainedCoverage.scanAbove > slots.length) state.forChangedRows(table, slots, stampOut);
    else if (changes.nodes.length + changes.edges.length > 0) this.places.forPlacesAt(state.graph, changes.nodes, changes.edges, stampOut);
    state.takeChanges();
    const stamps = this.places.stamps;
    const rows = scratch.int32('answers.rows', slots.length);
    let stale = 0;
    for (let k = 0; k < slots.length; k++) if (a.stamp[slots[k]!] !== stamps[slots[k]!]) rows[stale++] = slots[k]!;
    this.readAgain += stale;
    if (stale === 0) return a;
    const read = rows.subarray(0, stale);
    const ms = scratch.float64('answers.ms', stale).fill(Infinity), who = scratch.int32('answers.who', stale).fill(-1);
    state.nearestInto(table, read, ms, who);
    for (let j = 0; j < stale; j++) { const s = read[j]!; a.ms[s] = ms[j]!; a.who[s] = who[j]!; a.stamp[s] = stamps[s]!; }
    return a;
  }

  private growAnswers(state: MaintainedOrigins, old: Answers | undefined): Answers {
    const size = this.places.capacity;
    const a: Answers = { ms: new Float64Array(size), who: new Int32Array(size), stamp: new Int32Array(size), pool: old?.pool ?? 0 };
    if (old) { a.ms.set(old.ms); a.who.set(old.who); a.stamp.set(old.stamp); }
    this.answers.set(state, a);
    return a;
  }

  /** Memory held by the travel-graph states, in bytes (the bench and the log say it). */
  get stateBytes(): number {
    let bytes = 0;
    for (const s of this.states.values()) bytes += s.graph.nodeCount * MaintainedOrigins.BYTES_PER_NODE + s.graph.edgeCount * MaintainedOrigins.BYTES_PER_EDGE + (this.answers.get(s)?.ms.length ?? 0) * 16;
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
      const next: Held = { unit: u, slot, graph, at, seen: this.syncs };
      this.onRoad += (at === null ? 0 : 1) - (kept !== undefined && kept.at !== null ? 1 : 0);
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
    if (h.at !== null) this.onRoad--;
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
