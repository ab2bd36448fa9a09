import { FIXED_SCALE } from '../geo.js';
import type { GraphData } from '../graph-data.js';
import { turnSeconds, type TurnCostOptions } from '../turn-costs.js';
import { TURN_CAR, TURN_ONLY } from '../turns.js';

/**
 * Node-to-node costs with turn costs, by a turn-expanded Bellman-Ford over arcs (the car's
 * costs): slow, obvious and written apart from the engine's turn-aware search. The rules it
 * follows are ADR 0013's: leaving the source is free whatever way, arriving is free; between,
 * every turn at a junction of three roads or more costs `turnSeconds` of its angle, a U-turn is
 * allowed at a dead end, a junction of three or more roads, or where no other way out exists,
 * and node-via restrictions (GraphData.turnRestrictions) are honoured.
 */
export function referenceTurnCosts(data: GraphData, source: number, options: TurnCostOptions = {}): Float64Array {
  const m = data.edgeSource.length;
  const cost = (code: number) => (code & 1 ? data.edgeBackwardMs[code >> 1]! : data.edgeForwardMs[code >> 1]!);
  const tail = (code: number) => (code & 1 ? data.edgeTarget[code >> 1]! : data.edgeSource[code >> 1]!);
  const head = (code: number) => (code & 1 ? data.edgeSource[code >> 1]! : data.edgeTarget[code >> 1]!);
  const roads = (v: number) => {
    let count = 0;
    for (let e = 0; e < m; e++) {
      if ((data.edgeSource[e] === v || data.edgeTarget[e] === v) && (data.edgeForwardMs[e]! >= 0 || data.edgeBackwardMs[e]! >= 0)) count++;
    }
    return count;
  };
  // Each edge's straight line (the factories' geometry: two points), as stored.
  const point = (e: number, end: 0 | 1) => {
    const p = data.geomStart[e]! + (end === 0 ? 0 : data.geomStart[e + 1]! - data.geomStart[e]! - 1);
    return [data.geomCoords[2 * p]!, data.geomCoords[2 * p + 1]!] as const;
  };
  const heading = (code: number) => {
    const e = code >> 1;
    const [from, to] = code & 1 ? [point(e, 1), point(e, 0)] : [point(e, 0), point(e, 1)];
    if (from[0] === to[0] && from[1] === to[1]) return Number.NaN;
    const k = Math.cos((from[1] / FIXED_SCALE) * (Math.PI / 180));
    return (Math.atan2((to[0] - from[0]) * k, to[1] - from[1]) * 180) / Math.PI;
  };
  const r = data.turnRestrictions;
  const allowedByRestrictions = (a: number, d: number): boolean => {
    for (let i = 0; i < r.length; i += 4) {
      if (r[i] !== head(a) || (r[i + 3]! & TURN_CAR) === 0 || r[i + 1] !== a >> 1) continue;
      const only = (r[i + 3]! & TURN_ONLY) !== 0;
      if (only ? r[i + 2] !== d >> 1 : r[i + 2] === d >> 1) return false;
    }
    return true;
  };
  const turn = (a: number, d: number): number => {
    const v = head(a);
    const n = roads(v);
    if (d === (a ^ 1)) {
      let otherExits = 0;
      for (let c = 0; c < 2 * m; c++) if (c !== d && cost(c) >= 0 && tail(c) === v) otherExits++;
      if (n === 2 && otherExits > 0 && (options.uTurns ?? 'junctions') === 'junctions') return Infinity;
      return Math.round(1000 * turnSeconds(180, true, options));
    }
    if (n <= 2) return 0;
    let angle = heading(d) - heading(a);
    while (angle <= -180) angle += 360;
    while (angle > 180) angle -= 360;
    return Math.round(1000 * turnSeconds(Number.isNaN(angle) ? 0 : angle, false, options));
  };
  const arc = new Float64Array(2 * m).fill(Infinity);
  for (let c = 0; c < 2 * m; c++) if (cost(c) >= 0 && tail(c) === source) arc[c] = cost(c);
  for (let changed = true; changed;) {
    changed = false;
    for (let a = 0; a < 2 * m; a++) {
      if (arc[a] === Infinity) continue;
      for (let d = 0; d < 2 * m; d++) {
        if (cost(d) < 0 || tail(d) !== head(a) || !allowedByRestrictions(a, d)) continue;
        const next = arc[a]! + turn(a, d) + cost(d);
        if (next < arc[d]!) { arc[d] = next; changed = true; }
      }
    }
  }
  const dist = new Float64Array(data.nodeLon.length).fill(Infinity);
  dist[source] = 0;
  for (let c = 0; c < 2 * m; c++) if (arc[c]! < dist[head(c)]!) dist[head(c)] = arc[c]!;
  return dist;
}
