import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAP_FONT_STACK } from '@firebreak/contracts';
import * as fontkit from 'fontkit';
import { encodeGlyphRange } from './glyph-pbf.js';
import { sdfGlyph, type SdfGlyph } from './sdf.js';

/**
 * The map's glyphs, made in the server from open fonts kept in the repository (data/fonts, SIL
 * OFL 1.1): Noto Sans for Latin, Greek and Cyrillic, then Noto Sans SC (its simplified-Chinese
 * subset, GB 2312 and more) for what Noto Sans lacks. No outside glyph server: a range is drawn
 * the first time a map asks for it and kept for the life of the process, so only the ranges the
 * labels use are ever made (a CJK range is about 256 outlines, well under a second).
 */
export const FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/fonts');

const FONT_FILES = [
  'noto-sans-latin-400-normal.woff2',
  'noto-sans-latin-ext-400-normal.woff2',
  'noto-sans-vietnamese-400-normal.woff2',
  'noto-sans-greek-400-normal.woff2',
  'noto-sans-cyrillic-400-normal.woff2',
  'noto-sans-cyrillic-ext-400-normal.woff2',
  'noto-sans-sc-chinese-simplified-400-normal.woff2',
];

let fonts: fontkit.Font[] | undefined;
function loadFonts(dir: string): fontkit.Font[] {
  fonts ??= FONT_FILES.map((f) => fontkit.openSync(path.join(dir, f)) as fontkit.Font);
  return fonts;
}

const ranges = new Map<number, Promise<Uint8Array>>();

/** One range of the font stack as a glyph PBF; a range no font covers is a valid PBF with no glyphs. */
export function glyphRange(start: number, dir = FONTS_DIR): Promise<Uint8Array> {
  let pbf = ranges.get(start);
  if (!pbf) {
    pbf = renderRange(start, dir);
    ranges.set(start, pbf);
    pbf.catch(() => ranges.delete(start));
  }
  return pbf;
}

async function renderRange(start: number, dir: string): Promise<Uint8Array> {
  const faces = loadFonts(dir);
  const glyphs: SdfGlyph[] = [];
  for (let cp = start; cp < start + 256; cp++) {
    // Give the event loop a turn now and then: a CJK range is a few hundred milliseconds of arithmetic.
    if (cp % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
    const face = faces.find((f) => f.hasGlyphForCodePoint(cp));
    if (!face) continue;
    const glyph = face.glyphForCodePoint(cp);
    glyphs.push(sdfGlyph(cp, glyph.path.commands, glyph.advanceWidth, face.unitsPerEm));
  }
  return encodeGlyphRange(MAP_FONT_STACK, `${start}-${start + 255}`, glyphs);
}
