import type { Adjacency } from './adjacency.js';

/**
 * Strongly connected components of a directed graph in CSR form (Tarjan's algorithm, iterative:
 * an explicit stack of (node, next arc) instead of recursion, so a million-node road graph
 * cannot overflow the call stack). Returns each node's component id, 0..count-1.
 */
export function strongComponents(adjacency: Pick<Adjacency, 'start' | 'headOf'>): { component: Int32Array; count: number } {
  const { start } = adjacency;
  const n = start.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const nextArc = new Int32Array(n);
  const callStack = new Int32Array(n);
  const sccStack = new Int32Array(n);
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    let sccTop = 0;
    callStack[depth++] = root;
    index[root] = low[root] = counter++;
    nextArc[root] = start[root]!;
    sccStack[sccTop++] = root;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const a = nextArc[v]!;
      if (a < start[v + 1]!) {
        nextArc[v] = a + 1;
        const w = adjacency.headOf(a);
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          nextArc[w] = start[w]!;
          sccStack[sccTop++] = w;
          callStack[depth++] = w;
        } else if (component[w] === -1 && index[w]! < low[v]!) {
          // w is still on the component stack: part of the component being built.
          low[v] = index[w]!;
        }
        continue;
      }
      // All of v's arcs are done: v roots a component, or hands its low link to its parent.
      depth--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = sccStack[--sccTop]!;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      if (depth > 0) {
        const parent = callStack[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { component, count };
}

/**
 * Nodes of the main road network: the largest strongly connected component (ties: the one found
 * first). A point there can drive to and be reached from every other point there; a node
 * outside it either cannot get back to the network or cannot be reached from it (a piece of road
 * cut off by the extract's edge, a private gate, a one-way ending in a car park).
 */
export function mainComponentNodes(adjacency: Pick<Adjacency, 'start' | 'headOf'>): Uint8Array {
  const { component, count } = strongComponents(adjacency);
  const size = new Int32Array(count);
  for (let v = 0; v < component.length; v++) size[component[v]!]!++;
  let largest = 0;
  for (let c = 1; c < count; c++) if (size[c]! > size[largest]!) largest = c;
  const inMain = new Uint8Array(component.length);
  for (let v = 0; v < component.length; v++) if (component[v] === largest) inMain[v] = 1;
  return inMain;
}
