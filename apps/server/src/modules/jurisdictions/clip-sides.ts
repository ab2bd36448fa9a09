/**
 * Which faces of an extract's area lie inside a boundary the extract cut — the pure part of
 * clip-repair.ts. No I/O.
 */

/** A face of the area as cut by the boundary's present ways. */
export interface Face {
  i: number;
  /** In any unit: only ratios are used. */
  area: number;
  /** The part of it inside the closure of the present ways (same unit). */
  closed: number;
  /** Faces sharing a stretch of way with it. */
  neighbours: number[];
  /** Set by `insideColour`: 0 or 1, alternating across every way. */
  colour: number;
}

/** How far apart the two sides' closure shares must be for the closure to decide. */
const DECISIVE = 0.5;

/**
 * Colours the faces so that neighbours across a way differ (a way is where in turns to out), then
 * picks the inside colour from the closure of the present ways: the side mostly inside it. When
 * the closure says nothing (a straight line closes onto itself: no area), `decided` is undefined
 * and the caller asks the neighbours. A colour with no faces means nothing of the boundary lies
 * in the area. Faces that cannot be coloured consistently (ways crossing oddly) are an error.
 */
export function insideColour(faces: Face[]): { decided: number | undefined } {
  colourFaces(faces);
  const share = [0, 1].map((c) => {
    const side = faces.filter((f) => f.colour === c);
    const area = side.reduce((s, f) => s + f.area, 0);
    return { count: side.length, share: area > 0 ? side.reduce((s, f) => s + f.closed, 0) / area : 0 };
  });
  const [a, b] = share as [{ count: number; share: number }, { count: number; share: number }];
  // No way crosses the area: it is wholly inside the boundary or wholly outside.
  if (b.count === 0) return { decided: a.share >= DECISIVE ? 0 : 1 };
  if (Math.abs(a.share - b.share) >= DECISIVE) return { decided: a.share > b.share ? 0 : 1 };
  return { decided: undefined };
}

/** Two-colours the face graph, component by component (breadth first). */
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
