/**
 * Which faces of an extract's area lie inside a boundary the extract cut — the pure part of
 * clip-repair.ts. No I/O.
 */

/** A face of the area as cut by the boundary's present ways. */
export interface Face {
  i: number;
  /** In any unit: only ratios are used. */
  area: number;
  /** The part of it inside the chains of present ways each closed onto itself (same unit). */
  closed: number;
  /** The part of it inside the ring of present ways in member order (same unit). */
  ringed: number;
  /** Faces sharing a stretch of way with it. */
  neighbours: number[];
  /** Set by `insideColour`: 0 or 1, alternating across every way. */
  colour: number;
}

/** With no way across the area: the share of it a closure must cover for it to be inside. */
const DECISIVE = 0.5;
/** Across the area: the closure decides when one side's share is at least this… */
const MIN_SHARE = 0.02;
/** …and the other side's at most this fraction of it. */
const MAX_RATIO = 1 / 3;

/**
 * Picks the inside colour of faces already coloured (`colourFaces`) from a closure of the present
 * ways: the side mostly inside it — first the member-order ring (`memberRing`), then each chain
 * closed onto itself (a weak hint: it shows which way the known line bends, and boundaries bend
 * round their inside more than away from it). When neither says (a straight line closes onto
 * itself: no area), `decided` is undefined. When no way crosses the area, one colour has no faces:
 * choosing it means nothing of the boundary lies in the area.
 */
export function insideColour(faces: Face[]): { decided: number | undefined; by?: 'closure' | 'member ring' } {
  for (const [key, by] of [['ringed', 'member ring'], ['closed', 'closure']] as const) {
    const decided = decide(faces, key);
    if (decided !== undefined) return { decided, by };
  }
  return { decided: undefined };
}

function decide(faces: Face[], key: 'closed' | 'ringed'): number | undefined {
  const [a, b] = [0, 1].map((c) => {
    const side = faces.filter((f) => f.colour === c);
    const area = side.reduce((s, f) => s + f.area, 0);
    return { count: side.length, share: area > 0 ? side.reduce((s, f) => s + f[key], 0) / area : 0 };
  }) as [{ count: number; share: number }, { count: number; share: number }];
  // No way crosses the area: it is wholly inside the boundary or wholly outside.
  if (b.count === 0) return a.share >= DECISIVE ? 0 : 1;
  // One side clearly more inside the closure than the other: a closure that only grazes the area
  // still tells, as long as it grazes one side far more than the other.
  const [high, low] = a.share >= b.share ? [a.share, b.share] : [b.share, a.share];
  if (high >= MIN_SHARE && low <= high * MAX_RATIO) return a.share > b.share ? 0 : 1;
  return undefined;
}

/** The side with more area: an extract is cut around the place it is for. */
export function largerSide(faces: Face[]): number {
  const area = [0, 1].map((c) => faces.filter((f) => f.colour === c).reduce((s, f) => s + f.area, 0));
  return area[0]! >= area[1]! ? 0 : 1;
}

/**
 * Two-colours the face graph, component by component (breadth first): neighbours across a way
 * differ, a way being where in turns to out. Ways that cannot be coloured so (crossing oddly, not
 * a boundary) are an error.
 */
export function colourFaces(faces: Face[]): void {
  const byIndex = new Map(faces.map((f) => [f.i, f]));
  const seen = new Set<number>();
  for (const start of faces) {
    if (seen.has(start.i)) continue;
    start.colour = 0;
    seen.add(start.i);
    const queue = [start];
    while (queue.length > 0) {
      const face = queue.shift()!;
      for (const n of face.neighbours) {
        const next = byIndex.get(n);
        if (!next) continue;
        if (!seen.has(n)) {
          next.colour = 1 - face.colour;
          seen.add(n);
          queue.push(next);
        } else if (next.colour === face.colour) {
          throw new Error(`faces ${face.i} and ${n} border each other on both sides of a way: the ways do not form a boundary`);
        }
      }
    }
  }
}

type Point = readonly [number, number];

/**
 * The present outer ways joined in the relation's member order into one ring, each missing
 * stretch replaced by a straight line: relations list their ways around the ring (editors sort
 * them), so this follows the boundary's real course wherever it is known. Used to tell its inside.
 */
export function memberRing(outer: readonly (readonly Point[])[]): Point[] {
  const lines = outer.filter((l) => l.length >= 2);
  if (lines.length === 0) return [];
  const ring: Point[] = [];
  const first = lines[0]!;
  const second = lines[1];
  // The first way runs towards the second one: its end is the one nearer to it.
  const flip = second !== undefined && nearest(first[0]!, second) < nearest(first[first.length - 1]!, second);
  ring.push(...(flip ? [...first].reverse() : first));
  for (const line of lines.slice(1)) {
    const end = ring[ring.length - 1]!;
    const forward = distance2(end, line[0]!) <= distance2(end, line[line.length - 1]!);
    ring.push(...(forward ? line : [...line].reverse()));
  }
  ring.push(ring[0]!);
  return ring;
}

function nearest(p: Point, line: readonly Point[]): number {
  return Math.min(distance2(p, line[0]!), distance2(p, line[line.length - 1]!));
}

function distance2(a: Point, b: Point): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}
