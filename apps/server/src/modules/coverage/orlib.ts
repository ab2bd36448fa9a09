import { readFileSync } from 'node:fs';
import type { PlacementInstance } from './placement-model.js';

/**
 * An OR-Library p-median instance (Beasley 1985) as a placement instance: every vertex is both
 * a demand point (weight 1) and a candidate; times are shortest-path lengths over the listed
 * undirected edges (Floyd-Warshall), where a repeated edge's last cost counts, as the library says.
 */
export function parsePmed(text: string): PlacementInstance {
  const numbers = text.trim().split(/\s+/).map(Number);
  const [n, edges, p] = numbers as [number, number, number];
  const d = new Float64Array(n * n).fill(Infinity);
  for (let v = 0; v < n; v++) d[v * n + v] = 0;
  for (let e = 0; e < edges; e++) {
    const a = numbers[3 + 3 * e]! - 1, b = numbers[4 + 3 * e]! - 1, c = numbers[5 + 3 * e]!;
    d[a * n + b] = c; d[b * n + a] = c;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = d[i * n + k]!;
      if (ik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const via = ik + d[k * n + j]!;
        if (via < d[i * n + j]!) d[i * n + j] = via;
      }
    }
  }
  return { n, m: n, time: d, weight: new Float64Array(n).fill(1), p };
}

export const readPmed = (file: string): PlacementInstance => parsePmed(readFileSync(file, 'utf8'));

/** The published optima (`pmed_optimal.csv`): instance name -> p-median value. */
export function readPmedOptima(file: string): Map<string, number> {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  return new Map(lines.map((l) => { const [name, , , opt] = l.split(','); return [name!, Number(opt)]; }));
}
