/**
 * Polygon assembly for OSM multipolygons, the way osmium and osmtogeojson do it: member ways are
 * joined end to end (by shared node ids) into closed rings, and each inner ring goes into the
 * outer ring that contains it. Pure and small on purpose: the country's relations are few, and
 * doing it here keeps tile building off the (on PGlite, single) database connection.
 */
import { insideRing } from '@firebreak/roadgraph';

export type LonLat = [lon: number, lat: number];

/** Joins ways (node id lists) into closed rings; what cannot be closed is dropped (a clipped extract). */
export function assembleRings(ways: readonly (readonly number[])[]): number[][] {
  const rings: number[][] = [];
  const open: number[][] = [];
  for (const w of ways) {
    if (w.length < 2) continue;
    if (w.length >= 4 && w[0] === w.at(-1)) rings.push([...w]);
    else open.push([...w]);
  }
  const used = new Array<boolean>(open.length).fill(false);
  const byEnd = new Map<number, number[]>();
  const index = (node: number, i: number) => {
    const list = byEnd.get(node);
    if (list) list.push(i);
    else byEnd.set(node, [i]);
  };
  open.forEach((w, i) => { index(w[0]!, i); index(w.at(-1)!, i); });
  for (let i = 0; i < open.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const ring = [...open[i]!];
    while (ring[0] !== ring.at(-1)) {
      const end = ring.at(-1)!;
      const next = byEnd.get(end)?.find((j) => !used[j]);
      if (next === undefined) break;
      used[next] = true;
      const w = open[next]!;
      ring.push(...(w[0] === end ? w.slice(1) : [...w].reverse().slice(1)));
    }
    if (ring.length >= 4 && ring[0] === ring.at(-1)) rings.push(ring);
  }
  return rings;
}

/** Whether a point lies inside a ring (even-odd; the road graph's own test for closures). */
export function ringContains(ring: readonly LonLat[], point: LonLat): boolean {
  return insideRing(point, ring);
}

const absArea = (ring: readonly LonLat[]): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(a / 2);
};

/**
 * Polygons (outer ring first, then its holes) from outer and inner rings. An inner ring goes to
 * the smallest outer ring containing its first point; one inside no outer ring is dropped.
 */
export function polygonsOf(outers: LonLat[][], inners: LonLat[][]): LonLat[][][] {
  const polygons = outers.map((ring) => ({ ring, area: absArea(ring), holes: [] as LonLat[][] }));
  for (const inner of inners) {
    let best: (typeof polygons)[number] | undefined;
    for (const p of polygons) {
      if ((!best || p.area < best.area) && ringContains(p.ring, inner[0]!)) best = p;
    }
    best?.holes.push(inner);
  }
  return polygons.map((p) => [p.ring, ...p.holes]);
}
