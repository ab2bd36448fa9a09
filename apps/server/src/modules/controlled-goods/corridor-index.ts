import Flatbush from 'flatbush';

/** Metres per degree near a reference latitude: an equirectangular plane, exact enough for tens of kilometres. */
export class Projector {
  readonly kx: number;
  readonly ky = 110_574;
  constructor(readonly lon0: number, readonly lat0: number) {
    this.kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  }

  x(lon: number): number {
    return (lon - this.lon0) * this.kx;
  }

  y(lat: number): number {
    return (lat - this.lat0) * this.ky;
  }
}

/** Squared distance from (px, py) to the segment (ax, ay)-(bx, by). */
export function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len > 0 ? ((px - ax) * dx + (py - ay) * dy) / len : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** A corridor: its route as a polyline in projected metres ([x0, y0, x1, y1, …]) and its half-width. */
export interface CorridorLine { coords: Float64Array; widthM: number }

/**
 * Many corridors' segments in one static R-tree (flatbush, packed Hilbert): a fix is held against
 * the few segments whose box, grown by their corridor's width, holds it — then the exact
 * point-to-segment distance. Built once for a set of active corridors (rebuilding 10,000 routes
 * takes a fraction of a second); `owner` maps a segment to its corridor.
 */
export class CorridorIndex {
  private readonly tree: Flatbush;
  private readonly segs: Float64Array;
  private readonly owner: Int32Array;
  private readonly width: Float64Array;
  // The query in fields and one bound visitor: the hot path allocates no closure per fix.
  private qx = 0;
  private qy = 0;
  private qci = 0;
  private qbest = Infinity;
  private readonly visit = (i: number): boolean => {
    if (this.owner[i] === this.qci) {
      const o = i * 4;
      const d = segmentDistanceSq(this.qx, this.qy, this.segs[o]!, this.segs[o + 1]!, this.segs[o + 2]!, this.segs[o + 3]!);
      if (d < this.qbest) this.qbest = d;
    }
    return false;
  };
  readonly segmentCount: number;

  constructor(readonly corridors: readonly CorridorLine[]) {
    let n = 0;
    for (const c of corridors) n += Math.max(0, c.coords.length / 2 - 1);
    this.segmentCount = n;
    this.segs = new Float64Array(n * 4);
    this.owner = new Int32Array(n);
    this.width = new Float64Array(corridors.map((c) => c.widthM));
    this.tree = new Flatbush(Math.max(1, n));
    let s = 0;
    for (const [ci, c] of corridors.entries()) {
      const w = c.widthM;
      for (let i = 0; i + 3 < c.coords.length; i += 2) {
        const ax = c.coords[i]!, ay = c.coords[i + 1]!, bx = c.coords[i + 2]!, by = c.coords[i + 3]!;
        this.segs.set([ax, ay, bx, by], s * 4);
        this.owner[s] = ci;
        this.tree.add(Math.min(ax, bx) - w, Math.min(ay, by) - w, Math.max(ax, bx) + w, Math.max(ay, by) + w);
        s++;
      }
    }
    // An empty tree still needs one box to finish; it lies nowhere a fix can be.
    if (n === 0) this.tree.add(Infinity, Infinity, Infinity, Infinity);
    this.tree.finish();
  }

  /** The distance in metres from (x, y) to corridor `ci`'s route when it is within `limit`, else Infinity. */
  distanceTo(ci: number, x: number, y: number, limit = this.width[ci]!): number {
    // How far off a point beyond every box is (an alert's "metres off"): the corridor's segments, all of them.
    if (limit === Infinity) {
      let best = Infinity;
      for (let i = 0; i < this.segmentCount; i++) {
        if (this.owner[i] !== ci) continue;
        const o = i * 4;
        best = Math.min(best, segmentDistanceSq(x, y, this.segs[o]!, this.segs[o + 1]!, this.segs[o + 2]!, this.segs[o + 3]!));
      }
      return Math.sqrt(best);
    }
    this.qx = x;
    this.qy = y;
    this.qci = ci;
    this.qbest = Infinity;
    this.tree.search(x, y, x, y, this.visit);
    const best = this.qbest;
    const d = Math.sqrt(best);
    return d <= limit ? d : Infinity;
  }

  /** Whether (x, y) lies within corridor `ci`. */
  inside(ci: number, x: number, y: number): boolean {
    return this.distanceTo(ci, x, y) !== Infinity;
  }
}

/** The peer of the bench: every segment of every corridor, no index. */
export function naiveInside(corridors: readonly CorridorLine[], ci: number, x: number, y: number): boolean {
  let inside = false;
  for (const [j, c] of corridors.entries()) {
    const w2 = c.widthM * c.widthM;
    for (let i = 0; i + 3 < c.coords.length; i += 2) {
      if (segmentDistanceSq(x, y, c.coords[i]!, c.coords[i + 1]!, c.coords[i + 2]!, c.coords[i + 3]!) <= w2 && j === ci) inside = true;
    }
  }
  return inside;
}

/** Whether (x, y) lies inside a polygon given as projected rings (first the outline, then holes): even-odd rule. */
export function insideRings(rings: readonly Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xi = r[i]!, yi = r[i + 1]!, xj = r[j]!, yj = r[j + 1]!;
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
