import { contours } from 'd3-contour';
import type { Adjacency } from './adjacency.js';
import { destinationSeeds, originSeeds } from './endpoints.js';
import { RoadGraphError } from './errors.js';
import { metresPerDegree } from './geo.js';
import type { RoadGraph } from './road-graph.js';
import type { Search } from './search.js';
import type { Snapped } from './snap.js';
import { seconds, type MultiPolygon, type Seconds } from './types.js';

export interface IsochroneOptions {
  /** 'from': reachable from the point (default); 'to': able to reach the point. */
  direction?: 'from' | 'to';
  /** Raster cell size in metres; the polygons are as fine as this. */
  cellMetres?: number;
}

export interface Isochrone {
  threshold: Seconds;
  polygon: MultiPolygon;
}

const DEFAULT_CELL_METRES = 100;
const UNREACHED = -1e15;

/**
 * Areas reachable within each threshold (seconds): one search to the largest threshold, the
 * reached roads rasterised (each cell holds the earliest time any road in it is reached, arcs
 * sampled at half a cell) and traced into polygons with d3-contour's marching squares.
 */
export function isochrones(graph: RoadGraph, center: Snapped, thresholds: readonly number[], opts: IsochroneOptions = {}): Isochrone[] {
  assertThresholds(thresholds);
  const maxMs = Math.max(...thresholds) * 1000;
  const backward = opts.direction === 'to';
  const adj = backward ? graph.backward : graph.forward;
  const seeds = backward ? destinationSeeds(graph, center) : originSeeds(graph, center);
  const search = graph.acquireSearch();
  try {
    const settled: number[] = [];
    search.run(adj, seeds, maxMs, (node) => {
      settled.push(node);
      return false;
    });
    const raster = rasterise(graph, adj, search, settled, center, maxMs, opts.cellMetres ?? DEFAULT_CELL_METRES);
    const grid = raster.dilate();
    return thresholds.map((t) => ({ threshold: seconds(t), polygon: raster.trace(grid, t * 1000) }));
  } finally {
    graph.releaseSearch(search);
  }
}

function assertThresholds(thresholds: readonly number[]): void {
  if (thresholds.length === 0 || thresholds.some((t) => !(t > 0 && Number.isFinite(t)))) {
    throw new RoadGraphError('ROADGRAPH_BAD_ARGUMENT', `thresholds must be positive seconds, got ${JSON.stringify(thresholds)}`);
  }
}

class Raster {
  readonly values: Float64Array;

  constructor(
    readonly minLon: number,
    readonly minLat: number,
    readonly cellLon: number,
    readonly cellLat: number,
    readonly nx: number,
    readonly ny: number,
  ) {
    this.values = new Float64Array(nx * ny).fill(-Infinity);
  }

  mark(lon: number, lat: number, ms: number): void {
    const x = Math.floor((lon - this.minLon) / this.cellLon);
    const y = Math.floor((lat - this.minLat) / this.cellLat);
    if (x < 0 || y < 0 || x >= this.nx || y >= this.ny) return;
    const i = y * this.nx + x;
    // Negated so that "reached within T" is "value >= -T", the side d3-contour encloses.
    if (-ms > this.values[i]!) this.values[i] = -ms;
  }

  /**
   * Spreads each cell's time to its 8 neighbours. d3-contour puts a sample at a cell's centre, so
   * without this a road point near a cell's corner could fall outside its own cell's contour.
   */
  dilate(): number[] {
    const { nx, ny, values } = this;
    const out = new Array<number>(nx * ny).fill(UNREACHED);
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const v = values[y * nx + x]!;
        if (v === -Infinity) continue;
        for (let yy = Math.max(0, y - 1); yy <= Math.min(ny - 1, y + 1); yy++) {
          for (let xx = Math.max(0, x - 1); xx <= Math.min(nx - 1, x + 1); xx++) {
            const i = yy * nx + xx;
            if (v > out[i]!) out[i] = v;
          }
        }
      }
    }
    return out;
  }

  trace(grid: number[], ms: number): MultiPolygon {
    const [contour] = contours().size([this.nx, this.ny]).smooth(false).thresholds([-ms])(grid);
    const coordinates = (contour?.coordinates ?? []).map((polygon) =>
      polygon.map((ring) => ring.map(([x = 0, y = 0]) => [this.minLon + x * this.cellLon, this.minLat + y * this.cellLat] as [number, number])));
    return { type: 'MultiPolygon', coordinates };
  }
}

function rasterise(graph: RoadGraph, adj: Adjacency, search: Search, settled: number[], center: Snapped, maxMs: number, cellMetres: number): Raster {
  const { nodeLon, nodeLat } = graph.data;
  const scale = metresPerDegree(center.point[1]);
  const cellLon = cellMetres / scale.x;
  const cellLat = cellMetres / scale.y;
  let minLon = center.point[0], maxLon = minLon, minLat = center.point[1], maxLat = minLat;
  for (const u of settled) {
    minLon = Math.min(minLon, nodeLon[graph.junctionOf(u)]!); maxLon = Math.max(maxLon, nodeLon[graph.junctionOf(u)]!);
    minLat = Math.min(minLat, nodeLat[graph.junctionOf(u)]!); maxLat = Math.max(maxLat, nodeLat[graph.junctionOf(u)]!);
  }
  // Two empty cells of margin so that every contour closes inside the grid.
  const raster = new Raster(minLon - 2 * cellLon, minLat - 2 * cellLat, cellLon, cellLat,
    Math.ceil((maxLon - minLon) / cellLon) + 5, Math.ceil((maxLat - minLat) / cellLat) + 5);
  raster.mark(center.point[0], center.point[1], 0);
  for (const u of settled) markArcs(graph, adj, search, raster, u, maxMs, cellMetres, scale);
  return raster;
}

function markArcs(graph: RoadGraph, adj: Adjacency, search: Search, raster: Raster, u: number, maxMs: number, cellMetres: number, scale: { x: number; y: number }): void {
  const { nodeLon, nodeLat } = graph.data;
  const { start } = adj;
  const du = search.dist[u]!;
  const lon = nodeLon[graph.junctionOf(u)]!, lat = nodeLat[graph.junctionOf(u)]!;
  raster.mark(lon, lat, du);
  for (let a = start[u]!; a < start[u + 1]!; a++) {
    const c = adj.costOf(a);
    if (c === Infinity) continue;
    const v = adj.headOf(a);
    const vLon = nodeLon[graph.junctionOf(v)]!, vLat = nodeLat[graph.junctionOf(v)]!;
    const dx = (vLon - lon) * scale.x, dy = (vLat - lat) * scale.y;
    const steps = Math.ceil(Math.hypot(dx, dy) / (cellMetres / 2));
    for (let k = 1; k <= steps; k++) {
      const ms = du + (c * k) / steps;
      if (ms > maxMs) break;
      raster.mark(lon + ((vLon - lon) * k) / steps, lat + ((vLat - lat) * k) / steps, ms);
    }
  }
}
