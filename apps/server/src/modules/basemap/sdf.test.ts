import { describe, expect, it } from 'vitest';
import { decodeGlyphPbf } from '../../../test/glyph-pbf.js';
import { encodeGlyphRange } from './glyph-pbf.js';
import { GLYPH_BORDER, sdfGlyph, segmentsOf, type PathCommand } from './sdf.js';

/** A 10 × 10 px square from (2,0) to (12,10) at 24 px per 1000-unit em, drawn counter-clockwise. */
const unit = 1000 / 24;
const square: PathCommand[] = [
  { command: 'moveTo', args: [2 * unit, 0] },
  { command: 'lineTo', args: [12 * unit, 0] },
  { command: 'lineTo', args: [12 * unit, 10 * unit] },
  { command: 'lineTo', args: [2 * unit, 10 * unit] },
  { command: 'closePath', args: [] },
];
/** The same square with a 4 × 4 hole (drawn the other way round): non-zero winding leaves it empty. */
const ring: PathCommand[] = [...square,
  { command: 'moveTo', args: [5 * unit, 3 * unit] },
  { command: 'lineTo', args: [5 * unit, 7 * unit] },
  { command: 'lineTo', args: [9 * unit, 7 * unit] },
  { command: 'lineTo', args: [9 * unit, 3 * unit] },
  { command: 'closePath', args: [] },
];
const at = (g: ReturnType<typeof sdfGlyph>, x: number, yFromTop: number) => g.bitmap[(yFromTop + GLYPH_BORDER) * (g.width + 2 * GLYPH_BORDER) + x + GLYPH_BORDER]!;

describe('SDF glyphs for MapLibre', () => {
  it('measures the outline in 24 px ems, with a 3 px border, and shifts top to the PBF origin', () => {
    const g = sdfGlyph(65, square, 14 * unit, 1000);
    expect(g).toMatchObject({ id: 65, width: 10, height: 10, left: 2, advance: 14 });
    expect(g.top).toBe(10 - 27);
    expect(g.bitmap.length).toBe(16 * 16);
  });

  it('puts the edge at 192: inside above it, outside below it, fading over 8 px', () => {
    const g = sdfGlyph(65, square, 14 * unit, 1000);
    expect(at(g, 5, 5)).toBeGreaterThan(230); // deep inside
    expect(at(g, 0, 5)).toBeGreaterThanOrEqual(192); // just inside the left edge
    expect(at(g, -1, 5)).toBeLessThan(192); // just outside it
    expect(at(g, -3, 5)).toBeLessThan(at(g, -1, 5));
    // Row 0 of the bitmap is the top: the square reaches it from x 0 to 9.
    expect(at(g, 9, 0)).toBeGreaterThanOrEqual(192);
  });

  it('leaves a counter-wound hole empty (non-zero winding)', () => {
    const g = sdfGlyph(79, ring, 14 * unit, 1000);
    expect(at(g, 5, 5)).toBeLessThan(192); // in the hole
    expect(at(g, 1, 5)).toBeGreaterThanOrEqual(192); // in the wall
  });

  it('flattens curves into short segments that end where the curve ends', () => {
    const segs = segmentsOf([{ command: 'moveTo', args: [0, 0] }, { command: 'quadraticCurveTo', args: [10, 20, 20, 0] }, { command: 'closePath', args: [] }], 1);
    expect(segs.length).toBeGreaterThan(4);
    expect(segs.at(-2)!.slice(2)).toEqual([20, 0]);
    expect(segs.at(-1)!.slice(2)).toEqual([0, 0]);
  });

  it('draws nothing for a blank glyph but keeps its advance', () => {
    const g = sdfGlyph(32, [], 6 * unit, 1000);
    expect(g).toMatchObject({ width: 0, height: 0, advance: 6 });
    expect(g.bitmap.length).toBe(0);
  });

  it('encodes a range that reads back as MapLibre reads it', () => {
    const glyphs = [sdfGlyph(32, [], 6 * unit, 1000), sdfGlyph(65, square, 14 * unit, 1000)];
    const [stack, ...more] = decodeGlyphPbf(encodeGlyphRange('Noto Sans Regular', '0-255', glyphs));
    expect(more).toEqual([]);
    expect(stack).toMatchObject({ name: 'Noto Sans Regular', range: '0-255' });
    expect(stack!.glyphs.map((g) => [g.id, g.width, g.height, g.left, g.top, g.advance])).toEqual([[32, 0, 0, 0, -27, 6], [65, 10, 10, 2, -17, 14]]);
    expect(stack!.glyphs[0]!.bitmap).toBeUndefined();
    expect(Array.from(stack!.glyphs[1]!.bitmap!)).toEqual(Array.from(glyphs[1]!.bitmap));
  });
});
