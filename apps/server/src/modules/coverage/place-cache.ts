import { edgeId, nodeId, type DestinationTable, type MaintainedOrigins, type OnEdge, type RoadGraph } from '@firebreak/roadgraph';
import { snapOrNull } from './snap.js';

/** `localeCompare` without arguments, as `worstFirst` orders by (the same collation, one object). */
const byName = new Intl.Collator();

/** Past this many places remembered (places come and go over months), the cache starts again. */
export const MAX_CACHED_PLACES = 1_000_000;

/** Place lists remembered for matching by position (the questions asked most: a few scopes and categories). */
const REMEMBERED_LISTS = 4;

/** What the cache keys a place by and keeps of it. */
export interface PlaceKey { id: string; name: string; lon: number; lat: number }

/**
 * Key places snapped once per graph rather than on every coverage question (a grid look-up per
 * place: 4-5 s for 210,000 at national size), with their destination seeds per travel graph and
 * their rank by name. Held as flat typed arrays by slot (a place's slot is kept while it is
 * cached), not an object per place: 200,000 places were 208 MiB of heap as objects, and a question
 * reads them all (issue 16). A place moved is snapped again when next asked, a renamed one
 * re-ranked; a live change of a graph (closure, slow-down) re-reads that graph's seeds.
 */
export class PlaceCache {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private names: string[] = [];
  private lon = new Float64Array(0);
  private lat = new Float64Array(0);
  /** The snap on the car graph (every kind drives it): edge -1 off the road network. */
  private edge = new Int32Array(0);
  private source = new Int32Array(0);
  private target = new Int32Array(0);
  private fraction = new Float64Array(0);
  /** Position in the order of every cached place by name then id (`worstFirst`'s tie order). */
  private rank = new Int32Array(0);
  /** Changes whenever the slot's place is (re)snapped: answers kept per slot are valid for one stamp. */
  private stamp = new Int32Array(0);
  private stamped = 0;
  /** Seed pools started (a new pool forgets which places hang on which nodes: answers kept by slot start again). */
  private pools = 0;
  /** Slots by the edge they are snapped on, and those snapped since it was built (`edgeIndex`). */
  private byEdge: { start: Int32Array; slots: Int32Array } | null = null;
  private snappedSince: number[] = [];
  private used = 0;
  /** Slots in rank order (the first `ordered` entries) and the slots added or renamed since, to rank. */
  private order = new Int32Array(0);
  private ordered = 0;
  private unranked: number[] = [];
  private readonly seeds = new Map<RoadGraph, GraphSeeds>();
  /** The lists asked last (ids in order and their slots), newest first. */
  private asked: { ids: string[]; slots: Int32Array }[] = [];

  constructor(readonly graph: RoadGraph) {}

  get size(): number {
    return this.used;
  }

  /** The number of ranks given (one past the highest). */
  get rankCount(): number {
    return this.used;
  }

  /**
   * The slot of each of these places, in their order: new or moved ones snapped, renamed ones
   * ranked again. A list asked before (the same ids in the same order: a jurisdiction's places
   * read again) is matched by position, one string comparison a place, rather than looked up by
   * id: the look-ups were a third of a question's CPU at 200,000 places (their hash table and
   * strings all over the heap). The array returned is the cache's: read it, do not keep it.
   */
  slotsOf(places: readonly PlaceKey[]): Int32Array {
    if (this.used + places.length > MAX_CACHED_PLACES) this.clear();
    const n = places.length;
    const memo = this.asked.find((m) => m.ids.length === n && n > 0 && m.ids[0] === places[0]!.id);
    const slots = memo?.slots ?? new Int32Array(n);
    let same = memo !== undefined;
    for (let i = 0; i < n; i++) {
      const p = places[i]!;
      let s: number | undefined;
      if (memo !== undefined && memo.ids[i] === p.id) s = slots[i]!;
      else {
        same = false;
        s = this.slotOf.get(p.id);
      }
      if (s === undefined) s = this.add(p);
      else {
        if (this.lon[s] !== p.lon || this.lat[s] !== p.lat) this.snap(s, p.lon, p.lat);
        if (this.names[s] !== p.name) { this.names[s] = p.name; this.unranked.push(s); }
      }
      slots[i] = s;
    }
    if (!same) {
      if (memo) this.asked.splice(this.asked.indexOf(memo), 1);
      this.asked.unshift({ ids: places.map((p) => p.id), slots });
      if (this.asked.length > REMEMBERED_LISTS) this.asked.pop();
    }
    if (this.unranked.length > 0) this.rankNew();
    return slots;
  }

  /** Each slot's stamp (read after `slotsOf`: the array is replaced when the cache grows). */
  get stamps(): Int32Array {
    return this.stamp;
  }

  /** The number of the graph's current seed pool (0: none yet); answers read from an older pool are to be read again. */
  poolOf(graph: RoadGraph): number {
    return this.seeds.get(graph)?.pool ?? 0;
  }

  /** Slots the cache has room for (per-slot arrays kept elsewhere size to this). */
  get capacity(): number {
    return this.lon.length;
  }

  /**
   * Every cached place whose answer on this graph may have changed: a seed (on this graph) at one of
   * these routing nodes, or snapped on one of these edges. Places without seeds on the graph yet
   * have no answer to change.
   */
  forPlacesAt(graph: RoadGraph, nodes: readonly number[], edges: readonly number[], each: (slot: number) => void): void {
    if (edges.length > 0) {
      const e = this.edgeIndex();
      for (const edge of edges) for (let i = e.start[edge]!, end = e.start[edge + 1]!; i < end; i++) each(e.slots[i]!);
      // Snapped since the index was built: not in it (or under an old edge), so each is taken as changed.
      for (const slot of this.snappedSince) each(slot);
    }
    const g = this.seeds.get(graph);
    if (nodes.length === 0 || !g) return;
    const n = g.nodeIndex(graph.nodeCount);
    for (const v of nodes) for (let i = n.start[v]!, end = n.start[v + 1]!; i < end; i++) each(n.slots[i]!);
    for (const slot of g.putSince) each(slot);
  }

  /**
   * Builds the indexes `forPlacesAt` reads (by edge; by seed node on this graph) where missing, so
   * that the question that builds them is the one snapping and seeding the places (the first), not
   * the first after units moved: built there, they were that question's ~100 ms at 200,000 places
   * (issue 16, the p99 of the row after 1,000 moves).
   */
  prepareIndexes(graph: RoadGraph): void {
    this.edgeIndex();
    this.seeds.get(graph)?.nodeIndex(graph.nodeCount);
  }

  /** A slot's rank (valid after `slotsOf`). */
  rankOf(slot: number): number {
    return this.rank[slot]!;
  }

  /** True when the slot's place is off the road network (no time). */
  offRoad(slot: number): boolean {
    return this.edge[slot]! < 0;
  }

  /** These slots' destination seeds on a state's travel graph: read where missing or after a live change of the graph. */
  tableFor(state: MaintainedOrigins, slots: Int32Array): DestinationTable {
    const graph = state.graph;
    let g = this.seeds.get(graph);
    // Seeds of moved places are left behind in the pool: start again once they are half of it.
    if (!g || g.version !== graph.liveVersion || g.size - g.live > Math.max(g.live, 1024)) {
      g = new GraphSeeds(graph.liveVersion, this.lon.length, ++this.pools);
      this.seeds.set(graph, g);
    }
    g.fit(this.lon.length);
    const at: OnEdge = { edge: edgeId(0), source: nodeId(0), target: nodeId(0), fraction: 0 };
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (g.valid[s] === 1 || this.edge[s]! < 0) continue;
      at.edge = edgeId(this.edge[s]!); at.source = nodeId(this.source[s]!); at.target = nodeId(this.target[s]!); at.fraction = this.fraction[s]!;
      const { nodes, costs } = state.destinationCosts(at);
      g.put(s, nodes, costs);
    }
    return { start: g.start, count: g.count, nodes: g.nodes, costs: g.costs, edge: this.edge, fraction: this.fraction };
  }

  private add(p: PlaceKey): number {
    const s = this.used++;
    if (s >= this.lon.length) this.grow(Math.max(1024, 2 * this.lon.length));
    this.slotOf.set(p.id, s);
    this.ids[s] = p.id;
    this.names[s] = p.name;
    this.snap(s, p.lon, p.lat);
    this.unranked.push(s);
    return s;
  }

  private snap(s: number, lon: number, lat: number): void {
    const at = snapOrNull(this.graph, lon, lat);
    this.lon[s] = lon;
    this.lat[s] = lat;
    this.edge[s] = at === null ? -1 : at.edge;
    this.source[s] = at?.source ?? -1;
    this.target[s] = at?.target ?? -1;
    this.fraction[s] = at?.fraction ?? 0;
    this.stamp[s] = ++this.stamped;
    // The index is kept: a place snapped since is listed beside it (its old entry only makes an answer read again),
    // until they are many; rebuilding it per snap cost a pass over every place and edge.
    if (this.byEdge !== null) {
      this.snappedSince.push(s);
      if (this.snappedSince.length > Math.max(1024, this.used >> 6)) { this.byEdge = null; this.snappedSince = []; }
    }
    for (const g of this.seeds.values()) g.drop(s);
  }

  private grow(capacity: number): void {
    const more = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => { const b = make(capacity); b.set(a); return b; };
    this.lon = more(this.lon, (n) => new Float64Array(n));
    this.lat = more(this.lat, (n) => new Float64Array(n));
    this.fraction = more(this.fraction, (n) => new Float64Array(n));
    this.edge = more(this.edge, (n) => new Int32Array(n));
    this.source = more(this.source, (n) => new Int32Array(n));
    this.target = more(this.target, (n) => new Int32Array(n));
    this.rank = more(this.rank, (n) => new Int32Array(n));
    this.stamp = more(this.stamp, (n) => new Int32Array(n));
    this.order = more(this.order, (n) => new Int32Array(n));
  }

  private edgeIndex(): { start: Int32Array; slots: Int32Array } {
    if (this.byEdge) return this.byEdge;
    const start = new Int32Array(this.graph.edgeCount + 1);
    for (let s = 0; s < this.used; s++) if (this.edge[s]! >= 0) start[this.edge[s]! + 1]!++;
    for (let e = 0; e < this.graph.edgeCount; e++) start[e + 1]! += start[e]!;
    const at = start.slice(0, -1);
    const slots = new Int32Array(start[this.graph.edgeCount]!);
    for (let s = 0; s < this.used; s++) if (this.edge[s]! >= 0) slots[at[this.edge[s]!]!++] = s;
    this.snappedSince = [];
    return (this.byEdge = { start, slots });
  }

  private clear(): void {
    this.slotOf.clear();
    this.ids = [];
    this.names = [];
    this.used = 0;
    this.ordered = 0;
    this.unranked = [];
    this.byEdge = null;
    this.snappedSince = [];
    this.seeds.clear();
    this.asked = [];
  }

  /** `worstFirst`'s order of two slots: name, then id (then slot, so that the order is total). */
  private readonly compare = (a: number, b: number): number => byName.compare(this.names[a]!, this.names[b]!) || byName.compare(this.ids[a]!, this.ids[b]!) || a - b;

  /**
   * Ranks the slots added or renamed since the last question. A few (a place added or renamed
   * between two questions) are put into the kept order by binary search, the ranks after them
   * shifted: O(places) without a comparison per place, where sorting every cached place again
   * took ~0.5 s of CPU at 200,000 (issue 16). Many (the first question) are ranked by one sort.
   */
  private rankNew(): void {
    const pending = [...new Set(this.unranked)];
    this.unranked = [];
    if (pending.length > Math.max(64, this.ordered >> 6)) return this.rankAll();
    pending.sort(this.compare);
    // Out of the order first: the renamed ones (a new slot is at or past `ordered`).
    const out = pending.filter((s) => s < this.ordered).map((s) => this.rank[s]!).sort((a, b) => a - b);
    const order = this.order;
    let kept = out.length === 0 ? this.ordered : out[0]!;
    for (let r = kept, o = 0; r < this.ordered; r++) {
      if (o < out.length && out[o] === r) { o++; continue; }
      order[kept++] = order[r]!;
    }
    // Where each goes among those kept (pending is sorted, so the places are too), then merged in from the back.
    const at = pending.map((s) => {
      let lo = 0, hi = kept;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (this.compare(order[mid]!, s) < 0) lo = mid + 1; else hi = mid; }
      return lo;
    });
    let w = kept + pending.length;
    this.ordered = w;
    for (let k = pending.length - 1, r = kept - 1; k >= 0; k--) {
      while (r >= at[k]!) order[--w] = order[r--]!;
      order[--w] = pending[k]!;
    }
    for (let r = Math.min(at[0]!, out[0] ?? Infinity); r < this.ordered; r++) this.rank[order[r]!] = r;
  }

  private rankAll(): void {
    const order = Array.from({ length: this.used }, (_, i) => i).sort(this.compare);
    order.forEach((s, r) => { this.rank[s] = r; this.order[r] = s; });
    this.ordered = this.used;
  }
}

/** One travel graph's destination seeds by place slot, in a pool that only grows (`PlaceCache.tableFor` starts a new one). */
class GraphSeeds {
  valid = new Uint8Array(0);
  start = new Int32Array(0);
  count = new Uint16Array(0);
  nodes = new Int32Array(4096);
  costs = new Float64Array(4096);
  /** Pool entries used, and those of valid slots. */
  size = 0;
  live = 0;
  /** Valid slots by the routing nodes of their seeds (built when asked), and the slots seeded since (not in it). */
  private byNode: { start: Int32Array; slots: Int32Array } | null = null;
  putSince: number[] = [];

  constructor(readonly version: number, slots: number, readonly pool: number) {
    this.fit(slots);
  }

  fit(slots: number): void {
    if (this.valid.length >= slots) return;
    const valid = new Uint8Array(slots), start = new Int32Array(slots), count = new Uint16Array(slots);
    valid.set(this.valid); start.set(this.start); count.set(this.count);
    this.valid = valid; this.start = start; this.count = count;
  }

  put(slot: number, nodes: Int32Array, costs: Float64Array): void {
    if (this.size + nodes.length > this.nodes.length) {
      const capacity = 2 * (this.size + nodes.length);
      const n = new Int32Array(capacity), c = new Float64Array(capacity);
      n.set(this.nodes.subarray(0, this.size)); c.set(this.costs.subarray(0, this.size));
      this.nodes = n; this.costs = c;
    }
    this.nodes.set(nodes, this.size);
    this.costs.set(costs, this.size);
    this.start[slot] = this.size;
    this.count[slot] = nodes.length;
    this.valid[slot] = 1;
    this.size += nodes.length;
    this.live += nodes.length;
    // As the edge index: kept, the slots seeded since beside it, rebuilt once they are many.
    if (this.byNode !== null) {
      this.putSince.push(slot);
      if (this.putSince.length > Math.max(1024, this.valid.length >> 6)) { this.byNode = null; this.putSince = []; }
    }
  }

  nodeIndex(nodeCount: number): { start: Int32Array; slots: Int32Array } {
    if (this.byNode) return this.byNode;
    const { valid, start: from, count, nodes } = this;
    const start = new Int32Array(nodeCount + 1);
    for (let s = 0; s < valid.length; s++) if (valid[s] === 1) for (let j = from[s]!, end = j + count[s]!; j < end; j++) start[nodes[j]! + 1]!++;
    for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
    const at = start.slice(0, -1);
    const slots = new Int32Array(start[nodeCount]!);
    for (let s = 0; s < valid.length; s++) if (valid[s] === 1) for (let j = from[s]!, end = j + count[s]!; j < end; j++) slots[at[nodes[j]!]!++] = s;
    this.putSince = [];
    return (this.byNode = { start, slots });
  }

  drop(slot: number): void {
    if (slot >= this.valid.length || this.valid[slot] === 0) return;
    // Left in the index: an entry of a slot no longer seeded there only makes its answer read again.
    this.valid[slot] = 0;
    this.live -= this.count[slot]!;
  }
}
