import { open, writeFile } from 'node:fs/promises';
import { RoadGraphError, errorMessage } from './errors.js';
import type { GraphData } from './graph-data.js';
import { viaWayFault } from './via-ways.js';

const MAGIC = 0x47524246; // "FBRG" little-endian
/**
 * 2: emergency profile costs; 3: turn restrictions and edge flags; 4: height and weight limits,
 * Float32 edge lengths; 5: `highway=track` edges and their costs (issue 17); 6: the minor-way edge flag (cordons'
 * traffic control points); 7: turn restrictions whose via is a way. Part of the server's cache
 * file names: a file of an older format is rebuilt from the OSM extract, not read.
 */
export const GRAPH_FORMAT_VERSION = 7;
/** Ten Uint32 fields (the last reserved, 0): the Float64 sections stay 8-byte aligned. */
const HEADER_BYTES = 40;

/** Layout: header, then Float64 sections, then Float32 and Int32 sections, so every view is aligned. */
export function encodeGraph(data: GraphData): Uint8Array {
  const n = data.nodeLon.length;
  const m = data.edgeSource.length;
  const points = data.geomCoords.length / 2;
  const turns = data.turnRestrictions.length / 4;
  const limits = data.edgeLimits.length / 3;
  const tracks = data.trackCosts.length / 3;
  const viaWays = data.viaWayRestrictions.length;
  const bytes = new Uint8Array(byteLength(n, m, points, turns, limits, tracks, viaWays));
  const header = new DataView(bytes.buffer);
  [MAGIC, GRAPH_FORMAT_VERSION, n, m, points, turns, limits, tracks, viaWays, 0].forEach((v, i) => header.setUint32(i * 4, v, true));
  let offset = HEADER_BYTES;
  for (const section of sectionsOf(data)) {
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset);
    offset += section.byteLength;
  }
  return bytes;
}

export function decodeGraph(bytes: Uint8Array, source = 'graph file'): GraphData {
  if (bytes.byteLength < HEADER_BYTES || bytes.byteOffset % 8 !== 0) throw badFile(source, 'too short');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  // Magic and version first: an older file's header is shorter, and says so by its version.
  const [magic, version] = [header.getUint32(0, true), header.getUint32(4, true)];
  if (magic !== MAGIC) throw badFile(source, 'not a road graph file');
  if (version !== GRAPH_FORMAT_VERSION) throw badFile(source, `format version ${version}, expected ${GRAPH_FORMAT_VERSION}`);
  const [n, m, points, turns, limits, tracks, viaWays] = [2, 3, 4, 5, 6, 7, 8].map((i) => header.getUint32(i * 4, true)) as [number, number, number, number, number, number, number];
  if (bytes.byteLength !== byteLength(n, m, points, turns, limits, tracks, viaWays)) throw badFile(source, 'truncated or padded');
  let offset = bytes.byteOffset + HEADER_BYTES;
  const f64 = (count: number) => {
    const view = new Float64Array(bytes.buffer, offset, count);
    offset += count * 8;
    return view;
  };
  const f32 = (count: number) => {
    const view = new Float32Array(bytes.buffer, offset, count);
    offset += count * 4;
    return view;
  };
  const i32 = (count: number) => {
    const view = new Int32Array(bytes.buffer, offset, count);
    offset += count * 4;
    return view;
  };
  const data: GraphData = {
    nodeLon: f64(n), nodeLat: f64(n),
    edgeLengthM: f32(m), edgeSource: i32(m), edgeTarget: i32(m), edgeForwardMs: i32(m), edgeBackwardMs: i32(m),
    emergencyForwardMs: i32(m), emergencyBackwardMs: i32(m),
    geomStart: i32(m + 1), geomCoords: i32(points * 2), turnRestrictions: i32(turns * 4), edgeLimits: i32(limits * 3),
    trackCosts: i32(tracks * 3), viaWayRestrictions: i32(viaWays), edgeFlags: new Uint8Array(bytes.buffer, offset, m),
  };
  assertConsistent(data, source);
  return data;
}

export async function saveGraph(data: GraphData, file: string): Promise<void> {
  await writeFile(file, encodeGraph(data));
}

/** Reads the file into one fresh, 8-byte aligned buffer; the arrays are views on it. */
export async function loadGraphData(file: string): Promise<GraphData> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RoadGraphError(code === 'ENOENT' ? 'ROADGRAPH_FILE_NOT_FOUND' : 'ROADGRAPH_BAD_FILE', `Cannot open road graph file ${file}: ${errorMessage(err)}`, { cause: err });
  }
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return decodeGraph(bytes.subarray(0, read), file);
  } finally {
    await handle.close();
  }
}

function sectionsOf(d: GraphData): ArrayBufferView[] {
  return [d.nodeLon, d.nodeLat, d.edgeLengthM, d.edgeSource, d.edgeTarget, d.edgeForwardMs, d.edgeBackwardMs, d.emergencyForwardMs, d.emergencyBackwardMs, d.geomStart, d.geomCoords, d.turnRestrictions, d.edgeLimits, d.trackCosts, d.viaWayRestrictions, d.edgeFlags];
}

function byteLength(n: number, m: number, points: number, turns: number, limits: number, tracks: number, viaWays: number): number {
  const size = HEADER_BYTES + 8 * 2 * n + 4 * (m + 6 * m + m + 1 + 2 * points + 4 * turns + 3 * limits + 3 * tracks + viaWays) + m;
  return size;
}

function assertConsistent(d: GraphData, source: string): void {
  const n = d.nodeLon.length;
  const m = d.edgeSource.length;
  for (let e = 0; e < m; e++) {
    const s = d.edgeSource[e]!, t = d.edgeTarget[e]!;
    if (s < 0 || s >= n || t < 0 || t >= n) throw badFile(source, `edge ${e} refers to a missing node`);
    if (d.geomStart[e + 1]! - d.geomStart[e]! < 2) throw badFile(source, `edge ${e} has no geometry`);
  }
  if (d.geomStart[m] !== d.geomCoords.length / 2) throw badFile(source, 'geometry index out of step');
  const r = d.turnRestrictions;
  for (let i = 0; i < r.length; i += 4) {
    const via = r[i]!, from = r[i + 1]!, to = r[i + 2]!;
    const touches = (e: number) => e >= 0 && e < m && (d.edgeSource[e] === via || d.edgeTarget[e] === via);
    if (!touches(from) || !touches(to)) throw badFile(source, `turn restriction ${i / 4} does not meet at its via node`);
  }
  const l = d.edgeLimits;
  for (let i = 0; i < l.length; i += 3) if (!(l[i]! >= 0 && l[i]! < m)) throw badFile(source, `limit ${i / 3} refers to a missing edge`);
  const t = d.trackCosts;
  for (let i = 0; i < t.length; i += 3) if (!(t[i]! >= 0 && t[i]! < m)) throw badFile(source, `track ${i / 3} refers to a missing edge`);
  const viaWayProblem = viaWayFault(d.viaWayRestrictions, d.edgeSource, d.edgeTarget);
  if (viaWayProblem) throw badFile(source, viaWayProblem);
}

function badFile(source: string, reason: string): RoadGraphError {
  return new RoadGraphError('ROADGRAPH_BAD_FILE', `${source} is not a valid road graph file (${reason})`);
}
