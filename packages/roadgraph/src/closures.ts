import { RoadGraphError } from './errors.js';
import { FIXED_SCALE, assertLonLat } from './geo.js';
import type { RoadGraph } from './road-graph.js';
import type { EdgeId, LonLat } from './types.js';

/** A polygon as GeoJSON rings: the first is the outline, the others holes. */
export type PolygonRings = readonly (readonly LonLat[])[];

export interface LiveChange {
  readonly id: number;
  readonly edges: readonly number[];
  /** Infinity for a closure. */
  readonly factor: number;
}

/**
 * Live closures and slow-downs. Changes may overlap: an edge takes the largest factor of the
 * changes that cover it (a closure wins), and lifting a change restores what the others say.
 */
export class LiveChanges {
  private readonly active = new Map<number, LiveChange>();
  private readonly covered = new Map<number, Set<number>>();
  private nextId = 1;

  constructor(private readonly graph: RoadGraph) {}

  closeEdges(edges: readonly (EdgeId | number)[]): LiveChange {
    return this.apply(edges, Infinity);
  }

  slowEdges(edges: readonly (EdgeId | number)[], factor: number): LiveChange {
    if (!(factor > 0 && Number.isFinite(factor))) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `Slow-down factor must be a finite number > 0, got ${factor}`);
    return this.apply(edges, factor);
  }

  closeArea(polygon: PolygonRings): LiveChange {
    return this.closeEdges(edgesInPolygon(this.graph, polygon));
  }

  slowArea(polygon: PolygonRings, factor: number): LiveChange {
    return this.slowEdges(edgesInPolygon(this.graph, polygon), factor);
  }

  lift(change: LiveChange): void {
    if (!this.active.delete(change.id)) return;
    this.covered.delete(change.id);
    for (const e of change.edges) this.graph.setEdgeFactor(e, this.factorOf(e));
  }

  get changes(): LiveChange[] {
    return [...this.active.values()];
  }

  private apply(edges: readonly number[], factor: number): LiveChange {
    for (const e of edges) {
      if (!(Number.isInteger(e) && e >= 0 && e < this.graph.edgeCount)) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `No edge ${e}`);
    }
    const unique = new Set(edges);
    const change: LiveChange = { id: this.nextId++, edges: [...unique], factor };
    this.active.set(change.id, change);
    this.covered.set(change.id, unique);
    for (const e of change.edges) this.graph.setEdgeFactor(e, this.factorOf(e));
    return change;
  }

  private factorOf(e: number): number {
    let factor = 1;
    let covered = false;
    for (const change of this.active.values()) {
      if (!this.covered.get(change.id)!.has(e)) continue;
      factor = covered ? Math.max(factor, change.factor) : change.factor;
      covered = true;
    }
    return factor;
  }
}

/** Edges with a point inside the polygon or a segment crossing its boundary. */
export function edgesInPolygon(graph: RoadGraph, polygon: PolygonRings): number[] {
  const outline = polygon[0];
  if (!outline || outline.length < 4) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', 'A polygon needs an outline ring of at least 4 positions');
  for (const ring of polygon) for (const p of ring) assertLonLat(p, 'polygon position');
  const [minLon, minLat, maxLon, maxLat] = bbox(outline);
  const { geomStart, geomCoords } = graph.data;
  const hits: number[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    for (let p = geomStart[e]!; p < geomStart[e + 1]! - 1; p++) {
      const a: LonLat = [geomCoords[2 * p]! / FIXED_SCALE, geomCoords[2 * p + 1]! / FIXED_SCALE];
      const b: LonLat = [geomCoords[2 * p + 2]! / FIXED_SCALE, geomCoords[2 * p + 3]! / FIXED_SCALE];
      if (Math.max(a[0], b[0]) < minLon || Math.min(a[0], b[0]) > maxLon || Math.max(a[1], b[1]) < minLat || Math.min(a[1], b[1]) > maxLat) continue;
      if (insidePolygon(a, polygon) || insidePolygon(b, polygon) || crossesAnyRing(a, b, polygon)) {
        hits.push(e);
        break;
      }
    }
  }
  return hits;
}

/** Where a road edge crosses a polygon's outline: the edge and the crossing point. */
export interface BoundaryCrossing {
  edge: number;
  lon: number;
  lat: number;
}

/**
 * Every point where an edge's geometry crosses the polygon's outline (holes are ignored: a
 * cordon's traffic is held at its outside edge). An edge crossing twice (in and out again)
 * yields both points.
 */
export function boundaryCrossings(graph: RoadGraph, polygon: PolygonRings): BoundaryCrossing[] {
  const outline = polygon[0];
  if (!outline || outline.length < 4) throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', 'A polygon needs an outline ring of at least 4 positions');
  for (const p of outline) assertLonLat(p, 'polygon position');
  const [minLon, minLat, maxLon, maxLat] = bbox(outline);
  const { geomStart, geomCoords } = graph.data;
  const found: BoundaryCrossing[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    for (let p = geomStart[e]!; p < geomStart[e + 1]! - 1; p++) {
      const a: LonLat = [geomCoords[2 * p]! / FIXED_SCALE, geomCoords[2 * p + 1]! / FIXED_SCALE];
      const b: LonLat = [geomCoords[2 * p + 2]! / FIXED_SCALE, geomCoords[2 * p + 3]! / FIXED_SCALE];
      if (Math.max(a[0], b[0]) < minLon || Math.min(a[0], b[0]) > maxLon || Math.max(a[1], b[1]) < minLat || Math.min(a[1], b[1]) > maxLat) continue;
      for (let i = 1; i < outline.length; i++) {
        const at = crossingPoint(a, b, outline[i - 1]!, outline[i]!);
        if (at) found.push({ edge: e, lon: at[0], lat: at[1] });
      }
    }
  }
  return found;
}

/** The point where segments p1-p2 and q1-q2 properly cross, or null. */
function crossingPoint(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat): LonLat | null {
  if (!segmentsCross(p1, p2, q1, q2)) return null;
  const rx = p2[0] - p1[0], ry = p2[1] - p1[1], sx = q2[0] - q1[0], sy = q2[1] - q1[1];
  const t = ((q1[0] - p1[0]) * sy - (q1[1] - p1[1]) * sx) / (rx * sy - ry * sx);
  return [p1[0] + t * rx, p1[1] + t * ry];
}

function bbox(ring: readonly LonLat[]): [number, number, number, number] {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [lon, lat] of ring) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

function insidePolygon(p: LonLat, polygon: PolygonRings): boolean {
  let inside = false;
  for (const ring of polygon) if (insideRing(p, ring)) inside = !inside;
  return inside;
}

/** Even-odd ray casting: whether a point lies inside one ring (lon/lat, closed or not). */
export function insideRing([x, y]: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function crossesAnyRing(a: LonLat, b: LonLat, polygon: PolygonRings): boolean {
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i++) if (segmentsCross(a, b, ring[i - 1]!, ring[i]!)) return true;
  }
  return false;
}

function segmentsCross(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat): boolean {
  const d1 = orient(q1, q2, p1), d2 = orient(q1, q2, p2), d3 = orient(p1, p2, q1), d4 = orient(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function orient(a: LonLat, b: LonLat, c: LonLat): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}
