import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { looksLikeOsmPbf, saveUpload } from './upload.js';

const PBF = new URL('../../../../../data/osm/baltimore.osm.pbf', import.meta.url).pathname;
const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));

describe('saveUpload', () => {
  it('writes the body to a file in <dataDir>/uploads, counting its bytes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-upload-'));
    const f = await saveUpload(chunks('abc', 'def'), dir, 100);
    expect(f.bytes).toBe(6);
    expect(readFileSync(f.file, 'utf8')).toBe('abcdef');
    expect(path.dirname(f.file)).toBe(path.join(dir, 'uploads'));
    // The path is not an own property: the app's walk of request bodies finds nothing to read.
    expect(Object.keys(f)).toEqual(['bytes']);
    await f.remove();
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });

  it('stops past the limit with 413 and leaves no partial file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-upload-'));
    const err = await saveUpload(chunks('abc', 'def', 'ghi'), dir, 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(413);
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  });
});

describe('looksLikeOsmPbf', () => {
  it('knows an OSM PBF by its first block, and a CSV is not one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'firebreak-upload-'));
    expect(await looksLikeOsmPbf(PBF)).toBe(true);
    const csv = await saveUpload(chunks('name,lon,lat\nx,1,2\n'), dir);
    expect(await looksLikeOsmPbf(csv.file)).toBe(false);
  });
});
