import type { Hierarchy } from './ch/hierarchy.js';
import { arcOwner } from './adjacency.js';
import { destinationSeeds, originSeeds, sameEdgeCost } from './endpoints.js';
import { RoadGraphError } from './errors.js';
import { appendPoints, edgePoints, edgeSlice } from './geometry.js';
import type { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { hierarchyFor, PHAST_MAX_NODES, type Engine } from './travel-times.js';
import { phastBound, searchBound, turnAwarePath, type LowerBound } from './turn-refine.js';
import type { TurnModel } from './turn-costs.js';
import { metres, seconds, type LineString, type Metres, type Seconds } from './types.js';

export interface Route {
  time: Seconds;
  distance: Metres;
  geometry: LineString;
  origin: Snapped;
  destination: Snapped;
}

/** Fastest route between two snapped points; throws ROADGRAPH_UNREACHABLE when there is none. */
export function route(graph: RoadGraph, origin: Snapped, destination: Snapped, opts: { engine?: Engine } = {}): Route {
  const ch = hierarchyFor(graph, opts.engine);
  if (graph.turnModel) return routeWithTurns(graph, graph.turnModel, ch, origin, destination);
  if (ch) return routeByHierarchy(graph, ch, origin, destination);
  const search = graph.acquireSearch();
  try {
    const direct = sameEdgeCost(graph, origin, destination);
    let best = direct;
    let last = -1;
    const arrive = new Map<number, number>();
    for (const s of destinationSeeds(graph, destination)) arrive.set(s.node, Math.min(s.cost, arrive.get(s.node) ?? Infinity));
    search.run(graph.forward, originSeeds(graph, origin), Infinity, (node, cost) => {
      if (cost >= best) return true;
      const rest = arrive.get(node);
      if (rest !== undefined && cost + rest < best) {
        best = cost + rest;
        last = node;
      }
      return false;
    });
    if (best === Infinity) throw unreachable(origin, destination);
    if (last < 0) return directRoute(graph, origin, destination, direct);
    return assemble(graph, origin, destination, best, pathEdgeCodes(graph, search.parent, last), last);
  } finally {
    graph.releaseSearch(search);
  }
}

function routeByHierarchy(graph: RoadGraph, ch: Hierarchy, origin: Snapped, destination: Snapped): Route {
  const direct = sameEdgeCost(graph, origin, destination);
  const router = graph.acquireRouter(ch);
  try {
    const path = router.route(originSeeds(graph, origin), destinationSeeds(graph, destination), direct);
    if (direct <= path.cost) {
      if (direct === Infinity) throw unreachable(origin, destination);
      return directRoute(graph, origin, destination, direct);
    }
    return assemble(graph, origin, destination, path.cost, path.edgeCodes, path.lastNode);
  } finally {
    graph.releaseRouter(router);
  }
}

/**
 * With turn costs: the node-based costs to the destination (PHAST on a city, else a backward
 * Dijkstra until the origin is settled) are the heuristic of one turn-aware A* (ADR 0013).
 */
function routeWithTurns(graph: RoadGraph, model: TurnModel, ch: Hierarchy | undefined, origin: Snapped, destination: Snapped): Route {
  const direct = sameEdgeCost(graph, origin, destination);
  const drive = (h: LowerBound) => {
    const path = turnAwarePath(graph, model, origin, destination, h);
    if (!path || direct <= path.cost) {
      if (direct === Infinity) throw unreachable(origin, destination);
      return directRoute(graph, origin, destination, direct);
    }
    return assemble(graph, origin, destination, path.cost, path.codes, path.lastNode);
  };
  if (ch && graph.nodeCount <= PHAST_MAX_NODES) {
    const phast = graph.acquirePhast(ch);
    try {
      return drive(phastBound(ch, phast.toSeeds(destinationSeeds(graph, destination))));
    } finally {
      graph.releasePhast(phast);
    }
  }
  const search = graph.acquireSearch();
  try {
    const wanted = new Set(originSeeds(graph, origin).map((s) => s.node));
    let left = wanted.size, radius: number | undefined;
    search.run(graph.backward, destinationSeeds(graph, destination), Infinity, (node, cost) => (wanted.has(node) && --left === 0 ? ((radius = cost), true) : false));
    return drive(searchBound(search, radius));
  } finally {
    graph.releaseSearch(search);
  }
}

function directRoute(graph: RoadGraph, origin: Snapped, destination: Snapped, ms: number): Route {
  const e = origin.edge;
  const length = Math.abs(destination.fraction - origin.fraction) * graph.data.edgeLengthM[e]!;
  const coordinates = edgeSlice(graph.data, e, origin.fraction, destination.fraction);
  return { time: seconds(ms / 1000), distance: metres(length), geometry: { type: 'LineString', coordinates }, origin, destination };
}

function assemble(
  graph: RoadGraph,
  origin: Snapped,
  destination: Snapped,
  ms: number,
  edgeCodes: number[],
  last: number,
): Route {
  const { data } = graph;
  // Connector arcs (turns at a restricted junction) have no geometry; nodes are graph nodes here.
  const codes = edgeCodes.filter((code) => code >= 0);
  const lastNode = graph.junctionOf(last);
  const first = codes.length > 0 ? tailOf(graph, codes[0]!) : lastNode;
  const line: [number, number][] = [];
  let length = 0;
  const leaveFraction = first === origin.target ? 1 : 0;
  appendPoints(line, edgeSlice(data, origin.edge, origin.fraction, leaveFraction));
  length += Math.abs(leaveFraction - origin.fraction) * data.edgeLengthM[origin.edge]!;
  for (const code of codes) {
    const e = code >> 1;
    const points = edgePoints(data, e);
    appendPoints(line, code & 1 ? points.reverse() : points);
    length += data.edgeLengthM[e]!;
  }
  const enterFraction = lastNode === destination.source ? 0 : 1;
  appendPoints(line, edgeSlice(data, destination.edge, enterFraction, destination.fraction));
  length += Math.abs(destination.fraction - enterFraction) * data.edgeLengthM[destination.edge]!;
  return { time: seconds(ms / 1000), distance: metres(length), geometry: { type: 'LineString', coordinates: line }, origin, destination };
}

/** Edge codes (e << 1 | reversed, or TURN_ARC) from the search's seed to `node`, in driving order. */
function pathEdgeCodes(graph: RoadGraph, parent: Int32Array, node: number): number[] {
  const codes: number[] = [];
  for (let v = node, a = parent[v]!; a >= 0; a = parent[v]!) {
    codes.push(graph.forward.codeOf(a));
    v = arcOwner(graph.forward.start, a);
  }
  return codes.reverse();
}

function tailOf(graph: RoadGraph, code: number): number {
  const e = code >> 1;
  return code & 1 ? graph.data.edgeTarget[e]! : graph.data.edgeSource[e]!;
}

function unreachable(origin: Snapped, destination: Snapped): RoadGraphError {
  const from = JSON.stringify(origin.input);
  const to = JSON.stringify(destination.input);
  return new RoadGraphError('ROADGRAPH_UNREACHABLE', `No drivable route from ${from} to ${to} (one-way streets, closures or a disconnected road)`);
}

