import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.js';

/** A country's extract (Germany's is ~4 GB) is a CLI job; a region's or a city's fits in this. */
export const OSM_UPLOAD_LIMIT = 512 * 1024 * 1024;

/**
 * The uploaded file on disk. Its path is a private field: the app's NUL-character check walks
 * the body's own properties, and there is nothing in here for it (or a log line) to read.
 */
export class UploadedFile {
  readonly #file: string;
  readonly bytes: number;
  constructor(file: string, bytes: number) {
    this.#file = file;
    this.bytes = bytes;
  }
  get file(): string {
    return this.#file;
  }
  async remove(): Promise<void> {
    await rm(this.#file, { force: true });
  }
}

/**
 * Streams a request body to a temporary file in the data folder (never whole in memory), counting
 * bytes: past the limit the upload stops with 413 and the partial file is removed.
 */
export async function saveUpload(body: Readable, dataDir: string, limit = OSM_UPLOAD_LIMIT): Promise<UploadedFile> {
  const dir = path.join(dataDir, 'uploads');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `osm-${uuidv7()}.osm.pbf`);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, next) {
      bytes += chunk.length;
      if (bytes > limit) next(new AppError('UPLOAD_TOO_LARGE', `The extract is larger than ${limit / 1024 / 1024} MB: import it with \`firebreak import osm\``, { fields: [{ path: 'body', message: `larger than ${limit} bytes` }] }));
      else next(null, chunk);
    },
  });
  try {
    await pipeline(body, count, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return new UploadedFile(file, bytes);
}

/** An OSM PBF file starts with a 4-byte header length, then a BlobHeader whose type is "OSMHeader". */
export async function looksLikeOsmPbf(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, 32, 0);
    return head.subarray(0, bytesRead).toString('latin1').includes('OSMHeader');
  } finally {
    await handle.close();
  }
}
