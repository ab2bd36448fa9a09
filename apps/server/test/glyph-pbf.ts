import { PbfReader } from 'pbf';

/** Reads a glyph PBF the way MapLibre does (its parse_glyph_pbf, over the same pbf reader). */
export interface DecodedGlyph { id: number; bitmap?: Uint8Array; width: number; height: number; left: number; top: number; advance: number }
export interface DecodedStack { name: string; range: string; glyphs: DecodedGlyph[] }

export function decodeGlyphPbf(data: Uint8Array): DecodedStack[] {
  return new PbfReader(data).readFields((tag: number, stacks: DecodedStack[], pbf: PbfReader) => {
    if (tag !== 1) return;
    stacks.push(pbf.readMessage((t: number, s: DecodedStack, p: PbfReader) => {
      if (t === 1) s.name = p.readString();
      else if (t === 2) s.range = p.readString();
      else if (t === 3) {
        s.glyphs.push(p.readMessage((g: number, glyph: DecodedGlyph, q: PbfReader) => {
          if (g === 1) glyph.id = q.readVarint();
          else if (g === 2) glyph.bitmap = q.readBytes();
          else if (g === 3) glyph.width = q.readVarint();
          else if (g === 4) glyph.height = q.readVarint();
          else if (g === 5) glyph.left = q.readSVarint();
          else if (g === 6) glyph.top = q.readSVarint();
          else if (g === 7) glyph.advance = q.readVarint();
        }, { id: -1, width: 0, height: 0, left: 0, top: 0, advance: 0 } as DecodedGlyph));
      }
    }, { name: '', range: '', glyphs: [] } as DecodedStack));
  }, [] as DecodedStack[]);
}
