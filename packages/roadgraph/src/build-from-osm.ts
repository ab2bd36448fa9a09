import { RoadGraphError } from './errors.js';
import { FIXED_SCALE, haversine } from './geo.js';
import { NOT_ALLOWED, type GraphData } from './graph-data.js';
import type { BarrierPassage } from './barriers.js';
import type { OsmRoads, RoadWay } from './osm-read.js';
import type { WayProfile } from './profile.js';
import { TURN_ONLY } from './turns.js';
import { encodeViaWays, viaWayChain, type ViaWayRestriction } from './via-ways.js';

/**
 * Turns drivable ways into a graph whose nodes are junctions and dead ends only: a way is cut
 * at every node shared with another way (or repeated in itself) and at its ends; the nodes in
 * between become the edge's geometry. Ways clipped by the extract are cut at missing nodes.
 *
 * A barrier that stops some profile is cut out of the road: each way piece reaching it ends at a
 * node of its own there, linked to a hub node by a zero-length edge that only the profiles
 * passing the barrier may drive (none: no link). Every profile reaches the barrier from its side;
 * only those it lets through cross it, and for the car the link is -1 both ways, as pgRouting
 * reads it.
 */
export function buildFromOsm(roads: OsmRoads): GraphData {
  const lookup = new NodeLookup(roads.nodeIds);
  const runs = roads.ways.flatMap((way) => presentRuns(way, lookup));
  if (runs.length === 0) throw new RoadGraphError('ROADGRAPH_NO_ROADS', 'The file holds no drivable road');
  const uses = countUses(runs, roads.nodeIds.length);
  const barriers = new Map<number, BarrierPassage>();
  for (const [osmId, passage] of roads.barriers) {
    const index = lookup.indexOf(osmId);
    if (index < 0 || uses[index] === 0) continue;
    barriers.set(index, passage);
    uses[index] = 2; // ways are cut at the barrier
  }
  const builder = new EdgeBuilder(roads, uses, barriers);
  for (const run of runs) builder.addRun(run);
  return builder.finish(resolveRestrictions(roads, lookup, builder), resolveViaWays(roads, builder));
}

/**
 * Restrictions as (via node, from edge, to edge, flags): the from and to edges are the pieces of
 * those ways that end at the via junction. Dropped: a via that is missing, not a junction or a
 * barrier; a way that does not touch the via (the extract clipped it, or a broken relation);
 * and a way that passes *through* the via (two pieces touch it: which side is meant is a
 * guess, and a wrong guess bans a legal turn — OSM asks mappers to split the way there).
 */
function resolveRestrictions(roads: OsmRoads, lookup: NodeLookup, builder: EdgeBuilder): Int32Array {
  const out: number[] = [];
  for (const r of roads.restrictions) {
    if (r.viaWays.length > 0) continue;
    const index = lookup.indexOf(r.viaNode);
    const via = index < 0 ? -1 : builder.junctionNode(index);
    if (via < 0) continue;
    const from = builder.edgesOfWayAt(r.fromWay, via);
    const to = builder.edgesOfWayAt(r.toWay, via);
    if (from.length !== 1 || to.length !== 1) continue;
    out.push(via, from[0]!, to[0]!, (r.only ? TURN_ONLY : 0) | r.profiles);
  }
  return Int32Array.from(out);
}

/**
 * Restrictions whose via is ways, as edge chains (via-ways.ts): dropped when the ways make no
 * single chain (clipped by the extract, cut by a barrier, meeting at two places).
 */
function resolveViaWays(roads: OsmRoads, builder: EdgeBuilder): Int32Array {
  const out: ViaWayRestriction[] = [];
  for (const r of roads.restrictions) {
    if (r.viaWays.length === 0) continue;
    const chain = viaWayChain(r.fromWay, r.viaWays, r.toWay, builder);
    if (chain) out.push({ from: chain[0]!, via: chain.slice(1, -1), to: chain[chain.length - 1]!, only: r.only, profiles: r.profiles });
  }
  return encodeViaWays(out);
}

interface Run {
  way: RoadWay;
  /** Indexes into the OSM node arrays. */
  nodes: Int32Array;
}

function presentRuns(way: RoadWay, lookup: NodeLookup): Run[] {
  const runs: Run[] = [];
  let current: number[] = [];
  for (const ref of way.refs) {
    const index = lookup.indexOf(ref);
    if (index >= 0) {
      current.push(index);
      continue;
    }
    if (current.length >= 2) runs.push({ way, nodes: Int32Array.from(current) });
    current = [];
  }
  if (current.length >= 2) runs.push({ way, nodes: Int32Array.from(current) });
  return runs;
}

/** Uses per OSM node, saturating at 2: a run's ends count twice so they are always junctions. */
function countUses(runs: Run[], nodeCount: number): Uint8Array {
  const uses = new Uint8Array(nodeCount);
  for (const { nodes } of runs) {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const isEnd = i === 0 || i === nodes.length - 1;
      uses[n] = Math.min(2, uses[n]! + (isEnd ? 2 : 1));
    }
  }
  return uses;
}

class NodeLookup {
  private readonly sortedIds: Float64Array;
  private readonly order: Int32Array | undefined;

  constructor(ids: Float64Array) {
    if (isSorted(ids)) {
      this.sortedIds = ids;
      return;
    }
    const order = Int32Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
    this.order = order;
    this.sortedIds = Float64Array.from(order, (i) => ids[i]!);
  }

  indexOf(id: number): number {
    const ids = this.sortedIds;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid]!;
      if (at < id) lo = mid + 1;
      else if (at > id) hi = mid - 1;
      else return this.order ? this.order[mid]! : mid;
    }
    return -1;
  }
}

function isSorted(ids: Float64Array): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! >= ids[i]!) return false;
  return true;
}

class EdgeBuilder {
  private readonly graphNode: Int32Array;
  private readonly nodeLon: number[] = [];
  private readonly nodeLat: number[] = [];
  private readonly sources: number[] = [];
  private readonly targets: number[] = [];
  private readonly forwardMs: number[] = [];
  private readonly backwardMs: number[] = [];
  private readonly emergencyForwardMs: number[] = [];
  private readonly emergencyBackwardMs: number[] = [];
  /** Hub node of each barrier (by OSM node index), made when its first way piece arrives. */
  private readonly hubOf = new Map<number, number>();
  private readonly lengthM: number[] = [];
  private readonly flags: number[] = [];
  private readonly limits: number[] = [];
  private readonly tracks: number[] = [];
  private readonly geomStart: number[] = [0];
  private readonly geomCoords: number[] = [];
  /** OSM way id -> its edges (while building only: resolves turn restrictions). */
  private readonly edgesOfWay = new Map<number, number[]>();

  constructor(private readonly roads: OsmRoads, private readonly uses: Uint8Array, private readonly barriers: ReadonlyMap<number, BarrierPassage>) {
    this.graphNode = new Int32Array(roads.nodeIds.length).fill(-1);
  }

  addRun({ way, nodes }: Run): void {
    let start = 0;
    for (let i = 1; i < nodes.length; i++) {
      if (this.uses[nodes[i]!]! < 2) continue;
      this.addEdge(way, nodes.subarray(start, i + 1));
      start = i;
    }
  }

  private addEdge(way: RoadWay, nodes: Int32Array): void {
    const { nodeLon, nodeLat } = this.roads;
    // End nodes first: at a barrier they add the link edge, whose geometry must come before ours.
    const source = this.endNode(nodes[0]!);
    const target = this.endNode(nodes[nodes.length - 1]!);
    let length = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      this.geomCoords.push(Math.round(nodeLon[n]! * FIXED_SCALE), Math.round(nodeLat[n]! * FIXED_SCALE));
      if (i > 0) length += haversine(nodeLon[nodes[i - 1]!]!, nodeLat[nodes[i - 1]!]!, nodeLon[n]!, nodeLat[n]!);
    }
    const edge = this.sources.length;
    this.pushEdge(source, target, length, way.profiles.car, way.profiles.emergency);
    this.flags[edge] = way.profiles.flags;
    const track = way.profiles.track;
    if (track) this.tracks.push(edge, costMs(length, track, 'forward'), costMs(length, track, 'backward'));
    const limits = way.profiles.limits;
    if (limits) this.limits.push(edge, limits.heightCm, limits.weightKg);
    this.addSignalDelay(edge, nodes);
    const list = this.edgesOfWay.get(way.id);
    if (list) list.push(edge);
    else this.edgesOfWay.set(way.id, [edge]);
  }

  /**
   * Traffic signals on the piece: one between its ends is passed either way; one at an end is
   * met when arriving there (forward: the target; backward: the source).
   */
  private addSignalDelay(edge: number, nodes: Int32Array): void {
    const { signals, signalSeconds, nodeIds } = this.roads;
    if (signals.size === 0 || (signalSeconds.car <= 0 && signalSeconds.emergency <= 0)) return;
    let inner = 0;
    for (let i = 1; i < nodes.length - 1; i++) if (signals.has(nodeIds[nodes[i]!]!)) inner++;
    const atSource = signals.has(nodeIds[nodes[0]!]!) ? 1 : 0;
    const atTarget = signals.has(nodeIds[nodes[nodes.length - 1]!]!) ? 1 : 0;
    const add = (costs: number[], count: number, seconds: number) => {
      if (costs[edge]! >= 0 && count > 0) costs[edge] = costs[edge]! + Math.round(count * seconds * 1000);
    };
    add(this.forwardMs, inner + atTarget, signalSeconds.car);
    add(this.backwardMs, inner + atSource, signalSeconds.car);
    add(this.emergencyForwardMs, inner + atTarget, signalSeconds.emergency);
    add(this.emergencyBackwardMs, inner + atSource, signalSeconds.emergency);
  }

  /** The graph node of an OSM node that is a junction (not cut out as a barrier), or -1. */
  junctionNode(osmIndex: number): number {
    return this.barriers.has(osmIndex) ? -1 : this.graphNode[osmIndex]!;
  }

  /** Edges of an OSM way with an end at the graph node. */
  edgesOfWayAt(wayId: number, node: number): number[] {
    return this.edgesOf(wayId).filter((e) => this.sources[e] === node || this.targets[e] === node);
  }

  /** The edges an OSM way was cut into (none when no piece of it is drivable or in the extract). */
  edgesOf(wayId: number): readonly number[] {
    return this.edgesOfWay.get(wayId) ?? [];
  }

  source(edge: number): number {
    return this.sources[edge]!;
  }

  target(edge: number): number {
    return this.targets[edge]!;
  }

  /** The edge's geometry must already be pushed. */
  private pushEdge(source: number, target: number, length: number, car: WayProfile | undefined, emergency: WayProfile | undefined): void {
    this.geomStart.push(this.geomCoords.length / 2);
    this.sources.push(source);
    this.targets.push(target);
    this.forwardMs.push(costMs(length, car, 'forward'));
    this.backwardMs.push(costMs(length, car, 'backward'));
    this.emergencyForwardMs.push(costMs(length, emergency, 'forward'));
    this.emergencyBackwardMs.push(costMs(length, emergency, 'backward'));
    this.lengthM.push(length);
  }

  /** The graph node a way piece ends at: the OSM node's, or at a barrier a node of its own. */
  private endNode(osmIndex: number): number {
    const passage = this.barriers.get(osmIndex);
    if (!passage) return this.nodeFor(osmIndex);
    const own = this.newNode(osmIndex);
    if (!passage.car && !passage.emergency) return own; // stops everyone: no link
    let hub = this.hubOf.get(osmIndex);
    if (hub === undefined) {
      hub = this.newNode(osmIndex);
      this.hubOf.set(osmIndex, hub);
    }
    const x = Math.round(this.roads.nodeLon[osmIndex]! * FIXED_SCALE), y = Math.round(this.roads.nodeLat[osmIndex]! * FIXED_SCALE);
    this.geomCoords.push(x, y, x, y);
    this.pushEdge(hub, own, 0, passage.car ? BOTH_WAYS : undefined, passage.emergency ? BOTH_WAYS : undefined);
    return own;
  }

  private newNode(osmIndex: number): number {
    const id = this.nodeLon.length;
    this.nodeLon.push(this.roads.nodeLon[osmIndex]!);
    this.nodeLat.push(this.roads.nodeLat[osmIndex]!);
    return id;
  }

  private nodeFor(osmIndex: number): number {
    const existing = this.graphNode[osmIndex]!;
    if (existing >= 0) return existing;
    const id = this.nodeLon.length;
    this.graphNode[osmIndex] = id;
    this.nodeLon.push(this.roads.nodeLon[osmIndex]!);
    this.nodeLat.push(this.roads.nodeLat[osmIndex]!);
    return id;
  }

  finish(turnRestrictions: Int32Array, viaWayRestrictions: Int32Array): GraphData {
    return {
      nodeLon: Float64Array.from(this.nodeLon),
      nodeLat: Float64Array.from(this.nodeLat),
      edgeSource: Int32Array.from(this.sources),
      edgeTarget: Int32Array.from(this.targets),
      edgeForwardMs: Int32Array.from(this.forwardMs),
      edgeBackwardMs: Int32Array.from(this.backwardMs),
      emergencyForwardMs: Int32Array.from(this.emergencyForwardMs),
      emergencyBackwardMs: Int32Array.from(this.emergencyBackwardMs),
      edgeLengthM: Float32Array.from(this.lengthM),
      geomStart: Int32Array.from(this.geomStart),
      geomCoords: Int32Array.from(this.geomCoords),
      turnRestrictions,
      viaWayRestrictions,
      edgeFlags: Uint8Array.from({ length: this.sources.length }, (_, e) => this.flags[e] ?? 0),
      edgeLimits: Int32Array.from(this.limits),
      trackCosts: Int32Array.from(this.tracks),
    };
  }
}

/** A barrier's link: no length, so any speed; both ways. */
const BOTH_WAYS: WayProfile = { kmh: 1, forward: true, backward: true };

function costMs(length: number, profile: WayProfile | undefined, direction: 'forward' | 'backward'): number {
  if (!profile?.[direction]) return NOT_ALLOWED;
  return Math.round((length / (profile.kmh / 3.6)) * 1000);
}
