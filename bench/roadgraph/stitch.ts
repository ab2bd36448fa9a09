import { FIXED_SCALE, haversine } from '../../packages/roadgraph/src/geo.js';
import { DEFAULT_EMERGENCY_SPEED_FACTORS, type GraphData } from '../../packages/roadgraph/src/index.js';

const CONNECTOR_KMH = 50;
/** Connectors are like secondary roads for the emergency profile. */
const CONNECTOR_EMERGENCY_KMH = CONNECTOR_KMH * DEFAULT_EMERGENCY_SPEED_FACTORS.secondary!;
const BORDER_NODES = 60;

/**
 * A metropolitan-size graph from a real extract: side x side copies of it laid out as tiles
 * (each shifted by the extract's width or height), and each tile's BORDER_NODES outermost nodes
 * on a side joined to the nearest (by the other coordinate) of the facing border nodes of its
 * neighbour with two-way connector roads at CONNECTOR_KMH. Inside each tile the roads, one-ways
 * and costs are Baltimore's own.
 */
export function stitchTiles(tile: GraphData, side: number): GraphData {
  const n = tile.nodeLon.length;
  const m = tile.edgeSource.length;
  const points = tile.geomCoords.length / 2;
  const box = bounds(tile);
  const width = box.maxLon - box.minLon + 0.001;
  const height = box.maxLat - box.minLat + 0.001;
  const tiles = side * side;
  const connectors = connectorPairs(tile, side);
  const totalEdges = tiles * m + connectors.length;
  const out: GraphData = {
    nodeLon: new Float64Array(tiles * n),
    nodeLat: new Float64Array(tiles * n),
    edgeSource: new Int32Array(totalEdges),
    edgeTarget: new Int32Array(totalEdges),
    edgeForwardMs: new Int32Array(totalEdges),
    edgeBackwardMs: new Int32Array(totalEdges),
    emergencyForwardMs: new Int32Array(totalEdges),
    emergencyBackwardMs: new Int32Array(totalEdges),
    edgeLengthM: new Float32Array(totalEdges),
    geomStart: new Int32Array(totalEdges + 1),
    geomCoords: new Int32Array(2 * (tiles * points + 2 * connectors.length)),
    turnRestrictions: new Int32Array(tiles * tile.turnRestrictions.length),
    viaWayRestrictions: new Int32Array(tiles * tile.viaWayRestrictions.length),
    edgeFlags: new Uint8Array(totalEdges),
    edgeLimits: new Int32Array(tiles * tile.edgeLimits.length),
    trackCosts: new Int32Array(tiles * tile.trackCosts.length),
  };
  for (let t = 0; t < tiles; t++) copyTile(tile, out, t, (t % side) * width, Math.floor(t / side) * height);
  addConnectors(out, connectors, tiles * m, tiles * points);
  return out;
}

function copyTile(tile: GraphData, out: GraphData, t: number, dLon: number, dLat: number): void {
  const n = tile.nodeLon.length;
  const m = tile.edgeSource.length;
  const points = tile.geomCoords.length / 2;
  for (let i = 0; i < n; i++) {
    out.nodeLon[t * n + i] = tile.nodeLon[i]! + dLon;
    out.nodeLat[t * n + i] = tile.nodeLat[i]! + dLat;
  }
  for (let e = 0; e < m; e++) {
    out.edgeSource[t * m + e] = tile.edgeSource[e]! + t * n;
    out.edgeTarget[t * m + e] = tile.edgeTarget[e]! + t * n;
    out.edgeForwardMs[t * m + e] = tile.edgeForwardMs[e]!;
    out.edgeBackwardMs[t * m + e] = tile.edgeBackwardMs[e]!;
    out.emergencyForwardMs[t * m + e] = tile.emergencyForwardMs[e]!;
    out.emergencyBackwardMs[t * m + e] = tile.emergencyBackwardMs[e]!;
    out.edgeLengthM[t * m + e] = tile.edgeLengthM[e]!;
    out.edgeFlags[t * m + e] = tile.edgeFlags[e]!;
    out.geomStart[t * m + e] = tile.geomStart[e]! + t * points;
  }
  const r = tile.turnRestrictions;
  for (let i = 0; i < r.length; i += 4) {
    out.turnRestrictions.set([r[i]! + t * n, r[i + 1]! + t * m, r[i + 2]! + t * m, r[i + 3]!], t * r.length + i);
  }
  const fixedLon = Math.round(dLon * FIXED_SCALE);
  const fixedLat = Math.round(dLat * FIXED_SCALE);
  for (let p = 0; p < points; p++) {
    out.geomCoords[2 * (t * points + p)] = tile.geomCoords[2 * p]! + fixedLon;
    out.geomCoords[2 * (t * points + p) + 1] = tile.geomCoords[2 * p + 1]! + fixedLat;
  }
  const limits = tile.edgeLimits;
  for (let i = 0; i < limits.length; i += 3) {
    out.edgeLimits.set([limits[i]! + t * m, limits[i + 1]!, limits[i + 2]!], t * limits.length + i);
  }
  const tracks = tile.trackCosts;
  for (let i = 0; i < tracks.length; i += 3) {
    out.trackCosts.set([tracks[i]! + t * m, tracks[i + 1]!, tracks[i + 2]!], t * tracks.length + i);
  }
  // Via-way records: (flags, from, to, count, via...); every field after the count is an edge.
  const via = tile.viaWayRestrictions;
  for (let i = 0; i < via.length; i += 4 + via[i + 3]!) {
    const at = t * via.length + i;
    out.viaWayRestrictions.set(via.subarray(i, i + 4 + via[i + 3]!), at);
    out.viaWayRestrictions[at + 1]! += t * m;
    out.viaWayRestrictions[at + 2]! += t * m;
    for (let k = 0; k < via[i + 3]!; k++) out.viaWayRestrictions[at + 4 + k]! += t * m;
  }
}

/** (node in tile a, node in tile b) pairs, as global node ids. */
function connectorPairs(tile: GraphData, side: number): [number, number][] {
  const n = tile.nodeLon.length;
  const east = outermost(tile, (i) => tile.nodeLon[i]!);
  const west = outermost(tile, (i) => -tile.nodeLon[i]!);
  const north = outermost(tile, (i) => tile.nodeLat[i]!);
  const south = outermost(tile, (i) => -tile.nodeLat[i]!);
  const eastToWest = east.map((a) => [a, nearest(west, (b) => Math.abs(tile.nodeLat[b]! - tile.nodeLat[a]!))] as const);
  const northToSouth = north.map((a) => [a, nearest(south, (b) => Math.abs(tile.nodeLon[b]! - tile.nodeLon[a]!))] as const);
  const pairs: [number, number][] = [];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const t = y * side + x;
      if (x + 1 < side) for (const [a, b] of eastToWest) pairs.push([t * n + a, (t + 1) * n + b]);
      if (y + 1 < side) for (const [a, b] of northToSouth) pairs.push([t * n + a, (t + side) * n + b]);
    }
  }
  return pairs;
}

function outermost(tile: GraphData, key: (i: number) => number): number[] {
  return Array.from(tile.nodeLon.keys()).sort((a, b) => key(b) - key(a)).slice(0, BORDER_NODES);
}

function nearest(candidates: number[], distance: (i: number) => number): number {
  return candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best));
}

function addConnectors(out: GraphData, pairs: [number, number][], firstEdge: number, firstPoint: number): void {
  pairs.forEach(([a, b], k) => {
    const e = firstEdge + k;
    const p = firstPoint + 2 * k;
    const length = haversine(out.nodeLon[a]!, out.nodeLat[a]!, out.nodeLon[b]!, out.nodeLat[b]!);
    const ms = Math.round((length / (CONNECTOR_KMH / 3.6)) * 1000);
    out.edgeSource[e] = a;
    out.edgeTarget[e] = b;
    out.edgeForwardMs[e] = ms;
    out.edgeBackwardMs[e] = ms;
    out.emergencyForwardMs[e] = out.emergencyBackwardMs[e] = Math.round((length / (CONNECTOR_EMERGENCY_KMH / 3.6)) * 1000);
    out.edgeLengthM[e] = length;
    out.geomStart[e] = p;
    out.geomCoords.set([a, b].flatMap((v) => [Math.round(out.nodeLon[v]! * FIXED_SCALE), Math.round(out.nodeLat[v]! * FIXED_SCALE)]), 2 * p);
  });
  out.geomStart[firstEdge + pairs.length] = firstPoint + 2 * pairs.length;
}

function bounds(d: GraphData): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < d.nodeLon.length; i++) {
    minLon = Math.min(minLon, d.nodeLon[i]!); maxLon = Math.max(maxLon, d.nodeLon[i]!);
    minLat = Math.min(minLat, d.nodeLat[i]!); maxLat = Math.max(maxLat, d.nodeLat[i]!);
  }
  return { minLon, maxLon, minLat, maxLat };
}
