import Flatbush from 'flatbush';
import { RoadGraphError } from './errors.js';
import { FIXED_SCALE, assertLonLat, haversine, metresPerDegree } from './geo.js';
import type { GraphData, ProfileCosts } from './graph-data.js';
import { EDGE_BRIDGE, EDGE_MOTORWAY, EDGE_TUNNEL } from './profile.js';
import { edgeId, metres, nodeId, type EdgeId, type LonLat, type Metres, type NodeId } from './types.js';

/** A position on the road network: where on which edge a point was snapped. */
export interface Snapped {
  input: LonLat;
  point: LonLat;
  /** Straight-line distance from the input to the road, reported so callers can judge it. */
  distance: Metres;
  edge: EdgeId;
  source: NodeId;
  target: NodeId;
  /** Share of the edge's length from its source to the point, 0..1. */
  fraction: number;
}

export const DEFAULT_MAX_SNAP_METRES = 500;

export interface SnapOptions {
  /**
   * Direction of travel when known (AVL), degrees clockwise from north: a road that cannot be
   * driven that way counts WRONG_HEADING_METRES farther than it is.
   */
  heading?: number;
}

/**
 * A motorway, bridge or tunnel counts this much farther than it is: a point a few metres from a
 * local road goes on the local road, not on the flyover above it or the motorway beside it
 * (issue 17 item 6), unless the heading says it drives along it.
 */
export const GRADE_SEPARATED_METRES = 10;
/** What a road not drivable along the known heading (within HEADING_TOLERANCE_DEGREES) adds. */
export const WRONG_HEADING_METRES = 20;
export const HEADING_TOLERANCE_DEGREES = 45;
const MAX_PENALTY_METRES = GRADE_SEPARATED_METRES + WRONG_HEADING_METRES;
const SEARCH_RADII_M = [50, 200, 1000, 5000];
// Float32 spacing near 180 degrees is 1.5e-5; half of it is the worst rounding of a box edge.
const FLOAT32_PAD_DEGREES = 2e-5;

/**
 * Nearest-segment lookup with a flatbush R-tree over the geometry of the edges of the main road
 * network only (both ends in the largest strongly connected component): a point is never put on
 * a piece of road cut off from the rest, where it could neither be reached nor drive out.
 */
export class SnapIndex {
  private readonly index: Flatbush;
  /** Global index of each segment's first point; the segment runs to the next point. */
  private readonly segPoint: Int32Array;
  private readonly segEdge: Int32Array;

  /**
   * @param inMain per node, 1 when it belongs to the main network (all nodes when omitted)
   * @param costs when given, only edges drivable at least one way with them, and of some length
   *   (a barrier's link has none), are snapped onto
   */
  constructor(private readonly data: GraphData, inMain?: Uint8Array, private readonly costs?: ProfileCosts) {
    const { geomStart, geomCoords, edgeSource, edgeTarget, edgeLengthM } = data;
    const edges = geomStart.length - 1;
    const drivable = (e: number) => !costs || ((costs.forwardMs[e]! >= 0 || costs.backwardMs[e]! >= 0) && edgeLengthM[e]! > 0);
    const usable = (e: number) => drivable(e) && (!inMain || (inMain[edgeSource[e]!] === 1 && inMain[edgeTarget[e]!] === 1));
    let segments = 0;
    for (let e = 0; e < edges; e++) if (usable(e)) segments += geomStart[e + 1]! - geomStart[e]! - 1;
    // Float32 boxes halve the index; the query box is padded by more than their rounding error
    // and the final distance is computed from the exact geometry.
    this.index = new Flatbush(Math.max(1, segments), 16, Float32Array);
    this.segPoint = new Int32Array(segments);
    this.segEdge = new Int32Array(segments);
    let s = 0;
    for (let e = 0; e < edges; e++) {
      if (!usable(e)) continue;
      for (let p = geomStart[e]!; p < geomStart[e + 1]! - 1; p++) {
        const x1 = geomCoords[2 * p]! / FIXED_SCALE, y1 = geomCoords[2 * p + 1]! / FIXED_SCALE;
        const x2 = geomCoords[2 * p + 2]! / FIXED_SCALE, y2 = geomCoords[2 * p + 3]! / FIXED_SCALE;
        this.index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        this.segPoint[s] = p;
        this.segEdge[s++] = e;
      }
    }
    if (segments === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** The road position of `point`; throws ROADGRAPH_TOO_FAR_FROM_ROAD when no road lies within `maxDistance`. */
  snap(point: LonLat, maxDistance: number = DEFAULT_MAX_SNAP_METRES, options: SnapOptions = {}): Snapped {
    const found = this.search(point, maxDistance, options);
    if ('snapped' in found) return found.snapped;
    throw tooFar(point, maxDistance, found.nearest);
  }

  /**
   * As `snap`, but null when no road lies within `maxDistance`: for callers to whom an off-road
   * point is an ordinary answer (the fleet snaps every AVL fix, 2.5 % of them off the road under
   * bench:avl), building and unwinding an error with its stack per point was a visible share of a node's CPU.
   * Bad arguments still throw.
   */
  trySnap(point: LonLat, maxDistance: number = DEFAULT_MAX_SNAP_METRES, options: SnapOptions = {}): Snapped | null {
    const found = this.search(point, maxDistance, options);
    return 'snapped' in found ? found.snapped : null;
  }

  private search(point: LonLat, maxDistance: number, options: SnapOptions): { snapped: Snapped } | { nearest: number | undefined } {
    assertLonLat(point, 'point to snap');
    const { heading } = options;
    if (heading !== undefined && !Number.isFinite(heading)) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `heading must be degrees from north, got ${heading}`);
    const [lon, lat] = point;
    const scale = metresPerDegree(lat);
    if (!(maxDistance >= 0)) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `maxDistance must be >= 0 m, got ${maxDistance}`);
    let best: Candidate | undefined;
    for (const radius of [...SEARCH_RADII_M.filter((r) => r < maxDistance), maxDistance]) {
      best = this.nearestWithin(lon, lat, radius, scale, heading);
      if (best && best.distance <= radius) return { snapped: this.toSnapped(point, best) };
    }
    return { nearest: best?.distance };
  }

  /**
   * The candidate of least score (distance plus the penalties above) among segments within the
   * radius plus the largest penalty, so that a penalised road never hides a farther better one.
   */
  private nearestWithin(lon: number, lat: number, radius: number, scale: { x: number; y: number }, heading?: number): Candidate | undefined {
    const reach = radius + MAX_PENALTY_METRES;
    const dx = reach / scale.x + FLOAT32_PAD_DEGREES;
    const dy = reach / scale.y + FLOAT32_PAD_DEGREES;
    let best: Candidate | undefined;
    for (const s of this.index.search(lon - dx, lat - dy, lon + dx, lat + dy)) {
      if (s >= this.segEdge.length) continue; // the placeholder box of an index with no segments
      const c = this.project(s, lon, lat, scale, heading);
      if (!best || c.score < best.score || (c.score === best.score && c.edge < best.edge)) best = c;
    }
    return best;
  }

  private penalty(e: number, bearing: number, heading: number | undefined): number {
    let metres = (this.data.edgeFlags[e]! & (EDGE_MOTORWAY | EDGE_BRIDGE | EDGE_TUNNEL)) !== 0 ? GRADE_SEPARATED_METRES : 0;
    if (heading !== undefined) {
      const forward = !this.costs || this.costs.forwardMs[e]! >= 0;
      const backward = !this.costs || this.costs.backwardMs[e]! >= 0;
      const along = (forward && angleBetween(bearing, heading) <= HEADING_TOLERANCE_DEGREES) || (backward && angleBetween(bearing + 180, heading) <= HEADING_TOLERANCE_DEGREES);
      if (!along) metres += WRONG_HEADING_METRES;
    }
    return metres;
  }

  /** Closest point of segment s to (lon, lat) in a local equirectangular frame. */
  private project(s: number, lon: number, lat: number, scale: { x: number; y: number }, heading?: number): Candidate {
    const g = this.data.geomCoords;
    const p = this.segPoint[s]!;
    const x1 = g[2 * p]! / FIXED_SCALE, y1 = g[2 * p + 1]! / FIXED_SCALE;
    const x2 = g[2 * p + 2]! / FIXED_SCALE, y2 = g[2 * p + 3]! / FIXED_SCALE;
    const ax = (x2 - x1) * scale.x, ay = (y2 - y1) * scale.y;
    const px = (lon - x1) * scale.x, py = (lat - y1) * scale.y;
    const len2 = ax * ax + ay * ay;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * ax + py * ay) / len2));
    const sx = x1 + (x2 - x1) * t, sy = y1 + (y2 - y1) * t;
    const distance = haversine(lon, lat, sx, sy);
    const e = this.segEdge[s]!;
    const bearing = (Math.atan2(ax, ay) * 180) / Math.PI; // of the segment, source -> target
    return { edge: e, point: p, t, lon: sx, lat: sy, distance, score: distance + this.penalty(e, bearing, heading) };
  }

  private toSnapped(input: LonLat, c: Candidate): Snapped {
    const { geomStart, geomCoords, edgeLengthM, edgeSource, edgeTarget } = this.data;
    let offset = 0;
    for (let p = geomStart[c.edge]!; p < c.point; p++) offset += segmentLength(geomCoords, p);
    offset += c.t * segmentLength(geomCoords, c.point);
    const length = edgeLengthM[c.edge]!;
    return {
      input,
      point: [c.lon, c.lat],
      distance: metres(c.distance),
      edge: edgeId(c.edge),
      source: nodeId(edgeSource[c.edge]!),
      target: nodeId(edgeTarget[c.edge]!),
      fraction: length > 0 ? Math.min(1, offset / length) : 0,
    };
  }
}

interface Candidate {
  edge: number;
  point: number;
  t: number;
  lon: number;
  lat: number;
  distance: number;
  /** distance plus penalties: what decides between candidates. */
  score: number;
}

/** Smallest angle between two bearings, 0..180 degrees. */
function angleBetween(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

function segmentLength(g: Int32Array, p: number): number {
  return haversine(g[2 * p]! / FIXED_SCALE, g[2 * p + 1]! / FIXED_SCALE, g[2 * p + 2]! / FIXED_SCALE, g[2 * p + 3]! / FIXED_SCALE);
}

function tooFar(point: LonLat, maxDistance: number, found?: number): RoadGraphError {
  const nearest = found === undefined ? `none within ${maxDistance} m` : `the nearest is ${Math.round(found)} m away`;
  return new RoadGraphError('ROADGRAPH_TOO_FAR_FROM_ROAD', `Point [${point[0]}, ${point[1]}] is more than ${maxDistance} m from any drivable road (${nearest})`);
}
