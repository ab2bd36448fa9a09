import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FONTS_DIR, GlyphRanges, glyphFingerprint, type RenderRange } from './glyphs.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fb-glyphs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** A renderer that counts its calls and answers bytes that name the range. */
function counting(): RenderRange & { calls: number[] } {
  const calls: number[] = [];
  return Object.assign(async (start: number) => new Uint8Array([start >> 8, 1, 2, 3]), { calls }) as RenderRange & { calls: number[] };
}
const render = (r: RenderRange & { calls: number[] }): RenderRange => async (start, dir) => {
  r.calls.push(start);
  return r(start, dir);
};

describe('glyph ranges kept on disk', () => {
  it('makes a range once; a new process (a new store on the same folder) reads it back without making it', async () => {
    const dir = tempDir();
    const first = counting();
    const a = new GlyphRanges(dir, FONTS_DIR, render(first));
    const made = await a.get(256);
    await a.get(256);
    expect(first.calls).toEqual([256]);

    const second = counting();
    const b = new GlyphRanges(dir, FONTS_DIR, render(second));
    expect(await b.get(256)).toEqual(made);
    expect(second.calls).toEqual([]);
    // Only whole files are left in the folder (the write goes aside, then is renamed).
    expect(readdirSync(path.join(dir, glyphFingerprint(FONTS_DIR)))).toEqual(['256.pbf']);
  });

  it('keeps ranges apart by fingerprint: a range made from other fonts or code is never served', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '0123456789abcdef'));
    writeFileSync(path.join(dir, '0123456789abcdef', '0.pbf'), new Uint8Array([9, 9, 9]));
    const r = counting();
    expect(await new GlyphRanges(dir, FONTS_DIR, render(r)).get(0)).toEqual(new Uint8Array([0, 1, 2, 3]));
    expect(r.calls).toEqual([0]);

    // Other font files (one byte changed): another fingerprint, so another folder.
    const fonts = tempDir();
    cpSync(FONTS_DIR, fonts, { recursive: true });
    const latin = path.join(fonts, 'noto-sans-latin-400-normal.woff2');
    const bytes = readFileSync(latin);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(latin, bytes);
    expect(glyphFingerprint(fonts)).toMatch(/^[0-9a-f]{16}$/);
    expect(glyphFingerprint(fonts)).not.toBe(glyphFingerprint(FONTS_DIR));
  });

  it('still serves a range when the folder cannot be written', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const r = counting();
    const store = new GlyphRanges(path.join(file, 'glyphs'), FONTS_DIR, render(r));
    expect(await store.get(512)).toEqual(new Uint8Array([2, 1, 2, 3]));
    expect(r.calls).toEqual([512]);
  });

  it('draws real glyphs from the fonts by default (Basic Latin has A)', async () => {
    const pbf = await new GlyphRanges(tempDir()).get(0);
    expect(pbf.byteLength).toBeGreaterThan(10_000);
  });
});
