import { readFile, writeFile } from 'node:fs/promises';
import { RoadGraphError, errorMessage } from '../errors.js';
import type { Hierarchy, RankAdjacency } from './hierarchy.js';

import { PROFILES } from '../profile.js';

const MAGIC = 0x48434246; // "FBCH" little-endian
// magic, nodeCount, up arcs, down arcs, profile (index in PROFILES), zero (keeps the costs aligned)
const HEADER_INTS = 6;

/** Layout: Int32 header, then Int32 arrays only (costs are whole ms). */
export function encodeHierarchy(ch: Hierarchy): Uint8Array {
  const sections: ArrayBufferView[] = [
    Int32Array.of(MAGIC, ch.nodeCount, ch.up.other.length, ch.down.other.length, PROFILES.indexOf(ch.profile), 0),
    ch.up.cost, ch.down.cost,
    ch.rankOf, ch.nodeOf,
    ch.up.start, ch.up.other, ch.up.via,
    ch.down.start, ch.down.other, ch.down.via,
  ];
  const bytes = new Uint8Array(sections.reduce((sum, s) => sum + s.byteLength, 0));
  let offset = 0;
  for (const s of sections) {
    bytes.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), offset);
    offset += s.byteLength;
  }
  return bytes;
}

export function decodeHierarchy(bytes: Uint8Array, source = 'hierarchy file'): Hierarchy {
  const fresh = new Uint8Array(bytes); // own, aligned buffer
  if (fresh.byteLength < HEADER_INTS * 4) throw bad(source, 'too short');
  const [magic, n, up, down, profileIndex] = new Int32Array(fresh.buffer, 0, HEADER_INTS) as unknown as [number, number, number, number, number];
  if (magic !== MAGIC) throw bad(source, 'not a hierarchy file');
  const profile = PROFILES[profileIndex];
  if (profile === undefined) throw bad(source, `unknown profile ${profileIndex} (an older format?)`);
  const expected = HEADER_INTS * 4 + 4 * (2 * n + 2 * (n + 1) + 3 * (up + down));
  if (fresh.byteLength !== expected) throw bad(source, 'truncated or padded');
  let offset = HEADER_INTS * 4;
  const i32 = (count: number) => {
    const view = new Int32Array(fresh.buffer, offset, count);
    offset += 4 * count;
    return view;
  };
  const upCost = i32(up);
  const downCost = i32(down);
  const rankOf = i32(n);
  const nodeOf = i32(n);
  const adjacency = (count: number, cost: Int32Array): RankAdjacency => ({ start: i32(n + 1), other: i32(count), via: i32(count), cost });
  return { nodeCount: n, profile, rankOf, nodeOf, up: adjacency(up, upCost), down: adjacency(down, downCost) };
}

export async function saveHierarchy(ch: Hierarchy, file: string): Promise<void> {
  await writeFile(file, encodeHierarchy(ch));
}

export async function loadHierarchy(file: string): Promise<Hierarchy> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'ROADGRAPH_FILE_NOT_FOUND' : 'ROADGRAPH_BAD_FILE';
    throw new RoadGraphError(code, `Cannot read hierarchy file ${file}: ${errorMessage(err)}`, { cause: err });
  }
  return decodeHierarchy(bytes, file);
}

function bad(source: string, reason: string): RoadGraphError {
  return new RoadGraphError('ROADGRAPH_BAD_FILE', `${source} is not a valid hierarchy file (${reason})`);
}
