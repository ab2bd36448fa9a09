import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { GeoJsonArea } from '@firebreak/contracts';
import { assertOsmPbf, SafeOSMTransform } from '@firebreak/roadgraph';
import { AppError } from '../../errors.js';

/** A longitude/latitude box: [west, south, east, north]. */
export type Bbox = readonly [west: number, south: number, east: number, north: number];

/** Where an extract has data: the area its boundaries are closed along when the extract cut them. */
export interface ExtractBounds {
  area: GeoJsonArea;
  /** 'header': the bbox the extract tool wrote; 'nodes': the box around every node of the file. */
  source: 'header' | 'nodes';
}

interface HeaderBlock { type?: undefined; bbox?: { left: number; right: number; top: number; bottom: number } }
interface NodeEntity { type: 'node'; lon: number; lat: number }
type Item = HeaderBlock | NodeEntity | { type: 'way' | 'relation' };

/** The PBF header stores its bbox in nanodegrees. */
const NANO = 1e-9;

/**
 * The extract's bounds: the header bbox when the tool that cut it wrote one (osmium, osmconvert
 * do), else the box around all of its nodes (a second read of the node blocks).
 */
export async function readExtractBounds(file: string): Promise<ExtractBounds> {
  await assertOsmPbf(file);
  let header: Bbox | undefined;
  let nodes: [number, number, number, number] | undefined;
  await scanItems(file, (item) => {
    if (item.type === undefined) {
      const b = item.bbox;
      if (b && b.left < b.right && b.bottom < b.top) header = [b.left * NANO, b.bottom * NANO, b.right * NANO, b.top * NANO];
      return header !== undefined;
    }
    if (item.type !== 'node') return nodes !== undefined;
    const n = item as NodeEntity;
    if (!nodes) nodes = [n.lon, n.lat, n.lon, n.lat];
    else {
      nodes[0] = Math.min(nodes[0], n.lon);
      nodes[1] = Math.min(nodes[1], n.lat);
      nodes[2] = Math.max(nodes[2], n.lon);
      nodes[3] = Math.max(nodes[3], n.lat);
    }
    return false;
  });
  if (header) return { area: bboxArea(header), source: 'header' };
  if (nodes && nodes[0] < nodes[2] && nodes[1] < nodes[3]) return { area: bboxArea(nodes), source: 'nodes' };
  throw new AppError('VALIDATION_FAILED', `${file} has no header bbox and no nodes spanning an area`, { fields: [{ path: 'file', message: 'the extract covers no area' }] });
}

export function bboxArea([w, s, e, n]: Bbox): GeoJsonArea {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/**
 * `--within`: "west,south,east,north" in degrees, or a GeoJSON file holding a Polygon or
 * MultiPolygon (bare, as a Feature, or the first feature of a FeatureCollection).
 */
export async function parseWithin(arg: string): Promise<GeoJsonArea> {
  const numbers = arg.split(',').map((x) => x.trim());
  if (numbers.length === 4 && numbers.every((x) => x !== '' && Number.isFinite(Number(x)))) {
    const [w, s, e, n] = numbers.map(Number) as [number, number, number, number];
    if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90)) {
      throw withinError('a bbox is west,south,east,north in degrees, west < east and south < north');
    }
    return bboxArea([w, s, e, n]);
  }
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch (err) {
    throw withinError(`neither a bbox (west,south,east,north) nor a readable GeoJSON file: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw withinError(`${arg} is not JSON`);
  }
  const parsed = GeoJsonArea.safeParse(geometryOf(json));
  if (!parsed.success) throw withinError(`${arg}: ${parsed.error.issues[0]?.message ?? 'not a Polygon or MultiPolygon'}`);
  return parsed.data;
}

function geometryOf(json: unknown): unknown {
  const o = json as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] } | null;
  if (o?.type === 'Feature') return o.geometry;
  if (o?.type === 'FeatureCollection') return o.features?.[0]?.geometry;
  return o;
}

function withinError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `--within: ${message}`, { fields: [{ path: 'within', message }] });
}

/** Streams items until `visit` returns true; the header block comes first, then the entities. */
async function scanItems(file: string, visit: (item: Item) => boolean): Promise<void> {
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const parser = new SafeOSMTransform({ withTags: false, withInfo: false });
  pipeline(source, parser, () => {});
  try {
    for await (const batch of parser as AsyncIterable<Item[]>) {
      for (const item of batch) if (visit(item)) return;
    }
  } catch (err) {
    throw new Error(`${file} is not a readable OSM PBF file (${(err as Error).message})`, { cause: err });
  } finally {
    source.destroy();
  }
}
