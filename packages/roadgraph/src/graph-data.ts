/**
 * The serialisable content of a road graph: everything else (adjacency, live costs) is derived.
 * Edges are way pieces between junctions, as pgRouting sees them: (source, target, forward cost,
 * backward cost); a cost of -1 means that direction is not allowed.
 */
export interface GraphData {
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Travel time in integer milliseconds source -> target, -1 if not allowed. */
  edgeForwardMs: Int32Array;
  /** Travel time in integer milliseconds target -> source, -1 if not allowed. */
  edgeBackwardMs: Int32Array;
  edgeLengthM: Float64Array;
  /** Edge e's geometry is points geomStart[e] .. geomStart[e+1]-1, from source to target. */
  geomStart: Int32Array;
  /** lon, lat pairs in 1e-7 degree units. */
  geomCoords: Int32Array;
}

export const NOT_ALLOWED = -1;
