import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, type TransformCallback } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import { RoadGraphError, errorMessage } from './errors.js';
import { PROFILE_TAGS, wayProfile, type WayProfile } from './profile.js';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
}

export interface OsmRoads {
  /** OSM node ids in file order, with their coordinates at the same index. */
  nodeIds: Float64Array;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  ways: RoadWay[];
}

export interface RoadWay {
  id: number;
  refs: Float64Array;
  profile: WayProfile;
}

interface OsmNode { type: 'node'; id: number; lat: number; lon: number }
interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Record<string, string> }
interface OsmOther { type: 'relation' | undefined }
type OsmItem = OsmNode | OsmWay | OsmOther;

const READ_CHUNK_BYTES = 1 << 20;
// The PBF spec caps a BlobHeader at 64 KiB.
const MAX_BLOB_HEADER_BYTES = 64 * 1024;

/** One pass over the file: every node's coordinates and every drivable way. */
export async function readOsmRoads(file: string, onProgress?: (p: ImportProgress) => void): Promise<OsmRoads> {
  const totalBytes = await fileSize(file);
  await assertPbfSignature(file);
  const nodes = new GrowableNodes();
  const ways: RoadWay[] = [];
  const source = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  const parser = new SafeOSMTransform({ withTags: { node: false, way: PROFILE_TAGS, relation: false }, withInfo: false });
  pipeline(source, parser, () => {});
  try {
    for await (const batch of parser as AsyncIterable<OsmItem[]>) {
      for (const item of batch) {
        if (item.type === 'node') nodes.push(item.id, item.lon, item.lat);
        else if (item.type === 'way') collectWay(item, ways);
      }
      onProgress?.({ bytesRead: source.bytesRead, totalBytes });
    }
  } catch (err) {
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `${file} is not a valid OSM PBF file (${errorMessage(err)})`, { cause: err });
  } finally {
    source.destroy();
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes });
  return { ...nodes.finish(), ways };
}

function collectWay(way: OsmWay, ways: RoadWay[]): void {
  if (way.refs.length < 2 || way.tags === undefined) return;
  const profile = wayProfile(way.tags);
  if (profile) ways.push({ id: way.id, refs: Float64Array.from(way.refs), profile });
}

class GrowableNodes {
  private ids: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  private lon: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  private lat: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  private count = 0;

  push(id: number, lon: number, lat: number): void {
    if (this.count === this.ids.length) this.grow();
    this.ids[this.count] = id;
    this.lon[this.count] = lon;
    this.lat[this.count] = lat;
    this.count++;
  }

  finish(): Pick<OsmRoads, 'nodeIds' | 'nodeLon' | 'nodeLat'> {
    const n = this.count;
    return { nodeIds: this.ids.slice(0, n), nodeLon: this.lon.slice(0, n), nodeLat: this.lat.slice(0, n) };
  }

  private grow(): void {
    const size = this.ids.length * 2;
    this.ids = resized(this.ids, size);
    this.lon = resized(this.lon, size);
    this.lat = resized(this.lat, size);
  }
}

function resized(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

async function fileSize(file: string): Promise<number> {
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
async function assertPbfSignature(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const lengthBytes = Buffer.alloc(4);
    const { bytesRead } = await handle.read(lengthBytes, 0, 4, 0);
    const headerLength = bytesRead === 4 ? lengthBytes.readUInt32BE(0) : 0;
    if (headerLength === 0 || headerLength > MAX_BLOB_HEADER_BYTES) throw notPbf(file, 'bad blob header length');
    const header = Buffer.alloc(headerLength);
    const read = await handle.read(header, 0, headerLength, 4);
    if (read.bytesRead !== headerLength || !header.includes('OSMHeader')) throw notPbf(file, 'missing OSMHeader block');
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
class SafeOSMTransform extends OSMTransform {
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
