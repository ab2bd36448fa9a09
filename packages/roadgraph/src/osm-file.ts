import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, type TransformCallback } from 'node:stream';
import { OSMTransform, type OSMOptions } from 'osm-pbf-parser-node';
import { RoadGraphError, errorMessage } from './errors.js';

/** Shared by every reader of OSM PBF files (road graph, jurisdictions, places). */
const MAX_BLOB_HEADER_BYTES = 64 * 1024;

/** Size of an OSM file for progress reporting; a missing or unreadable file is a clear error. */
export async function osmFileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RoadGraphError('ROADGRAPH_FILE_NOT_FOUND', `OSM PBF file not found: ${file}`, { cause: err });
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `Cannot read OSM PBF file ${file}: ${errorMessage(err)}`, { cause: err });
  }
}

/**
 * Rejects non-PBF input before streaming it: the parser would read the first 4 bytes of e.g.
 * a text file as a gigantic blob length and buffer the whole file waiting for it.
 */
export async function assertOsmPbf(file: string): Promise<void> {
  const handle = await open(file, 'r').catch((err: unknown) => {
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `Cannot read OSM PBF file ${file}: ${errorMessage(err)}`, { cause: err });
  });
  try {
    const lengthBytes = Buffer.alloc(4);
    const { bytesRead } = await handle.read(lengthBytes, 0, 4, 0);
    const headerLength = bytesRead === 4 ? lengthBytes.readUInt32BE(0) : 0;
    if (headerLength === 0 || headerLength > MAX_BLOB_HEADER_BYTES) throw notPbf(file, 'bad blob header length');
    const header = Buffer.alloc(headerLength);
    const read = await handle.read(header, 0, headerLength, 4);
    if (read.bytesRead !== headerLength || !header.includes('OSMHeader')) throw notPbf(file, 'missing OSMHeader block');
  } catch (err) {
    if (err instanceof RoadGraphError) throw err;
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `Cannot read OSM PBF file ${file}: ${errorMessage(err)}`, { cause: err });
  } finally {
    await handle.close();
  }
}

function notPbf(file: string, reason: string): RoadGraphError {
  return new RoadGraphError('ROADGRAPH_BAD_FILE', `${file} is not a valid OSM PBF file (${reason})`);
}

/**
 * The parser throws from inside _transform on malformed blocks, which escapes the stream as an
 * uncaught exception (and leaves consumers hanging); route such throws into the stream instead.
 */
export class SafeOSMTransform extends OSMTransform {
  override _transform(chunk: Buffer, encoding: BufferEncoding, next: TransformCallback): void {
    try {
      super._transform(chunk, encoding, next);
    } catch (err) {
      next(err as Error);
    }
  }

  override _flush(next: TransformCallback): void {
    try {
      super._flush(next);
    } catch (err) {
      next(err as Error);
    }
  }
}

/**
 * Streams every entity of an OSM PBF file to `visit`, one pass; a malformed file rejects with an
 * error naming it. `withTags` picks which entity types keep their tags (false: none).
 */
export async function scanOsmEntities<E = unknown>(file: string, withTags: OSMOptions['withTags'], visit: (entity: E) => void): Promise<void> {
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const parser = new SafeOSMTransform({ withTags, withInfo: false });
  pipeline(source, parser, () => {});
  try {
    for await (const batch of parser as AsyncIterable<E[]>) {
      for (const e of batch) visit(e);
    }
  } catch (err) {
    throw new Error(`${file} is not a readable OSM PBF file (${errorMessage(err)})`, { cause: err });
  } finally {
    source.destroy();
  }
}
