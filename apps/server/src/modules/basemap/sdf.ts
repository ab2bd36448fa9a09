/**
 * Signed distance fields of glyph outlines, in the shape MapLibre reads from glyph PBFs: 24 px
 * to the em, a 3 px border, distances scaled over 8 px with the edge at 192/255 (the values
 * fontnik and TinySDF produce, which MapLibre's SDF shader is tuned to). Pure: outline in,
 * bitmap and metrics out. Written here, not taken from fontnik, because fontnik is a native
 * addon and this workspace installs no build scripts.
 */

/** The path commands of an outline, as fontkit gives them (font units, y up). */
export interface PathCommand { command: string; args: number[] }

export interface SdfGlyph {
  id: number;
  /** (width + 6) × (height + 6) bytes, rows top-down; empty for a glyph that draws nothing. */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

export const GLYPH_EM_PX = 24;
export const GLYPH_BORDER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
/**
 * Glyph PBFs give `top` from an origin above the em box, not from the baseline. MapLibre aligns
 * its own locally drawn glyphs with a 27.5 px shift; the same shift here keeps server-made Latin
 * and CJK on one baseline with them.
 */
const BASELINE_SHIFT = 27;

type Segment = [x0: number, y0: number, x1: number, y1: number];

/** Flattens an outline into line segments in pixel space (curves cut into short straight pieces). */
export function segmentsOf(commands: readonly PathCommand[], scale: number): Segment[] {
  const out: Segment[] = [];
  let x = 0, y = 0, sx = 0, sy = 0;
  const to = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) out.push([x, y, nx, ny]);
    x = nx; y = ny;
  };
  for (const { command, args } of commands) {
    const a = args.map((v) => v * scale);
    switch (command) {
      case 'moveTo':
        if (x !== sx || y !== sy) to(sx, sy);
        x = sx = a[0]!; y = sy = a[1]!;
        break;
      case 'lineTo': to(a[0]!, a[1]!); break;
      case 'quadraticCurveTo': {
        const [cx, cy, ex, ey] = a as [number, number, number, number];
        const x0 = x, y0 = y;
        const n = Math.max(2, Math.ceil((Math.hypot(cx - x0, cy - y0) + Math.hypot(ex - cx, ey - cy)) / 2));
        for (let i = 1; i <= n; i++) {
          const t = i / n, u = 1 - t;
          to(u * u * x0 + 2 * u * t * cx + t * t * ex, u * u * y0 + 2 * u * t * cy + t * t * ey);
        }
        break;
      }
      case 'bezierCurveTo': {
        const [c1x, c1y, c2x, c2y, ex, ey] = a as [number, number, number, number, number, number];
        const x0 = x, y0 = y;
        const n = Math.max(2, Math.ceil((Math.hypot(c1x - x0, c1y - y0) + Math.hypot(c2x - c1x, c2y - c1y) + Math.hypot(ex - c2x, ey - c2y)) / 2));
        for (let i = 1; i <= n; i++) {
          const t = i / n, u = 1 - t;
          to(u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex, u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ey);
        }
        break;
      }
      case 'closePath': to(sx, sy); break;
      default: break;
    }
  }
  if (x !== sx || y !== sy) to(sx, sy);
  return out;
}

/** Distance from a point to the nearest segment, and whether the point is inside (non-zero winding). */
function signedDistance(px: number, py: number, segments: readonly Segment[]): number {
  let best = Infinity;
  let winding = 0;
  for (const [x0, y0, x1, y1] of segments) {
    const dx = x1 - x0, dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
    const ex = x0 + t * dx - px, ey = y0 + t * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < best) best = d2;
    // Crossings of a ray towards +x, counted with their direction.
    if (y0 <= py) {
      if (y1 > py && dx * (py - y0) - (px - x0) * dy > 0) winding++;
    } else if (y1 <= py && dx * (py - y0) - (px - x0) * dy < 0) winding--;
  }
  const d = Math.sqrt(best);
  return winding !== 0 ? -d : d;
}

/**
 * The SDF glyph of one outline. `unitsPerEm` scales font units to the 24 px em; `advanceWidth`
 * is in font units.
 */
export function sdfGlyph(id: number, commands: readonly PathCommand[], advanceWidth: number, unitsPerEm: number): SdfGlyph {
  const scale = GLYPH_EM_PX / unitsPerEm;
  const advance = Math.max(0, Math.round(advanceWidth * scale));
  const segments = segmentsOf(commands, scale);
  if (segments.length === 0) return { id, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: -BASELINE_SHIFT, advance };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x0, y0, x1, y1] of segments) {
    minX = Math.min(minX, x0, x1); maxX = Math.max(maxX, x0, x1);
    minY = Math.min(minY, y0, y1); maxY = Math.max(maxY, y0, y1);
  }
  const left = Math.floor(minX), right = Math.ceil(maxX), bottom = Math.floor(minY), top = Math.ceil(maxY);
  const width = right - left, height = top - bottom;
  const w = width + 2 * GLYPH_BORDER, h = height + 2 * GLYPH_BORDER;
  const bitmap = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) {
    const py = top + GLYPH_BORDER - row - 0.5;
    for (let col = 0; col < w; col++) {
      const px = left - GLYPH_BORDER + col + 0.5;
      const d = signedDistance(px, py, segments);
      bitmap[row * w + col] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  }
  return { id, bitmap, width, height, left, top: top - BASELINE_SHIFT, advance };
}
