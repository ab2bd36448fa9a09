import { RoadGraphError, type RoadGraph, type Snapped } from '@firebreak/roadgraph';

/** Snapped position, or null when the point is too far from any road to be reached by road. */
export function snapOrNull(graph: RoadGraph, lon: number, lat: number): Snapped | null {
  try {
    return graph.snapper.trySnap([lon, lat]);
  } catch (err) {
    if (err instanceof RoadGraphError) return null;
    throw err;
  }
}
