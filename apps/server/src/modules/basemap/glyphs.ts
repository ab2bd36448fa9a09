import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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
 * labels use are ever made (a CJK range is about 256 outlines, 1-2 s of arithmetic on a busy machine).
 * A range once made is also kept on disk (`GlyphRanges`, in the data folder): a restarted server
 * reads it back in milliseconds instead of making it again for the first map after the restart.
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

/** Makes one range (the fonts' outlines -> SDF -> PBF); a parameter of `GlyphRanges` so a test can count the calls. */
export type RenderRange = (start: number, fontsDir: string) => Promise<Uint8Array>;

/**
 * The glyph ranges of one cache folder: in memory for the life of the process, and on disk under
 * `<dir>/<fingerprint>/<start>.pbf`. The fingerprint hashes the fonts and the code that draws them, so a
 * release that changes either never serves an old range. A range that cannot be written (a read-only
 * disk) is still served; one that cannot be made is not remembered, so the next request tries again.
 */
export class GlyphRanges {
  private readonly memory = new Map<number, Promise<Uint8Array>>();
  private folder: string | undefined;

  constructor(private readonly dir: string | null, private readonly fontsDir = FONTS_DIR, private readonly render: RenderRange = renderRange) {}

  /** One range of the font stack as a glyph PBF; a range no font covers is a valid PBF with no glyphs. */
  get(start: number): Promise<Uint8Array> {
    let pbf = this.memory.get(start);
    if (!pbf) {
      pbf = this.load(start);
      this.memory.set(start, pbf);
      pbf.catch(() => this.memory.delete(start));
    }
    return pbf;
  }

  private async load(start: number): Promise<Uint8Array> {
    if (!this.dir) return this.render(start, this.fontsDir);
    this.folder ??= path.join(this.dir, glyphFingerprint(this.fontsDir));
    const file = path.join(this.folder, `${start}.pbf`);
    const kept = await readFile(file).catch(() => null);
    if (kept) return new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength);
    const pbf = await this.render(start, this.fontsDir);
    // Written aside and renamed: a reader never sees half a file, two writers leave one whole one.
    const aside = `${file}.${process.pid}.${Date.now()}`;
    await mkdir(this.folder, { recursive: true })
      .then(() => writeFile(aside, pbf))
      .then(() => rename(aside, file))
      .catch(() => undefined);
    return pbf;
  }
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const fingerprints = new Map<string, string>();

/** A hash of the font files and of the code that turns them into glyph PBFs (this module, sdf, glyph-pbf). */
export function glyphFingerprint(fontsDir: string): string {
  let hex = fingerprints.get(fontsDir);
  if (!hex) {
    const hash = createHash('sha256');
    for (const f of FONT_FILES) hash.update(readFileSync(path.join(fontsDir, f)));
    for (const f of readdirSync(HERE).filter((n) => /^(glyphs|sdf|glyph-pbf)\.[cm]?[jt]s$/.test(n)).sort()) hash.update(readFileSync(path.join(HERE, f)));
    hex = hash.digest('hex').slice(0, 16);
    fingerprints.set(fontsDir, hex);
  }
  return hex;
}

const stores = new Map<string, GlyphRanges>();

/** The glyph ranges kept under a data folder (one store per folder and process). */
export function glyphRangesIn(dataDir: string): GlyphRanges {
  const dir = path.join(dataDir, 'glyphs');
  let store = stores.get(dir);
  if (!store) stores.set(dir, (store = new GlyphRanges(dir)));
  return store;
}

/** The ranges every map's labels use first (Basic Latin and Latin-1: names, digits, ä ö ü é). */
export const FIRST_GLYPH_RANGES = [0];

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
