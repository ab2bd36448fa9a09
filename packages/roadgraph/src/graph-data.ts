import type { Profile } from './profile.js';

/**
 * The serialisable content of a road graph: everything else (adjacency, live costs) is derived.
 * Edges are way pieces between junctions, as pgRouting sees them: (source, target, forward cost,
 * backward cost); a cost of -1 means that direction is not allowed. The edges are those any
 * profile may use, with one pair of cost arrays per profile: the car's are `edgeForwardMs` /
 * `edgeBackwardMs` (what pgRouting is compared with), the emergency profile's `emergency*`.
 */
export interface GraphData {
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Car travel time in integer milliseconds source -> target, -1 if not allowed. */
  edgeForwardMs: Int32Array;
  /** Car travel time in integer milliseconds target -> source, -1 if not allowed. */
  edgeBackwardMs: Int32Array;
  /** Lights-and-sirens travel time source -> target (ms), -1 if not allowed. */
  emergencyForwardMs: Int32Array;
  /** Lights-and-sirens travel time target -> source (ms), -1 if not allowed. */
  emergencyBackwardMs: Int32Array;
  /** Metres. Float32: 7 significant digits, a millimetre on a 10 km edge (issue 17, memory). */
  edgeLengthM: Float32Array;
  /** Edge e's geometry is points geomStart[e] .. geomStart[e+1]-1, from source to target. */
  geomStart: Int32Array;
  /** lon, lat pairs in 1e-7 degree units. */
  geomCoords: Int32Array;
  /**
   * Turn restrictions, flat quadruples (via node, from edge, to edge, flags: TURN_ONLY |
   * TURN_CAR | TURN_EMERGENCY, see turns.ts). From and to edges both touch the via node.
   */
  turnRestrictions: Int32Array;
  /**
   * Turn restrictions whose via is one or more ways (format 7), flat records (flags, from edge,
   * to edge, via count, via edges in driving order...): see via-ways.ts. Only the turn-aware
   * search honours them (RoadGraphOptions.turnCosts).
   */
  viaWayRestrictions: Int32Array;
  /** Per edge, EDGE_MOTORWAY | EDGE_BRIDGE | EDGE_TUNNEL (what snapping avoids) | EDGE_TRACK | EDGE_MINOR (profile.ts). */
  edgeFlags: Uint8Array;
  /**
   * Height and weight limits, flat triples (edge, max height in cm, max weight in kg; 0 = none),
   * only for edges that have one (limits.ts): a vehicle that declares its dimensions avoids them.
   */
  edgeLimits: Int32Array;
  /**
   * `highway=track` edges, flat triples (edge, forward ms, backward ms; -1 = not allowed): their
   * car and emergency costs are -1 both ways, so no profile's adjacency or hierarchy holds them;
   * a graph for a vehicle that can drive tracks (`forVehicle({ tracks: true })`) reads its costs
   * there. Sparse: tracks are few in a city, and no profile pays for them in memory.
   */
  trackCosts: Int32Array;
}

export const NOT_ALLOWED = -1;

/** One profile's edge costs (ms, -1 = not allowed). */
export interface ProfileCosts {
  forwardMs: Int32Array;
  backwardMs: Int32Array;
}

export function profileCosts(data: GraphData, profile: Profile): ProfileCosts {
  return profile === 'emergency'
    ? { forwardMs: data.emergencyForwardMs, backwardMs: data.emergencyBackwardMs }
    : { forwardMs: data.edgeForwardMs, backwardMs: data.edgeBackwardMs };
}

/**
 * A profile's costs with the tracks opened (`GraphData.trackCosts`): for a vehicle that can
 * drive them. Copies (8 bytes an edge) only when the graph has tracks; else the profile's own.
 */
export function withTracks(data: GraphData, costs: ProfileCosts): ProfileCosts {
  const tracks = data.trackCosts;
  if (tracks.length === 0) return costs;
  const forwardMs = costs.forwardMs.slice();
  const backwardMs = costs.backwardMs.slice();
  for (let i = 0; i < tracks.length; i += 3) {
    forwardMs[tracks[i]!] = tracks[i + 1]!;
    backwardMs[tracks[i]!] = tracks[i + 2]!;
  }
  return { forwardMs, backwardMs };
}
