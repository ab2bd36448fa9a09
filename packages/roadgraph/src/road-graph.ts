import { Adjacency, buildAdjacency } from './adjacency.js';
import { ChRouter } from './ch/bidirectional.js';
import { buildHierarchy, type Hierarchy } from './ch/hierarchy.js';
import { mainComponentNodes } from './components.js';
import { Phast } from './ch/phast.js';
import { ChPotential } from './ch/potential.js';
import { RoadGraphError } from './errors.js';
import { blockedEdges, type VehicleDimensions } from './limits.js';
import { profileCosts, withTracks, type GraphData, type ProfileCosts } from './graph-data.js';
import type { Profile } from './profile.js';
import { Search } from './search.js';
import { SnapIndex } from './snap.js';
import { expandTurns, type TurnExpansion } from './turns.js';
import { TurnModel, type TurnCostOptions, type ViaWayRestriction } from './turn-costs.js';
import { TurnSearch } from './turn-search.js';
import { warmTurnPaths } from './turn-refine.js';
import { decodeViaWays } from './via-ways.js';
import type { EdgeId } from './types.js';

export interface RoadGraphOptions {
  /**
   * Honour turn restrictions (default true). Off gives the plain node-based graph: what
   * pgRouting's pgr_dijkstra computes, to compare like with like.
   */
  turnRestrictions?: boolean;
  /**
   * A vehicle's declared height and weight: roads whose `maxheight` / `maxweight` it exceeds are
   * closed to it for good; `tracks: true` opens `highway=track` (see `forVehicle`).
   */
  vehicle?: VehicleDimensions;
  /**
   * Turn costs by angle and U-turns only where allowed (turn-costs.ts, ADR 0013): `true` for
   * OSRM's car defaults, options to change them; off by default, so costs stay pgRouting's.
   * Queries then refine the node-based costs with a turn-aware search.
   */
  turnCosts?: boolean | TurnCostOptions;
  /**
   * Restrictions whose via is a way (edge ids), honoured by the turn-aware search (needs
   * turnCosts), besides those the graph data holds (read from OSM; left out with
   * `turnRestrictions: false`).
   */
  viaWayRestrictions?: readonly ViaWayRestriction[];
}

/**
 * A directed road graph in compressed sparse rows for one profile (the car by default), with live
 * per-edge cost factors (closures are factor Infinity). Queries live in their own modules and take
 * the graph. Graphs of several profiles may share one GraphData (geometry and nodes are held once),
 * and their edge ids are the same, so a point snapped on one is a valid position on the others.
 */
export class RoadGraph {
  readonly forward: Adjacency;
  readonly backward: Adjacency;
  /** Routing nodes: the graph's nodes, then copies at junctions with a turn restriction. */
  readonly nodeCount: number;
  /** The graph's own nodes (junctions and dead ends), 0..graphNodeCount-1. */
  readonly graphNodeCount: number;
  /** This profile's split junctions (turns.ts); empty without restrictions. */
  readonly turns: TurnExpansion;
  readonly edgeCount: number;
  /** Factor of each changed edge (Infinity when closed); edges not here are as built (1). */
  private readonly factors = new Map<number, number>();
  /** Bumped on every live change; caches keyed on it stay honest. */
  liveVersion = 0;
  private snapIndex: SnapIndex | undefined;
  private inMain: Uint8Array | undefined;
  private readonly searches: Search[] = [];
  private ch: Hierarchy | undefined;
  private phasts: Phast[] = [];
  private potentials: ChPotential[] = [];
  private routers: ChRouter[] = [];
  /** Graphs made by forVehicle, kept so that live changes here reach them too. */
  private readonly vehicleGraphs = new Map<string, RoadGraph>();

  /** This profile's base edge costs (ms, -1 = not allowed). */
  readonly costs: ProfileCosts;
  /** Edges over the declared vehicle's height or weight limit: closed whatever is lifted. */
  readonly blocked: ReadonlySet<number>;
  /** The turn rules when turn costs are on (queries refine with them), else undefined. */
  readonly turnModel: TurnModel | undefined;
  private readonly turnSearches: TurnSearch[] = [];
  private turnPathsWarm = false;
  private readonly turnOptions: Pick<RoadGraphOptions, 'turnRestrictions' | 'turnCosts' | 'viaWayRestrictions'>;

  /** `topologyOf`: a graph of the same data and profile whose turns and arc arrays are reused. */
  constructor(readonly data: GraphData, readonly profile: Profile = 'car', options: RoadGraphOptions = {}, topologyOf?: RoadGraph) {
    this.graphNodeCount = data.nodeLon.length;
    this.edgeCount = data.edgeSource.length;
    const drivesTracks = options.vehicle?.tracks === true && data.trackCosts.length > 0;
    this.costs = drivesTracks ? withTracks(data, profileCosts(data, profile)) : profileCosts(data, profile);
    // Tracks add arcs: a graph that drives them has arcs (and turn copies) of its own.
    if (topologyOf && topologyOf.data === data && topologyOf.profile === profile && !drivesTracks) {
      this.turns = topologyOf.turns;
      this.forward = sameArcs(topologyOf.forward);
      this.backward = sameArcs(topologyOf.backward);
    } else {
      this.turns = expandTurns(data, this.costs, profile, options.turnRestrictions ?? true);
      this.forward = buildAdjacency(data, this.costs, false, this.turns);
      this.backward = buildAdjacency(data, this.costs, true, this.turns);
    }
    this.nodeCount = this.turns.nodeCount;
    this.blocked = new Set(options.vehicle ? drivableBlocked(data, this.costs, options.vehicle) : []);
    if (this.blocked.size > 0) this.forward.live = this.backward.live = this.baseLiveCosts();
    this.turnOptions = { turnRestrictions: options.turnRestrictions, turnCosts: options.turnCosts, viaWayRestrictions: options.viaWayRestrictions };
    const turnCosts = options.turnCosts ?? false;
    const viaWays = [...(options.turnRestrictions === false ? [] : decodeViaWays(data.viaWayRestrictions)), ...(options.viaWayRestrictions ?? [])];
    this.turnModel = turnCosts === false ? undefined : new TurnModel(
      data, this.forward, this.backward,
      (v) => (this.turns.arrivals.has(v) ? { arrivals: this.arrivalsAt(v), departures: this.departuresFrom(v) } : undefined),
      profile, turnCosts === true ? {} : turnCosts, viaWays,
    );
  }

  /**
   * This profile's graph for a vehicle of declared dimensions (a ladder truck's height, an
   * engine's weight): itself when no road's limit stops the vehicle, else a graph sharing this
   * one's arcs (8 bytes an edge of its own: live costs with the blocked roads closed) that answers
   * by Dijkstra, since the hierarchy was contracted without the limits. A vehicle that drives
   * tracks (`tracks: true`, when the graph has any) gets arcs of its own with the tracks in (the
   * profile's costs copied, 8 bytes an edge, plus an adjacency), also answered by Dijkstra. One
   * per dimensions, kept: live closures and slow-downs set on this graph reach it too.
   */
  forVehicle(vehicle: VehicleDimensions): RoadGraph {
    const opensTracks = vehicle.tracks === true && this.data.trackCosts.length > 0;
    if (!opensTracks && drivableBlocked(this.data, this.costs, vehicle).length === 0) return this;
    const key = `${vehicle.heightM ?? ''}/${vehicle.weightT ?? ''}/${opensTracks ? 'tracks' : ''}`;
    let graph = this.vehicleGraphs.get(key);
    if (!graph) {
      graph = new RoadGraph(this.data, this.profile, { ...this.turnOptions, vehicle }, this);
      for (const [e, factor] of this.factors) graph.setEdgeFactor(e, factor);
      this.vehicleGraphs.set(key, graph);
    }
    return graph;
  }

  /** True while any edge is closed or slowed: the contraction hierarchy is then stale. */
  get hasLiveChanges(): boolean {
    return this.factors.size > 0;
  }

  /** Contracts the graph (seconds on a city, about a minute per million nodes). */
  buildHierarchy(): Hierarchy {
    this.attachHierarchy(buildHierarchy(this.forward, this.costs, this.profile));
    return this.ch!;
  }

  attachHierarchy(ch: Hierarchy): void {
    if (ch.nodeCount !== this.nodeCount) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `Hierarchy is for ${ch.nodeCount} nodes, graph has ${this.nodeCount}`);
    if (ch.profile !== this.profile) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `Hierarchy is for the ${ch.profile} profile, graph is for ${this.profile}`);
    this.ch = ch;
    this.phasts = [];
    this.potentials = [];
    this.routers = [];
  }

  get hierarchy(): Hierarchy | undefined {
    return this.ch;
  }

  /**
   * The hierarchy when it may answer: it holds base costs, so while any closure or slow-down is
   * live, queries fall back to Dijkstra on the live costs.
   */
  get usableHierarchy(): Hierarchy | undefined {
    return this.factors.size > 0 || this.blocked.size > 0 ? undefined : this.ch;
  }

  acquirePhast(ch: Hierarchy): Phast {
    return this.phasts.pop() ?? new Phast(ch);
  }

  releasePhast(phast: Phast): void {
    this.phasts.push(phast);
  }

  /** Lazy exact costs to a destination (ch/potential.ts); ~21 bytes a node, so kept and reused like the PHAST sweeps. */
  acquirePotential(ch: Hierarchy): ChPotential {
    return this.potentials.pop() ?? new ChPotential(ch);
  }

  releasePotential(potential: ChPotential): void {
    this.potentials.push(potential);
  }

  acquireRouter(ch: Hierarchy): ChRouter {
    return this.routers.pop() ?? new ChRouter(ch);
  }

  releaseRouter(router: ChRouter): void {
    this.routers.push(router);
  }

  /**
   * Per node, 1 when it is in the main road network: the largest strongly connected component of
   * the roads as built (closures do not change it). Computed once, in linear time.
   */
  get mainNetwork(): Uint8Array {
    if (this.inMain) return this.inMain;
    const routing = mainComponentNodes(this.forward);
    // Per graph node: a split junction is in the main network when its copies are.
    const inMain = routing.slice(0, this.graphNodeCount);
    for (let c = this.graphNodeCount; c < this.nodeCount; c++) if (routing[c]) inMain[this.junctionOf(c)] = 1;
    this.inMain = inMain;
    return inMain;
  }

  /** The graph node a routing node stands for (itself, or the junction a copy belongs to). */
  junctionOf(node: number): number {
    return node < this.graphNodeCount ? node : this.turns.junctionOf[node - this.graphNodeCount]!;
  }

  /** Routing node where the arc of edge code (e << 1 | reversed) ends. */
  arcHead(code: number): number {
    return this.turns.headOf.get(code) ?? (code & 1 ? this.data.edgeSource[code >> 1]! : this.data.edgeTarget[code >> 1]!);
  }

  /** Routing node where the arc of edge code (e << 1 | reversed) starts. */
  arcTail(code: number): number {
    return this.turns.tailOf.get(code) ?? (code & 1 ? this.data.edgeTarget[code >> 1]! : this.data.edgeSource[code >> 1]!);
  }

  /** Routing nodes a route ends at when it reaches graph node v (its in copies, or v). */
  arrivalsAt(v: number): readonly number[] {
    return this.turns.arrivals.get(v) ?? [v];
  }

  /** Routing nodes a route starts from when it leaves graph node v (its out copies, or v). */
  departuresFrom(v: number): readonly number[] {
    return this.turns.departures.get(v) ?? [v];
  }

  /**
   * Snaps points onto edges of the main network only (see `mainNetwork`) that this profile may
   * drive at least one way; never onto the zero-length link of a barrier.
   */
  get snapper(): SnapIndex {
    this.snapIndex ??= new SnapIndex(this.data, this.mainNetwork, this.costs);
    return this.snapIndex;
  }

  /** Live cost in ms of edge e in one direction (reversed = target -> source); Infinity if barred. */
  edgeCost(e: number, reversed: boolean): number {
    const base = reversed ? this.costs.backwardMs[e]! : this.costs.forwardMs[e]!;
    return base < 0 ? Infinity : liveCost(base, this.edgeFactor(e));
  }

  /** Edge e's live factor: 1 as built, Infinity when closed. */
  edgeFactor(e: number): number {
    return this.blocked.has(e) ? Infinity : (this.factors.get(e) ?? 1);
  }

  /** Sets edge e's factor (1 = as built, Infinity = closed). */
  setEdgeFactor(e: EdgeId | number, factor: number): void {
    if (!(e >= 0 && e < this.edgeCount && Number.isInteger(e))) {
      throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `No edge ${e} (graph has ${this.edgeCount})`);
    }
    if (!(factor > 0)) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `Factor must be > 0, got ${factor}`);
    if ((this.factors.get(e) ?? 1) === factor) return;
    if (factor === 1) this.factors.delete(e);
    else this.factors.set(e, factor);
    if (this.factors.size === 0 && this.blocked.size === 0) {
      // Nothing live: the searches read the base costs again and the live array is let go.
      this.forward.live = this.backward.live = undefined;
    } else {
      // Live costs per edge code, made when the first change goes live (8 bytes an edge).
      const live = this.forward.live ?? this.baseLiveCosts();
      for (const reversed of [false, true]) live[(e << 1) | (reversed ? 1 : 0)] = this.edgeCost(e, reversed);
      this.forward.live = this.backward.live = live;
    }
    this.liveVersion++;
    for (const graph of this.vehicleGraphs.values()) graph.setEdgeFactor(e, factor);
  }

  private baseLiveCosts(): Float32Array {
    const live = new Float32Array(this.edgeCount * 2);
    const { forwardMs, backwardMs } = this.costs;
    for (let e = 0; e < this.edgeCount; e++) {
      live[e << 1] = forwardMs[e]! < 0 ? Infinity : forwardMs[e]!;
      live[(e << 1) | 1] = backwardMs[e]! < 0 ? Infinity : backwardMs[e]!;
    }
    for (const e of this.blocked) live[e << 1] = live[(e << 1) | 1] = Infinity;
    return live;
  }

  /** A search object for this graph; callers must release it (searches are reused). */
  acquireSearch(): Search {
    return this.searches.pop() ?? new Search(this.nodeCount);
  }

  releaseSearch(search: Search): void {
    this.searches.push(search);
  }

  /** A turn-aware search (only with turn costs on); callers must release it. */
  acquireTurnSearch(model: TurnModel): TurnSearch {
    const pooled = this.turnSearches.pop();
    if (pooled) return pooled;
    const search = new TurnSearch(this, model);
    // The first one runs through a split junction's moves before any query (warmTurnPaths: a
    // query meeting one first no longer makes V8 compile the search again in its tail).
    if (!this.turnPathsWarm) {
      this.turnPathsWarm = true;
      warmTurnPaths(this, model, search);
    }
    return search;
  }

  releaseTurnSearch(search: TurnSearch): void {
    this.turnSearches.push(search);
  }
}

/** Integer milliseconds, so that every engine (and pgRouting) adds the same exact numbers. */
export function liveCost(baseMs: number, factor: number): number {
  return factor === 1 ? baseMs : factor === Infinity ? Infinity : Math.round(baseMs * factor);
}

/**
 * Edges over the vehicle's limits that these costs let it drive: a limited track does not make a
 * road vehicle's graph of its own.
 */
function drivableBlocked(data: GraphData, costs: ProfileCosts, vehicle: VehicleDimensions): number[] {
  return blockedEdges(data, vehicle).filter((e) => costs.forwardMs[e]! >= 0 || costs.backwardMs[e]! >= 0);
}

/** The same arc arrays with live costs of their own. */
function sameArcs(a: Adjacency): Adjacency {
  return new Adjacency(a.start, a.edge, a.extraHead, a.extraCode, a.even, a.odd, a.forwardMs, a.backwardMs);
}
