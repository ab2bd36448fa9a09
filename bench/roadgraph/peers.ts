import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { DirectedGraph } from 'graphology';
import { bidirectional, singleSource } from 'graphology-shortest-path/dijkstra.js';
import type { GraphData } from '../../packages/roadgraph/src/index.js';

/** Directed arcs (from, to, ms) with parallel arcs reduced to the cheapest, as both peers want. */
export function cheapestArcs(data: GraphData): Map<string, number> {
  const arcs = new Map<string, number>();
  const add = (a: number, b: number, c: number) => {
    if (c < 0 || a === b) return;
    const key = `${a}:${b}`;
    const old = arcs.get(key);
    if (old === undefined || c < old) arcs.set(key, c);
  };
  for (let e = 0; e < data.edgeSource.length; e++) {
    add(data.edgeSource[e]!, data.edgeTarget[e]!, data.edgeForwardMs[e]!);
    add(data.edgeTarget[e]!, data.edgeSource[e]!, data.edgeBackwardMs[e]!);
  }
  return arcs;
}

export class NgraphPeer {
  private readonly finder;
  private readonly graph = createGraph<unknown, number>();

  constructor(arcs: Map<string, number>) {
    for (const [key, cost] of arcs) {
      const [a, b] = key.split(':').map(Number) as [number, number];
      this.graph.addLink(a, b, cost);
    }
    this.finder = aStar<unknown, number>(this.graph, { oriented: true, distance: (_f, _t, link) => link.data });
  }

  /** Cost of one pair; ngraph.path returns the node path (target first), summed here. */
  cost(from: number, to: number): number {
    const path = this.finder.find(from, to);
    if (path.length === 0) return Infinity;
    let sum = 0;
    for (let i = path.length - 1; i > 0; i--) sum += this.graph.getLink(path[i]!.id, path[i - 1]!.id)!.data;
    return sum;
  }
}

export class GraphologyPeer {
  readonly reversed = new DirectedGraph();
  readonly forward = new DirectedGraph();

  constructor(arcs: Map<string, number>) {
    for (const [key, weight] of arcs) {
      const [a, b] = key.split(':') as [string, string];
      this.forward.mergeEdge(a, b, { weight });
      this.reversed.mergeEdge(b, a, { weight });
    }
  }

  /** Many-to-one: single-source Dijkstra from the target on the reversed graph (paths), summed. */
  manyToOne(units: number[], target: number): number[] {
    const paths = singleSource(this.reversed, String(target), 'weight');
    return units.map((u) => this.pathCost(this.reversed, paths[String(u)]));
  }

  cost(from: number, to: number): number {
    return this.pathCost(this.forward, bidirectional(this.forward, String(from), String(to), 'weight') ?? undefined);
  }

  private pathCost(g: DirectedGraph, path: string[] | undefined): number {
    if (!path) return Infinity;
    let sum = 0;
    for (let i = 1; i < path.length; i++) sum += g.getEdgeAttribute(g.edge(path[i - 1], path[i]), 'weight') as number;
    return sum;
  }
}
