import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { RoadGraphError, errorMessage } from './errors.js';
import { assertOsmPbf, osmFileSize, SafeOSMTransform } from './osm-file.js';
import { BARRIER_TAGS, barrierPassage, type BarrierPassage } from './barriers.js';
import { PROFILE_TAGS, wayProfiles, type ProfileOptions, type WayProfiles } from './profile.js';
import { RESTRICTION_TAGS, restrictionRule, type RestrictionRule } from './turns.js';

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
  /** OSM ids of `highway=traffic_signals` nodes. */
  signals: Set<number>;
  /** Seconds per signal by profile (ProfileOptions.trafficSignalSeconds). */
  signalSeconds: Readonly<Record<'car' | 'emergency', number>>;
  /** Turn restrictions with one via node, or one or more via ways, by OSM ids. */
  restrictions: OsmRestriction[];
}

export interface OsmRestriction extends RestrictionRule {
  id: number;
  fromWay: number;
  /** The via node, or -1 when the via is ways. */
  viaNode: number;
  /** The via ways in the relation's member order (empty for a via node). */
  viaWays: number[];
  toWay: number;
}

export interface RoadWay {
  id: number;
  refs: Float64Array;
  profiles: WayProfiles;
}

interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Record<string, string> }
/** A way and a relation as the PBF parser gives them (also what hand-made fixtures are written as). */
export interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Record<string, string> }
interface OsmMember { type: 'node' | 'way' | 'relation'; ref: number; role: string }
export interface OsmRelation { type: 'relation'; id: number; members: OsmMember[]; tags?: Record<string, string> }
interface OsmOther { type: undefined }
type OsmItem = OsmNode | OsmWay | OsmRelation | OsmOther;

const READ_CHUNK_BYTES = 1 << 20;
// The PBF spec caps a BlobHeader at 64 KiB.

/** One pass over the file: every node's coordinates and every drivable way. */
export async function readOsmRoads(file: string, onProgress?: (p: ImportProgress) => void, profileOptions: ProfileOptions = {}): Promise<OsmRoads> {
  const totalBytes = await osmFileSize(file);
  await assertOsmPbf(file);
  const nodes = new GrowableNodes();
  const ways: RoadWay[] = [];
  const barriers = new Map<number, BarrierPassage>();
  const restrictions: OsmRestriction[] = [];
  const signals = new Set<number>();
  const source = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  const parser = new SafeOSMTransform({ withTags: { node: [...BARRIER_TAGS, 'highway'], way: PROFILE_TAGS, relation: RESTRICTION_TAGS }, withInfo: false });
  pipeline(source, parser, () => {});
  try {
    for await (const batch of parser as AsyncIterable<OsmItem[]>) {
      for (const item of batch) {
        if (item.type === 'node') {
          nodes.push(item.id, item.lon, item.lat);
          const passage = item.tags && barrierPassage(item.tags);
          if (passage) barriers.set(item.id, passage);
          if (item.tags?.highway === 'traffic_signals') signals.add(item.id);
        } else if (item.type === 'way') collectWay(item, ways, profileOptions);
        else if (item.type === 'relation') {
          const restriction = restrictionOf(item);
          if (restriction) restrictions.push(restriction);
        }
      }
      onProgress?.({ bytesRead: source.bytesRead, totalBytes });
    }
  } catch (err) {
    throw new RoadGraphError('ROADGRAPH_BAD_FILE', `${file} is not a valid OSM PBF file (${errorMessage(err)})`, { cause: err });
  } finally {
    source.destroy();
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes });
  const signalSeconds = { car: profileOptions.trafficSignalSeconds?.car ?? 0, emergency: profileOptions.trafficSignalSeconds?.emergency ?? 0 };
  return { ...nodes.finish(), ways, barriers, restrictions, signals, signalSeconds };
}

/**
 * A restriction with exactly one from way and one to way, and as via either one node or one or
 * more ways (never both); others (several from or to ways, a relation as a member) are skipped.
 */
export function restrictionOf(relation: OsmRelation): OsmRestriction | undefined {
  const rule = relation.tags && restrictionRule(relation.tags);
  if (!rule) return undefined;
  const from = relation.members.filter((m) => m.role === 'from');
  const via = relation.members.filter((m) => m.role === 'via');
  const to = relation.members.filter((m) => m.role === 'to');
  if (from.length !== 1 || via.length === 0 || to.length !== 1) return undefined;
  if (from[0]!.type !== 'way' || to[0]!.type !== 'way') return undefined;
  const base = { id: relation.id, ...rule, fromWay: from[0]!.ref, toWay: to[0]!.ref };
  if (via.length === 1 && via[0]!.type === 'node') return { ...base, viaNode: via[0]!.ref, viaWays: [] };
  if (via.every((m) => m.type === 'way')) return { ...base, viaNode: -1, viaWays: via.map((m) => m.ref) };
  return undefined;
}

function collectWay(way: OsmWay, ways: RoadWay[], options: ProfileOptions): void {
  const road = roadWayOf(way, options);
  if (road) ways.push(road);
}

/** A drivable way (some profile may use it), or undefined. */
export function roadWayOf(way: OsmWay, options: ProfileOptions = {}): RoadWay | undefined {
  if (way.refs.length < 2 || way.tags === undefined) return undefined;
  const profiles = wayProfiles(way.tags, options);
  return profiles ? { id: way.id, refs: Float64Array.from(way.refs), profiles } : undefined;
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

