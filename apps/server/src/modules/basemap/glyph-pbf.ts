import { PbfWriter } from 'pbf';
import type { SdfGlyph } from './sdf.js';

/**
 * Encodes one glyph range in MapLibre's glyph protobuf (the fontnik schema):
 * `glyphs { repeated fontstack stacks = 1 }`, `fontstack { name = 1; range = 2; repeated glyph glyphs = 3 }`,
 * `glyph { id = 1; bitmap = 2; width = 3; height = 4; left = 5 (sint32); top = 6 (sint32); advance = 7 }`.
 */
export function encodeGlyphRange(name: string, range: string, glyphs: readonly SdfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, (_: null, p: PbfWriter) => {
    p.writeStringField(1, name);
    p.writeStringField(2, range);
    for (const g of glyphs) {
      p.writeMessage(3, (glyph: SdfGlyph, q: PbfWriter) => {
        q.writeVarintField(1, glyph.id);
        if (glyph.bitmap.length > 0) q.writeBytesField(2, glyph.bitmap);
        q.writeVarintField(3, glyph.width);
        q.writeVarintField(4, glyph.height);
        q.writeSVarintField(5, glyph.left);
        q.writeSVarintField(6, glyph.top);
        q.writeVarintField(7, glyph.advance);
      }, g);
    }
  }, null);
  return pbf.finish();
}
