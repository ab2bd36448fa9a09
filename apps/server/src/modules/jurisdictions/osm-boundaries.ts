import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { assertOsmPbf, osmFileSize, SafeOSMTransform } from '@firebreak/roadgraph';
import type { OSMOptions } from 'osm-pbf-parser-node';
import { hasZhName, PLACE_ROLES, withPlaceZhNames, type PlaceMember } from './boundary-names.js';

export type LonLat = readonly [lon: number, lat: number];

export interface AdminBoundary {
  osmId: number;
  name: string;
  names: Record<string, string>;
  adminLevel: number;
  outer: LonLat[][];
  inner: LonLat[][];
  missingWays: number;
}

export interface ReadProgress {
  phase: 'scan' | 'ways' | 'nodes';
  bytesRead: number;
  totalBytes: number;
}

export interface ReadAdminBoundariesOptions {
  adminLevels?: number[];
  onProgress?: (p: ReadProgress) => void;
}

// Every level OSM defines: which become jurisdictions is the import's mapping (admin-levels.ts), and the rest are reported, not dropped unseen.
const DEFAULT_ADMIN_LEVELS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const BOUNDARY_TYPES = new Set(['boundary', 'multipolygon']);
const READ_CHUNK_BYTES = 1 << 20;
// The PBF spec caps a BlobHeader at 64 KiB.
const SORTED_FEATURE = 'Sort.Type_then_ID';

type EntityType = 'node' | 'way' | 'relation';
const ENTITY_ORDER: Record<EntityType, number> = { node: 0, way: 1, relation: 2 };

interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Record<string, string> }
interface OsmWay { type: 'way'; id: number; refs: number[] }
interface OsmMember { type: EntityType; ref: number; role: string }
interface OsmRelation { type: 'relation'; id: number; members: OsmMember[]; tags?: Record<string, string> }
type OsmEntity = OsmNode | OsmWay | OsmRelation;
interface OsmHeader { type?: undefined; optional_features?: string[] }

interface WantedRelation {
  id: number;
  tags: Record<string, string>;
  adminLevel: number;
  ways: { id: number; role: 'outer' | 'inner' }[];
  /** Its label and admin_centre nodes, read for a Chinese name only when the relation has none (boundary-names.ts). */
  places: PlaceMember[];
}

interface Pass {
  file: string;
  totalBytes: number;
  phase: ReadProgress['phase'];
  withTags: OSMOptions['withTags'];
  /** In a file flagged as sorted, entities of a later type end the pass. */
  lastType?: EntityType;
  onProgress?: ((p: ReadProgress) => void) | undefined;
}

/**
 * Reads the administrative boundary relations of an OSM PBF file with their member ways
 * as coordinate polylines. Polygon assembly is left to the caller (ST_BuildArea).
 */
export async function readAdminBoundaries(
  file: string,
  opts: ReadAdminBoundariesOptions = {},
): Promise<AdminBoundary[]> {
  const totalBytes = await osmFileSize(file);
  await assertOsmPbf(file);
  const base = { file, totalBytes, onProgress: opts.onProgress };
  const levels = new Set(opts.adminLevels ?? DEFAULT_ADMIN_LEVELS);

  const relationTagsOnly = { node: false, way: false, relation: true };
  const relations = await readWantedRelations({ ...base, phase: 'scan', withTags: relationTagsOnly }, levels);
  if (relations.length === 0) return [];

  const wayIds = new Set(relations.flatMap((r) => r.ways.map((w) => w.id)));
  const ways = await readWayRefs({ ...base, phase: 'ways', withTags: false, lastType: 'way' }, wayIds);
  const placeIds = new Set(relations.flatMap((r) => r.places.map((p) => p.ref)));
  // Node tags are decoded only when some boundary may borrow a name from a node: most nodes have none wanted.
  const nodeTags = new Map<number, Record<string, string>>();
  const nodes = await readNodeCoords({ ...base, phase: 'nodes', withTags: { node: placeIds.size > 0, way: false, relation: false }, lastType: 'node' }, ways, placeIds, nodeTags);

  return relations.map((r) => toBoundary(r, ways, nodes, nodeTags)).sort(compareBoundaries);
}

async function readWantedRelations(pass: Pass, levels: Set<number>): Promise<WantedRelation[]> {
  const wanted: WantedRelation[] = [];
  await scan(pass, (entity) => {
    if (entity.type !== 'relation') return false;
    const relation = toWantedRelation(entity, levels);
    if (relation) wanted.push(relation);
    return false;
  });
  return wanted;
}

function toWantedRelation(relation: OsmRelation, levels: Set<number>): WantedRelation | undefined {
  const tags = relation.tags;
  if (tags?.boundary !== 'administrative' || !BOUNDARY_TYPES.has(tags.type ?? '')) return undefined;
  const adminLevel = Number(tags.admin_level);
  if (!Number.isInteger(adminLevel) || !levels.has(adminLevel)) return undefined;

  const ways: WantedRelation['ways'] = [];
  const places: PlaceMember[] = [];
  const lacksZh = !hasZhName(namesOf(tags));
  for (const member of relation.members) {
    if (member.type === 'node' && lacksZh && PLACE_ROLES.has(member.role)) places.push({ ref: member.ref, role: member.role });
    if (member.type !== 'way') continue;
    if (member.role === 'outer' || member.role === '') ways.push({ id: member.ref, role: 'outer' });
    else if (member.role === 'inner') ways.push({ id: member.ref, role: 'inner' });
  }
  return { id: relation.id, tags, adminLevel, ways, places };
}

async function readWayRefs(pass: Pass, wanted: Set<number>): Promise<Map<number, Float64Array>> {
  const refs = new Map<number, Float64Array>();
  await scan(pass, (entity) => {
    if (entity.type !== 'way' || !wanted.has(entity.id) || refs.has(entity.id)) return false;
    refs.set(entity.id, Float64Array.from(entity.refs));
    return refs.size === wanted.size;
  });
  return refs;
}

/**
 * Node coordinates keyed by a sorted id array rather than a Map: V8 Maps top out at ~16.7M
 * entries, which boundary nodes of a large country extract can exceed.
 */
class NodeCoords {
  readonly coords: Float64Array;
  found = 0;

  constructor(readonly ids: Float64Array) {
    this.coords = new Float64Array(ids.length * 2).fill(Number.NaN);
  }

  static forWays(ways: Map<number, Float64Array>): NodeCoords {
    let total = 0;
    for (const refs of ways.values()) total += refs.length;
    const all = new Float64Array(total);
    let offset = 0;
    for (const refs of ways.values()) {
      all.set(refs, offset);
      offset += refs.length;
    }
    return new NodeCoords(uniqueSorted(all.sort()));
  }

  get complete(): boolean {
    return this.found === this.ids.length;
  }

  set(id: number, lon: number, lat: number): void {
    const i = binarySearch(this.ids, id);
    if (i < 0 || !Number.isNaN(this.coords[2 * i])) return;
    this.coords[2 * i] = lon;
    this.coords[2 * i + 1] = lat;
    this.found++;
  }

  get(id: number): LonLat | undefined {
    const i = binarySearch(this.ids, id);
    if (i < 0) return undefined;
    const lon = this.coords[2 * i]!;
    const lat = this.coords[2 * i + 1]!;
    return Number.isNaN(lon) ? undefined : [lon, lat];
  }
}

async function readNodeCoords(
  pass: Pass, ways: Map<number, Float64Array>, placeIds: ReadonlySet<number>, placeTags: Map<number, Record<string, string>>,
): Promise<NodeCoords> {
  const nodes = NodeCoords.forWays(ways);
  const done = () => nodes.complete && placeTags.size === placeIds.size;
  if (done()) return nodes;
  await scan(pass, (entity) => {
    if (entity.type !== 'node') return false;
    nodes.set(entity.id, entity.lon, entity.lat);
    if (placeIds.has(entity.id)) placeTags.set(entity.id, entity.tags ?? {});
    return done();
  });
  return nodes;
}

function toBoundary(relation: WantedRelation, ways: Map<number, Float64Array>, nodes: NodeCoords, nodeTags: ReadonlyMap<number, Record<string, string>>): AdminBoundary {
  const outer: LonLat[][] = [];
  const inner: LonLat[][] = [];
  let missingWays = 0;
  for (const member of relation.ways) {
    const refs = ways.get(member.id);
    const line = refs ? toPolyline(refs, nodes) : [];
    // A way clipped down to fewer than 2 known nodes carries no geometry: count it as missing.
    if (line.length < 2) missingWays++;
    else (member.role === 'outer' ? outer : inner).push(line);
  }
  const { tags, id } = relation;
  const name = tags.name ?? tags['name:en'] ?? `relation ${id}`;
  const names = withPlaceZhNames(namesOf(tags), name, relation.places, nodeTags);
  return { osmId: id, name, names, adminLevel: relation.adminLevel, outer, inner, missingWays };
}

function toPolyline(refs: Float64Array, nodes: NodeCoords): LonLat[] {
  const line: LonLat[] = [];
  for (const ref of refs) {
    const point = nodes.get(ref);
    if (point) line.push(point);
  }
  return line;
}

function namesOf(tags: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (key === 'name') names[''] = value;
    else if (key.startsWith('name:')) names[key.slice('name:'.length)] = value;
  }
  return names;
}

function compareBoundaries(a: AdminBoundary, b: AdminBoundary): number {
  return a.adminLevel - b.adminLevel || a.name.localeCompare(b.name) || a.osmId - b.osmId;
}

/**
 * Streams every entity of the file to `visit` until it returns true (nothing more needed).
 * Progress is reported per pass as bytes read of the file.
 */
async function scan(pass: Pass, visit: (entity: OsmEntity) => boolean): Promise<void> {
  const { file, totalBytes, phase, onProgress } = pass;
  const source = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  const parser = new SafeOSMTransform({ withTags: pass.withTags, withInfo: false });
  // Errors of either stream reach us through the parser's iterator; early exit is not an error.
  pipeline(source, parser, () => {});

  onProgress?.({ phase, bytesRead: 0, totalBytes });
  let reported = 0;
  try {
    await visitBatches(parser, pass, visit, () => {
      if (source.bytesRead === reported) return;
      reported = source.bytesRead;
      onProgress?.({ phase, bytesRead: reported, totalBytes });
    });
  } catch (err) {
    throw isErrnoException(err) && err.syscall ? cannotRead(file, err) : notPbf(file, errorMessage(err), err);
  } finally {
    source.destroy();
  }
  // The pass's work is done even when it stopped early, so a progress bar should show it full.
  if (reported !== totalBytes) onProgress?.({ phase, bytesRead: totalBytes, totalBytes });
}

async function visitBatches(
  parser: SafeOSMTransform,
  pass: Pass,
  visit: (entity: OsmEntity) => boolean,
  afterBatch: () => void,
): Promise<void> {
  const lastOrder = pass.lastType === undefined ? Infinity : ENTITY_ORDER[pass.lastType];
  let sorted = false;
  // Only a later type *after* the wanted one ends the pass: osmconvert flags its output as sorted
  // yet writes relations before ways (Baltimore extract), which would end the way pass before its first way.
  let seenLast = false;
  for await (const batch of parser as AsyncIterable<(OsmEntity | OsmHeader)[]>) {
    for (const item of batch) {
      if (item.type === undefined) {
        sorted = item.optional_features?.includes(SORTED_FEATURE) ?? false;
        continue;
      }
      if (item.type === pass.lastType) seenLast = true;
      else if (sorted && seenLast && ENTITY_ORDER[item.type] > lastOrder) return;
      if (visit(item)) return;
    }
    afterBatch();
  }
}

function uniqueSorted(sorted: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  }
  return sorted.subarray(0, n);
}

function binarySearch(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid]!;
    if (at < value) lo = mid + 1;
    else if (at > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function notPbf(file: string, reason: string, cause?: unknown): Error {
  return new Error(`${file} is not a valid OSM PBF file (${reason})`, { cause });
}

function cannotRead(file: string, cause: unknown): Error {
  return new Error(`Cannot read OSM PBF file ${file}: ${errorMessage(cause)}`, { cause });
}

function isErrnoException(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
