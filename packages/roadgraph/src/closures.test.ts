import { describe, expect, it } from 'vitest';
import { boundaryCrossings, edgesInPolygon } from './closures.js';
import { RoadGraph } from './road-graph.js';
import { graphData } from './testing/factories.js';
import type { LonLat } from './types.js';

// A 3x3 grid, 0.001° apart near Baltimore: nodes 0..8, row by row from (-76.6, 39.29).
const edges = [
  { source: 0, target: 1 }, { source: 1, target: 2 }, { source: 3, target: 4 }, { source: 4, target: 5 },
  { source: 6, target: 7 }, { source: 7, target: 8 }, { source: 1, target: 4 }, { source: 4, target: 7 },
].map((e) => ({ ...e, forwardMs: 1000, backwardMs: 1000 }));
const graph = new RoadGraph(graphData(9, edges));

/** A square around the centre node (4), half a grid step wide each way. */
const square = (half: number): LonLat[][] => {
  const [x, y] = [-76.599, 39.291];
  return [[[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]]];
};

describe('boundaryCrossings', () => {
  it('finds each edge leaving the polygon, at the point where it crosses the outline', () => {
    const found = boundaryCrossings(graph, square(0.0005));
    // Edges 3->4, 4->5, 1->4 and 4->7 leave the centre square; each crosses its outline once.
    expect(found.map((c) => c.edge).sort()).toEqual([2, 3, 6, 7]);
    const west = found.find((c) => c.edge === 2)!;
    expect(west.lon).toBeCloseTo(-76.5995, 7);
    expect(west.lat).toBeCloseTo(39.291, 7);
    const north = found.find((c) => c.edge === 7)!;
    expect(north.lon).toBeCloseTo(-76.599, 7);
    expect(north.lat).toBeCloseTo(39.2915, 7);
  });

  it('finds nothing for a polygon holding no boundary of any edge, and agrees with edgesInPolygon on which edges touch it', () => {
    expect(boundaryCrossings(graph, square(0.00001))).toHaveLength(4);
    const far: LonLat[][] = [[[-70, 40], [-69.9, 40], [-69.9, 40.1], [-70, 40]]];
    expect(boundaryCrossings(graph, far)).toEqual([]);
    const crossing = new Set(boundaryCrossings(graph, square(0.0015)).map((c) => c.edge));
    // A square enclosing the whole grid crosses nothing, though every edge lies inside it.
    expect(crossing.size).toBe(0);
    expect(edgesInPolygon(graph, square(0.0015))).toHaveLength(edges.length);
  });

  it('refuses an outline of fewer than 4 positions', () => {
    expect(() => boundaryCrossings(graph, [[[0, 0], [1, 1], [0, 0]]])).toThrow(/at least 4/);
  });
});
