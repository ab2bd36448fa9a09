import { FIXED_SCALE, haversine } from './geo.js';
import type { GraphData } from './graph-data.js';

/**
 * Points of edge e between two fractions of its length; from > to walks it backwards.
 * Interpolated end points are included, so consecutive slices join.
 */
export function edgeSlice(data: GraphData, e: number, from: number, to: number): [number, number][] {
  const points = edgePoints(data, e);
  const forward = from <= to;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const length = data.edgeLengthM[e]!;
  const out: [number, number][] = [];
  let walked = 0;
  out.push(pointAt(points, lo * length));
  for (let i = 1; i < points.length - 1; i++) {
    walked += haversine(...points[i - 1]!, ...points[i]!);
    if (walked > lo * length && walked < hi * length) out.push(points[i]!);
  }
  out.push(pointAt(points, hi * length));
  return forward ? out : out.reverse();
}

export function edgePoints(data: GraphData, e: number): [number, number][] {
  const { geomStart, geomCoords } = data;
  const out: [number, number][] = [];
  for (let p = geomStart[e]!; p < geomStart[e + 1]!; p++) {
    out.push([geomCoords[2 * p]! / FIXED_SCALE, geomCoords[2 * p + 1]! / FIXED_SCALE]);
  }
  return out;
}

function pointAt(points: [number, number][], offset: number): [number, number] {
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const step = haversine(...a, ...b);
    if (walked + step >= offset && step > 0) {
      const t = Math.max(0, Math.min(1, (offset - walked) / step));
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    walked += step;
  }
  return points[points.length - 1]!;
}

/** Appends points to a line, dropping a point equal to the line's last one. */
export function appendPoints(line: [number, number][], points: [number, number][]): void {
  for (const p of points) {
    const last = line[line.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) line.push(p);
  }
}
