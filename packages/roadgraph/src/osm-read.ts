import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { RoadGraphError, errorMessage } from './errors.js';
import { assertOsmPbf, osmFileSize, SafeOSMTransform } from './osm-file.js';
import { BARRIER_TAGS, barrierPassage, type BarrierPassage } from './barriers.js';
import { PROFILE_TAGS, wayProfiles, type ProfileOptions, type WayProfiles } from './profile.js';

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
  /** Barrier nodes that stop at least one profile, by OSM node id. */
  barriers: Map<number, BarrierPassage>;
}

export interface RoadWay {
  id: number;
  refs: Float64Array;
  profiles: WayProfiles;
}

interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Record<string, string> }
interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Record<string, string> }
interface OsmOther { type: 'relation' | undefined }
type OsmItem = OsmNode | OsmWay | OsmOther;

const READ_CHUNK_BYTES = 1 << 20;
// The PBF spec caps a BlobHeader at 64 KiB.

/** One pass over the file: every node's coordinates and every drivable way. */
export async function readOsmRoads(file: string, onProgress?: (p: ImportProgress) => void, profileOptions: ProfileOptions = {}): Promise<OsmRoads> {
  const totalBytes = await osmFileSize(file);
  await assertOsmPbf(file);
  const nodes = new GrowableNodes();
  const ways: RoadWay[] = [];
  const barriers = new Map<number, BarrierPassage>();
  const source = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  const parser = new SafeOSMTransform({ withTags: { node: BARRIER_TAGS, way: PROFILE_TAGS, relation: false }, withInfo: false });
  pipeline(source, parser, () => {});
  try {
    for await (const batch of parser as AsyncIterable<OsmItem[]>) {
      for (const item of batch) {
        if (item.type === 'node') {
          nodes.push(item.id, item.lon, item.lat);
          const passage = item.tags && barrierPassage(item.tags);
          if (passage) barriers.set(item.id, passage);
        } else if (item.type === 'way') collectWay(item, ways, profileOptions);
      }
      onProgress?.({ bytesRead: source.bytesRead, totalBytes });
    }
  } catch (err) {
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `${file} is not a valid OSM PBF file (${errorMessage(err)})`, { cause: err });
  } finally {
    source.destroy();
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes });
  return { ...nodes.finish(), ways, barriers };
}

function collectWay(way: OsmWay, ways: RoadWay[], options: ProfileOptions): void {
  if (way.refs.length < 2 || way.tags === undefined) return;
  const profiles = wayProfiles(way.tags, options);
  if (profiles) ways.push({ id: way.id, refs: Float64Array.from(way.refs), profiles });
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

